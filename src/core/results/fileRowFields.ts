// Owns what a rollout's detail shows of the results-file row it was imported from: every field as
// written (the ones this app has no place for — `info`, `task`, state columns, anything unknown —
// included), minus the prompt and completion, which the detail already shows as messages. Large
// values are cut for display; the stored row is never changed. Pure.
import { isProvenance } from './provenance';
import type { RolloutRecord } from '../schema/run';

/** Beyond this, a field's JSON is cut for display (the detail must not freeze on a huge state column). */
const MAX_FIELD_CHARS = 20_000;
const SHOWN_ELSEWHERE: ReadonlySet<string> = new Set(['prompt', 'completion']);

export interface FileRowFields {
  line: number;
  /** What reading the row changed or left out. */
  notes: string[];
  fields: { name: string; json: string; isCut: boolean }[];
}

export function fileRowFieldsOf(rollout: RolloutRecord): FileRowFields | null {
  const { imported } = rollout;
  if (!isProvenance(imported) || imported.raw === undefined) return null;
  const fields = Object.entries(imported.raw)
    .filter(([name]) => !SHOWN_ELSEWHERE.has(name))
    .map(([name, value]) => {
      const json = JSON.stringify(value, null, 2);
      const isCut = json.length > MAX_FIELD_CHARS;
      return { name, json: isCut ? `${json.slice(0, MAX_FIELD_CHARS)}…` : json, isCut };
    });
  return { line: imported.line, notes: imported.notes, fields };
}
