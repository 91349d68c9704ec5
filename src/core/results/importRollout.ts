// Owns turning imported results rows into rollouts that the app shows like native ones. A row of ours
// (with a readable `medeval` object) comes back exactly as it was stored; any other row is read as the
// verifiers tooling wrote it, keeping the original on `imported.raw`. Pure.
import type { FileShape } from './fileMetrics';
import { foreignRollout, JURY_FILE } from './importForeign';
import { nativeRollout } from './importNative';
import type { ImportedRow } from './parseResults';
import { isProvenance, type ImportProvenance } from './provenance';
import { rolloutKey, type RolloutRecord } from '../schema/run';

/**
 * One rollout. `rolloutIndex` is used for verifiers rows, which do not carry one (their rollouts of an
 * example are simply consecutive); rows of ours carry their own.
 */
export function importedRowToRollout(
  row: ImportedRow,
  runId: string,
  rolloutIndex = 0,
  shape: FileShape = JURY_FILE,
): RolloutRecord {
  const notes = [...row.medevalImport.notes];
  if (row.medeval !== undefined) {
    const native = nativeRollout(row, runId);
    if (native.ok) return native.rollout;
    notes.push(`read as a verifiers row: ${native.reason}`);
  }
  return foreignRollout(row, runId, rolloutIndex, notes, shape);
}

/**
 * All rows, each example's rollouts numbered in file order. A rollout whose key is already taken (a
 * file that repeats a row of ours) moves to the next free index, with a note on it.
 */
export function importedRowsToRollouts(
  rows: readonly ImportedRow[],
  runId: string,
  shape: FileShape = JURY_FILE,
): RolloutRecord[] {
  const used = new Set<string>();
  const nextIndex = new Map<number, number>();
  return rows.map((row) => {
    const rollout = importedRowToRollout(row, runId, nextIndex.get(row.example_id) ?? 0, shape);
    const placed = used.has(rollout.key) ? moveToFreeIndex(rollout, row.line, used) : rollout;
    used.add(placed.key);
    nextIndex.set(
      row.example_id,
      Math.max(nextIndex.get(row.example_id) ?? 0, placed.rollout_index + 1),
    );
    return placed;
  });
}

function moveToFreeIndex(
  rollout: RolloutRecord,
  line: number,
  used: ReadonlySet<string>,
): RolloutRecord {
  let index = rollout.rollout_index + 1;
  while (used.has(rolloutKey(rollout.example_id, index))) index++;
  const note = `rollout ${rollout.key} appears twice in the file: this one is numbered ${index}`;
  const imported: ImportProvenance = isProvenance(rollout.imported)
    ? { ...rollout.imported, notes: [...rollout.imported.notes, note] }
    : { source: 'medeval', line, notes: [note] };
  return {
    ...rollout,
    rollout_index: index,
    key: rolloutKey(rollout.example_id, index),
    imported,
  };
}
