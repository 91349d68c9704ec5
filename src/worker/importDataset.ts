// Imports a user's own copy of the benchmark (notes as .txt/.zip, or processed examples as JSONL) as
// a NEW dataset, validated in full before one all-or-nothing transaction: a bad file stores nothing
// and never touches datasets already stored.
import { buildExamples } from '../core/envs/mtsamples/buildExamples';
import { RULES_VERSION, type InputCut } from '../core/envs/mtsamples/processNote';
import {
  DATASET_SCHEMA_VERSION,
  type DatasetRecord,
  type ExampleRecord,
  type NoteRecord,
} from '../core/schema/dataset';
import type { MedevalDb } from '../data/db';
import { createDataset } from '../data/datasetStore';
import { readImport, type ImportFile } from './importers/readImport';

export interface ImportDeps {
  db: MedevalDb;
  now: () => number;
  newId: () => string;
}

export interface ImportSummary {
  datasetId: string;
  examples: number;
  skipped: number;
  ignored: { name: string; reason: string }[];
}

function labelFor(files: readonly ImportFile[]): string {
  const first = files[0]?.name ?? 'import';
  return files.length === 1 ? first : `${first} and ${files.length - 1} more`;
}

export async function importDataset(
  deps: ImportDeps,
  files: readonly ImportFile[],
  inputCut: InputCut,
): Promise<ImportSummary> {
  const result = await readImport(files);
  const datasetId = `import:${deps.newId()}`;
  const now = deps.now();
  const base = {
    schemaVersion: DATASET_SCHEMA_VERSION,
    id: datasetId,
    envId: 'mtsamples_procedures',
    label: labelFor(files),
    rulesVersion: RULES_VERSION,
    inputCut,
    status: 'ready',
    createdAt: now,
    updatedAt: now,
  } as const;

  if (result.kind === 'examples') {
    const examples: ExampleRecord[] = result.examples.map((example, index) => ({
      schemaVersion: DATASET_SCHEMA_VERSION,
      datasetId,
      example_id: index,
      id: example.filename ?? `line-${index + 1}`,
      filename: example.filename ?? `line ${index + 1}`,
      extracted_section: example.extracted_section ?? null,
      question: example.question,
      answer: example.answer,
    }));
    const sectionCounts: Record<string, number> = {};
    for (const example of examples) {
      const key = example.extracted_section ?? 'unknown';
      sectionCounts[key] = (sectionCounts[key] ?? 0) + 1;
    }
    const record: DatasetRecord = {
      ...base,
      origin: { kind: 'import', format: 'jsonl', fileNames: [result.sourceName] },
      filesTotal: 1,
      filesDone: 1,
      filesFromMirror: 0,
      exampleCount: examples.length,
      skippedCount: 0,
      sectionCounts,
      bytes: files.reduce((sum, file) => sum + file.size, 0),
    };
    await createDataset(deps.db, record, { notes: [], examples, skips: [] });
    return { datasetId, examples: examples.length, skipped: 0, ignored: [] };
  }

  const built = buildExamples(result.notes, { inputCut });
  const encoder = new TextEncoder();
  const notes: NoteRecord[] = result.notes.map((note) => ({
    schemaVersion: DATASET_SCHEMA_VERSION,
    datasetId,
    name: note.name,
    text: note.text,
    bytes: encoder.encode(note.text).length,
    via: 'local' as const,
  }));
  const record: DatasetRecord = {
    ...base,
    origin: { kind: 'import', format: result.format, fileNames: files.map((file) => file.name) },
    filesTotal: notes.length,
    filesDone: notes.length,
    filesFromMirror: 0,
    exampleCount: built.examples.length,
    skippedCount: built.skipped.length,
    sectionCounts: { ...built.sectionCounts },
    bytes: notes.reduce((sum, note) => sum + note.bytes, 0),
  };
  await createDataset(deps.db, record, {
    notes,
    examples: built.examples.map((example) => ({
      schemaVersion: DATASET_SCHEMA_VERSION,
      datasetId,
      ...example,
    })),
    skips: built.skipped.map((skip) => ({
      schemaVersion: DATASET_SCHEMA_VERSION,
      datasetId,
      name: skip.filename,
      reason: skip.reason,
    })),
  });
  return {
    datasetId,
    examples: built.examples.length,
    skipped: built.skipped.length,
    ignored: result.ignored,
  };
}
