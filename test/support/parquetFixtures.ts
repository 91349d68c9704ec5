// Parquet files generated in-process with hyparquet-writer, so tests and benches read real Parquet
// (several row groups, a codec that needs hyparquet-compressors) without checked-in binaries.
// Structs and lists need an explicit schema (hyparquet-writer infers flat columns only): the
// MedQA-like and MMLU-like helpers show how, matching how the Hub's converted files store them.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parquetWriteBuffer, type ColumnSource, type SchemaElement } from 'hyparquet-writer';

/**
 * SNAPPY and UNCOMPRESSED are built into hyparquet; the others need the worker's decompressors
 * (worker/hf/parquetRows.ts). ZSTD and LZ4 have no encoder in Node 20, so their pages are stored
 * uncompressed inside a valid frame or block (zstdStored, lz4Literals): what a decoder must read.
 */
export type FixtureCodec =
  'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'BROTLI' | 'ZSTD' | 'LZ4' | 'LZ4_RAW';

export interface ParquetFixtureOptions {
  /** Rows per row group (default 1,000). */
  rowGroupSize?: number;
  /** Default SNAPPY, the Hub's choice. */
  codec?: FixtureCodec;
  /** A full schema (root first) for nested columns; columns then must not carry `type`. */
  schema?: SchemaElement[];
}

/** A Zstandard frame (RFC 8878) holding `input` in raw blocks: single segment, 4-byte content size. */
function zstdStored(input: Uint8Array): Uint8Array {
  const MAX_BLOCK = 128 * 1024;
  const parts: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0xa0];
  for (let shift = 0; shift < 32; shift += 8) parts.push((input.length >>> shift) & 0xff);
  let at = 0;
  do {
    const size = Math.min(MAX_BLOCK, input.length - at);
    const isLast = at + size === input.length ? 1 : 0;
    const header = isLast | (0 << 1) | (size << 3); // block type 0: raw
    parts.push(header & 0xff, (header >>> 8) & 0xff, (header >>> 16) & 0xff);
    for (let i = 0; i < size; i++) parts.push(input[at + i]!);
    at += size;
  } while (at < input.length);
  return new Uint8Array(parts);
}

/** An LZ4 block of one literal-only sequence: every byte of `input` copied as is. */
function lz4Literals(input: Uint8Array): Uint8Array {
  const parts: number[] = [Math.min(input.length, 15) << 4];
  if (input.length >= 15) {
    let rest = input.length - 15;
    for (; rest >= 255; rest -= 255) parts.push(255);
    parts.push(rest);
  }
  for (const byte of input) parts.push(byte);
  return new Uint8Array(parts);
}

/** Hadoop's LZ4 framing (parquet's deprecated LZ4 codec): sizes, big-endian, before the block. */
function lz4Hadoop(input: Uint8Array): Uint8Array {
  const block = lz4Literals(input);
  const framed = new Uint8Array(8 + block.length);
  const view = new DataView(framed.buffer);
  view.setUint32(0, input.length);
  view.setUint32(4, block.length);
  framed.set(block, 8);
  return framed;
}

const COMPRESSORS = {
  GZIP: (input: Uint8Array) => new Uint8Array(gzipSync(input)),
  BROTLI: (input: Uint8Array) => new Uint8Array(brotliCompressSync(input)),
  ZSTD: zstdStored,
  LZ4: lz4Hadoop,
  LZ4_RAW: lz4Literals,
};

export function writeParquet(
  columnData: ColumnSource[],
  options: ParquetFixtureOptions = {},
): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData,
    codec: options.codec ?? 'SNAPPY',
    compressors: COMPRESSORS,
    rowGroupSize: options.rowGroupSize ?? 1000,
    ...(options.schema === undefined ? {} : { schema: options.schema }),
  });
  return new Uint8Array(buffer);
}

const utf8 = (name: string): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: 'OPTIONAL',
});

// ---- MedQA-like: question, options {A..D} (a struct, as on the Hub), answer_idx, answer, meta_info

export type MedqaRow = {
  question: string;
  options: { A: string; B: string; C: string; D: string };
  answer_idx: string;
  answer: string;
  meta_info: string;
};

const LETTERS = ['A', 'B', 'C', 'D'] as const;
const DRUGS = ['Amoxicillin', 'Metformin', 'Lisinopril', 'Atorvastatin', 'Warfarin', 'Insulin'];

/** Row i of a deterministic MedQA-shaped table (no randomness: tests can recompute any row). */
export function medqaRow(i: number): MedqaRow {
  const options = {
    A: DRUGS[i % DRUGS.length]!,
    B: DRUGS[(i + 1) % DRUGS.length]!,
    C: DRUGS[(i + 2) % DRUGS.length]!,
    D: DRUGS[(i + 3) % DRUGS.length]!,
  };
  const answerIdx = LETTERS[i % 4]!;
  return {
    question: `Q${i}: A ${30 + (i % 50)}-year-old patient presents with symptom ${i}. Which drug is most appropriate?`,
    options,
    answer_idx: answerIdx,
    answer: options[answerIdx],
    meta_info: i % 2 === 0 ? 'step1' : 'step2&3',
  };
}

export function medqaRows(n: number): MedqaRow[] {
  return Array.from({ length: n }, (_, i) => medqaRow(i));
}

const MEDQA_SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 5 },
  utf8('question'),
  { name: 'options', repetition_type: 'OPTIONAL', num_children: 4 },
  ...LETTERS.map(utf8),
  utf8('answer_idx'),
  utf8('answer'),
  utf8('meta_info'),
];

export function medqaParquet(rows: MedqaRow[], options: ParquetFixtureOptions = {}): Uint8Array {
  const columns = ['question', 'options', 'answer_idx', 'answer', 'meta_info'] as const;
  return writeParquet(
    columns.map((name) => ({ name, data: rows.map((row) => row[name]) })),
    { ...options, schema: MEDQA_SCHEMA },
  );
}

// ---- MMLU-like: question, subject, choices (list<string>), answer (int64 ClassLabel)

export type MmluRow = {
  question: string;
  subject: string;
  choices: string[];
  answer: number;
};

/** The `features` the viewer API reports for such a table: `answer` is a ClassLabel. */
export const MMLU_FEATURES: Record<string, unknown> = {
  question: { dtype: 'string', _type: 'Value' },
  subject: { dtype: 'string', _type: 'Value' },
  choices: { feature: { dtype: 'string', _type: 'Value' }, _type: 'List' },
  answer: { names: ['A', 'B', 'C', 'D'], _type: 'ClassLabel' },
};

export function mmluRow(i: number): MmluRow {
  return {
    question: `Which structure ${i} is described?`,
    subject: i % 3 === 0 ? 'anatomy' : 'virology',
    choices: [`alpha ${i}`, `beta ${i}`, `gamma ${i}`, `delta ${i}`],
    answer: i % 4,
  };
}

const MMLU_SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 4 },
  utf8('question'),
  utf8('subject'),
  { name: 'choices', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  utf8('element'),
  // int64, as the datasets library writes ClassLabel columns: reads back as BigInt.
  { name: 'answer', type: 'INT64', repetition_type: 'OPTIONAL' },
];

export function mmluParquet(rows: MmluRow[], options: ParquetFixtureOptions = {}): Uint8Array {
  return writeParquet(
    [
      { name: 'question', data: rows.map((row) => row.question) },
      { name: 'subject', data: rows.map((row) => row.subject) },
      { name: 'choices', data: rows.map((row) => row.choices) },
      { name: 'answer', data: rows.map((row) => BigInt(row.answer)) },
    ],
    { ...options, schema: MMLU_SCHEMA },
  );
}

// ---- Chat corpus (ChatDoctor-like): instruction, input, output; fast enough for 100k-row benches

export type ChatRow = {
  instruction: string;
  input: string;
  output: string;
};

const INSTRUCTION =
  "If you are a doctor, please answer the medical questions based on the patient's description.";
const COMPLAINTS = ['headache', 'chest pain', 'a rash', 'back pain', 'a cough', 'dizziness'];

export function chatRow(i: number): ChatRow {
  const complaint = COMPLAINTS[i % COMPLAINTS.length]!;
  return {
    instruction: INSTRUCTION,
    input: `Patient ${i}: I have had ${complaint} for ${1 + (i % 30)} days. What should I do?`,
    output: `Doctor ${i}: Thanks for the query. ${complaint} for ${1 + (i % 30)} days needs a check-up; rest and fluids meanwhile.`,
  };
}

/** Column arrays for n rows, built without per-row objects (100k rows in well under a second). */
function chatColumns(n: number): {
  instruction: string[];
  input: string[];
  output: string[];
} {
  const instruction: string[] = new Array<string>(n);
  const input: string[] = new Array<string>(n);
  const output: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const row = chatRow(i);
    instruction[i] = row.instruction;
    input[i] = row.input;
    output[i] = row.output;
  }
  return { instruction, input, output };
}

export function chatParquet(n: number, options: ParquetFixtureOptions = {}): Uint8Array {
  const columns = chatColumns(n);
  return writeParquet(
    [
      { name: 'instruction', data: columns.instruction, type: 'STRING' },
      { name: 'input', data: columns.input, type: 'STRING' },
      { name: 'output', data: columns.output, type: 'STRING' },
    ],
    { rowGroupSize: 10_000, ...options },
  );
}

/** The same corpus as JSONL text (one object per line, trailing newline). */
export function chatJsonl(n: number): string {
  const lines: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) lines[i] = JSON.stringify(chatRow(i));
  return `${lines.join('\n')}\n`;
}
