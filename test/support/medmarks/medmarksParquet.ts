// Parquet files in the real shapes of the Medmarks datasets this app loads from Hugging Face with
// their own scoring (MedHallu, Med-HALT, MedCalc-Bench), written in-process from the rows of the
// differential fixtures (test/fixtures/medmarks), so the worker reads the very rows MedARC's code saw.
import type { SchemaElement } from 'hyparquet-writer';
import { writeParquet, type ParquetFixtureOptions } from '../parquetFixtures';

const utf8 = (name: string): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: 'OPTIONAL',
});
const int64 = (name: string): SchemaElement => ({
  name,
  type: 'INT64',
  repetition_type: 'OPTIONAL',
});

type Row = Record<string, unknown>;

function column(rows: readonly Row[], name: string) {
  return { name, data: rows.map((row) => row[name] ?? null) };
}

/** UTAustin-AIHealth/MedHallu (pqa_labeled/train): five strings and `Knowledge`, a list of strings. */
export function medhalluParquet(rows: readonly Row[], options: ParquetFixtureOptions = {}) {
  const schema: SchemaElement[] = [
    { name: 'root', num_children: 6 },
    utf8('Question'),
    { name: 'Knowledge', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    utf8('element'),
    utf8('Ground Truth'),
    utf8('Difficulty Level'),
    utf8('Hallucinated Answer'),
    utf8('Category of Hallucination'),
  ];
  const names = [
    'Question',
    'Knowledge',
    'Ground Truth',
    'Difficulty Level',
    'Hallucinated Answer',
    'Category of Hallucination',
  ];
  return writeParquet(
    names.map((name) => column(rows, name)),
    { ...options, schema },
  );
}

/** An int64 column's values as the Parquet writer wants them. */
function bigints(rows: readonly Row[], name: string) {
  return {
    name,
    data: rows.map((row) => (typeof row[name] === 'number' ? BigInt(row[name]) : null)),
  };
}

/**
 * openlifescienceai/Med-HALT (reasoning_FCT or reasoning_nota, train) as the CSV's Parquet
 * conversion types it: ints as int64, `options` the str() of a dict; FCT rows carry `student_index`.
 */
export function medHaltParquet(rows: readonly Row[], options: ParquetFixtureOptions = {}) {
  const hasStudent = rows.some((row) => 'student_index' in row);
  const ints = ['id', 'correct_index', ...(hasStudent ? ['student_index'] : [])];
  const texts = ['question', 'options', 'correct_answer', 'split_type', 'dataset', 'subject_name'];
  const schema: SchemaElement[] = [
    { name: 'root', num_children: ints.length + texts.length },
    ...ints.map(int64),
    ...texts.map(utf8),
  ];
  return writeParquet(
    [...ints.map((name) => bigints(rows, name)), ...texts.map((name) => column(rows, name))],
    { ...options, schema },
  );
}

/** ncbi/MedCalc-Bench-v1.2 (test): ids as int64, everything else (limits included) as strings. */
export function medcalcParquet(rows: readonly Row[], options: ParquetFixtureOptions = {}) {
  const ints = ['Row Number', 'Calculator ID'];
  const texts = Object.keys(rows[0] ?? {}).filter((name) => !ints.includes(name));
  const schema: SchemaElement[] = [
    { name: 'root', num_children: ints.length + texts.length },
    ...ints.map(int64),
    ...texts.map(utf8),
  ];
  return writeParquet(
    [...ints.map((name) => bigints(rows, name)), ...texts.map((name) => column(rows, name))],
    { ...options, schema },
  );
}
