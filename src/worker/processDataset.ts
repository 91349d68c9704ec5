// Turns stored raw notes into stored examples with the pure rules of core/envs/mtsamples. Raw notes
// are kept, so this can re-run whenever the rules or the input-cut option change.
import { buildExamples } from '../core/envs/mtsamples/buildExamples';
import type { InputCut } from '../core/envs/mtsamples/processNote';
import { RULES_VERSION } from '../core/envs/mtsamples/processNote';
import { DATASET_SCHEMA_VERSION, type DatasetRecord } from '../core/schema/dataset';
import type { MedevalDb } from '../data/db';
import { readNotes, replaceProcessed } from '../data/datasetStore';

export async function processStoredNotes(
  db: MedevalDb,
  datasetId: string,
  inputCut: InputCut,
  now: number,
): Promise<Pick<DatasetRecord, 'exampleCount' | 'skippedCount' | 'sectionCounts'>> {
  const notes = await readNotes(db, datasetId);
  const built = buildExamples(notes, { inputCut });
  const counts = {
    exampleCount: built.examples.length,
    skippedCount: built.skipped.length,
    sectionCounts: { ...built.sectionCounts },
  };
  await replaceProcessed(
    db,
    datasetId,
    {
      examples: built.examples.map((example) => ({
        schemaVersion: DATASET_SCHEMA_VERSION,
        datasetId,
        example_id: example.example_id,
        id: example.id,
        filename: example.filename,
        extracted_section: example.extracted_section,
        question: example.question,
        answer: example.answer,
      })),
      skips: built.skipped.map((skip) => ({
        schemaVersion: DATASET_SCHEMA_VERSION,
        datasetId,
        name: skip.filename,
        reason: skip.reason,
      })),
    },
    { ...counts, status: 'ready', inputCut, rulesVersion: RULES_VERSION, updatedAt: now },
  );
  return counts;
}
