// What this app stores, item by item, and the "delete everything" action. Sizes are estimates (the
// JSON length of the stored records): browsers report only a total per site.
import type { MedevalDb } from './db';

export interface StoredItem {
  kind: 'dataset' | 'run' | 'corpus';
  id: string;
  label: string;
  records: number;
  approxBytes: number;
}

function approxBytes(rows: readonly unknown[]): number {
  let bytes = 0;
  for (const row of rows) bytes += JSON.stringify(row).length;
  return bytes;
}

export async function storageReport(db: MedevalDb): Promise<StoredItem[]> {
  const items: StoredItem[] = [];
  for (const dataset of await db.datasets.toArray()) {
    if (dataset.origin.kind === 'huggingface' || dataset.origin.kind === 'github-files') {
      // Loaded benchmarks can hold thousands of large rows (HealthBench: ~60 MB): their record's
      // own byte count, as for corpora, not a re-read of every example.
      items.push({
        kind: 'dataset',
        id: dataset.id,
        label: dataset.label,
        records: dataset.exampleCount,
        approxBytes: dataset.bytes,
      });
      continue;
    }
    const notes = await db.notes.where('datasetId').equals(dataset.id).toArray();
    const examples = await db.examples.where('datasetId').equals(dataset.id).toArray();
    items.push({
      kind: 'dataset',
      id: dataset.id,
      label: dataset.label,
      records: notes.length + examples.length,
      approxBytes: approxBytes(notes) + approxBytes(examples),
    });
  }
  for (const run of await db.runs.toArray()) {
    if (run.deletedAt !== undefined) continue;
    const rollouts = await db.rollouts.where('runId').equals(run.id).toArray();
    items.push({
      kind: 'run',
      id: run.id,
      label: run.name,
      records: rollouts.length,
      approxBytes: approxBytes(rollouts) + approxBytes([run]),
    });
  }
  // Loaded training corpora can hold 100,000+ rows: their record's own byte count, not a re-read.
  for (const corpus of await db.corpora.toArray()) {
    items.push({
      kind: 'corpus',
      id: corpus.id,
      label: `${corpus.dataset} (${corpus.config}/${corpus.split})`,
      records: corpus.rowsDone,
      approxBytes: corpus.bytes,
    });
  }
  return items;
}

/** Empties every table (datasets, notes, runs, rollouts, annotations, cache, settings) at once. */
export async function deleteEverything(db: MedevalDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
