/** Saves text as a file through a temporary object URL (no server involved). */
export function downloadText(filename: string, text: string, mime = 'application/x-ndjson'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
