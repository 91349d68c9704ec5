// Owns the provenance an imported rollout carries (`RolloutRecord.imported`): where in the file it came
// from, what reading it changed, and the row as read. A leaf module, so that the importers that write it
// and the export that carries it through never import each other. Pure.

/** What `RolloutRecord.imported` holds for a rollout read from a results file. */
export interface ImportProvenance {
  /** `verifiers`: read from their columns; `medeval`: one of our rows that carried something extra. */
  source: 'verifiers' | 'medeval';
  /** 1-based line in results.jsonl. */
  line: number;
  /** What could not be read, or was read differently, line by line. */
  notes: string[];
  /** The row as read. */
  raw?: Record<string, unknown>;
}

export function isProvenance(value: unknown): value is ImportProvenance {
  if (typeof value !== 'object' || value === null) return false;
  const { source, line, notes } = value as Partial<Record<keyof ImportProvenance, unknown>>;
  return (
    (source === 'verifiers' || source === 'medeval') &&
    typeof line === 'number' &&
    Array.isArray(notes)
  );
}
