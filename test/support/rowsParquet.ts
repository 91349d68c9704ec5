// Parquet files for rows of any of the Medmarks datasets' shapes, written with hyparquet-writer and an
// explicit schema built from a column list: strings, int64 (read back as BigInt, as the Hub's files
// are), booleans, structs of strings (a letter → option struct), and lists of strings.
import type { SchemaElement } from 'hyparquet-writer';
import { writeParquet, type ParquetFixtureOptions } from './parquetFixtures';

export type ParquetColumn =
  | { name: string; kind: 'string' | 'int64' | 'bool' | 'list' }
  | { name: string; kind: 'struct'; keys: readonly string[] }
  /** A list of structs whose fields are strings or int64 (HEAD-QA's answers). */
  | {
      name: string;
      kind: 'list-struct';
      fields: readonly { name: string; kind: 'string' | 'int64' }[];
    };

function leaf(name: string, kind: 'string' | 'int64' | 'bool'): SchemaElement {
  if (kind === 'int64') return { name, type: 'INT64', repetition_type: 'OPTIONAL' };
  if (kind === 'bool') return { name, type: 'BOOLEAN', repetition_type: 'OPTIONAL' };
  return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
}

function schemaOf(columns: readonly ParquetColumn[]): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }];
  for (const column of columns) {
    if (column.kind === 'struct') {
      schema.push({
        name: column.name,
        repetition_type: 'OPTIONAL',
        num_children: column.keys.length,
      });
      schema.push(...column.keys.map((key) => leaf(key, 'string')));
    } else if (column.kind === 'list-struct') {
      schema.push(
        { name: column.name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', repetition_type: 'OPTIONAL', num_children: column.fields.length },
        ...column.fields.map((field) => leaf(field.name, field.kind)),
      );
    } else if (column.kind === 'list') {
      schema.push(
        { name: column.name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        leaf('element', 'string'),
      );
    } else schema.push(leaf(column.name, column.kind));
  }
  return schema;
}

function cell(column: ParquetColumn, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (column.kind === 'int64') return BigInt(value as number);
  if (column.kind === 'struct') {
    const struct = value as Record<string, unknown>;
    return Object.fromEntries(column.keys.map((key) => [key, struct[key] ?? null]));
  }
  if (column.kind === 'list-struct') {
    return (value as Record<string, unknown>[]).map((item) =>
      Object.fromEntries(
        column.fields.map((field) => [
          field.name,
          field.kind === 'int64' ? BigInt(item[field.name] as number) : item[field.name],
        ]),
      ),
    );
  }
  return value;
}

export function rowsParquet(
  rows: readonly Record<string, unknown>[],
  columns: readonly ParquetColumn[],
  options: ParquetFixtureOptions = {},
): Uint8Array {
  return writeParquet(
    columns.map((column) => ({
      name: column.name,
      data: rows.map((row) => cell(column, row[column.name])),
    })),
    { ...options, schema: schemaOf(columns) },
  );
}
