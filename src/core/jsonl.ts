// JSON Lines: one JSON value per line, '\n' separated, with a trailing newline.

export function toJsonl(rows: readonly unknown[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length > 0 ? '\n' : '');
}
