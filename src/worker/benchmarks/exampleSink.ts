// Collects a benchmark's rows as examples (or skips) and writes them in batches, each batch with the
// dataset's progress in one transaction, so the UI's progress is what is stored.
import type { RowOutcome } from '../../core/envs/types';
import {
  DATASET_SCHEMA_VERSION,
  type ExampleRecord,
  type SkipRecord,
} from '../../core/schema/dataset';
import type { MedevalDb } from '../../data/db';
import { appendExamples, clearExamples } from '../../data/datasetStore';

interface SinkTotals {
  exampleCount: number;
  skippedCount: number;
  sectionCounts: Record<string, number>;
  bytes: number;
}

export interface ExampleSink {
  /** Queues one row's outcome; `source` names the row for a skip (e.g. `test/0000.parquet row 17`). */
  add(outcome: RowOutcome, source: string, filename: string): void;
  /** Writes what is queued, with the progress. */
  flush(): Promise<void>;
  finish(): Promise<SinkTotals>;
  /** Drops what a failed or cancelled load wrote. */
  abandon(): Promise<void>;
}

export function createExampleSink(
  db: MedevalDb,
  datasetId: string,
  now: () => number,
): ExampleSink {
  let examples: ExampleRecord[] = [];
  let skips: SkipRecord[] = [];
  const totals: SinkTotals = { exampleCount: 0, skippedCount: 0, sectionCounts: {}, bytes: 0 };
  const flush = async () => {
    const batch = { examples, skips };
    examples = [];
    skips = [];
    await appendExamples(db, datasetId, batch, {
      filesDone: totals.exampleCount + totals.skippedCount,
      exampleCount: totals.exampleCount,
      skippedCount: totals.skippedCount,
      updatedAt: now(),
    });
  };
  return {
    add(outcome, source, filename) {
      if ('skip' in outcome) {
        skips.push({
          schemaVersion: DATASET_SCHEMA_VERSION,
          datasetId,
          name: source,
          reason: outcome.skip,
        });
        totals.skippedCount++;
        return;
      }
      const { example } = outcome;
      const record: ExampleRecord = {
        schemaVersion: DATASET_SCHEMA_VERSION,
        datasetId,
        example_id: totals.exampleCount,
        id: example.id,
        filename,
        extracted_section: null,
        question: example.question,
        answer: example.answer,
        group: example.group,
        payload: example.payload,
      };
      examples.push(record);
      totals.exampleCount++;
      // Stored size, roughly: the text fields dominate.
      totals.bytes +=
        example.question.length +
        example.answer.length +
        JSON.stringify(example.payload ?? null).length;
      const group = example.group ?? '—';
      totals.sectionCounts[group] = (totals.sectionCounts[group] ?? 0) + 1;
    },
    flush,
    async finish() {
      await flush();
      return totals;
    },
    async abandon() {
      examples = [];
      skips = [];
      await clearExamples(db, datasetId);
    },
  };
}
