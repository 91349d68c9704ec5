// Small text templates over a row's columns, for mapping corpus rows to chat messages. `{column}`
// inserts a cell, `{a.b}` a nested field, `{column?}` one that may be absent, and `{column|filter}`
// formats it (`letter`: 0 → A; `lettered`: a list or {A: …} object as "A. …" lines; `json`). A
// template is split into parts at blank lines; a part whose placeholders all came out empty is
// dropped, so `{instruction}\n\n{input}` is just the instruction when `input` is empty.

import { PLACEHOLDER, toPlaceholder } from '../schema/templateSyntax';

const PART_BREAK = /\n[ \t]*\n/;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value)) return value.map(formatValue).join('\n');
  return JSON.stringify(value);
}

function asLetter(value: unknown): string {
  const index = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < 26) {
    return LETTERS.charAt(index);
  }
  return formatValue(value);
}

function asLettered(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((item, i) => `${LETTERS.charAt(i)}. ${formatValue(item)}`).join('\n');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => `${key}. ${formatValue(item)}`)
      .join('\n');
  }
  return formatValue(value);
}

function applyFilter(value: unknown, filter: string | null): string {
  switch (filter) {
    case 'letter':
      return asLetter(value);
    case 'lettered':
      return asLettered(value);
    case 'json':
      return value === undefined ? '' : JSON.stringify(value);
    default:
      return formatValue(value);
  }
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export type RenderResult = { text: string } | { missingColumns: string[] };

interface PartResult {
  text: string;
  hasPlaceholders: boolean;
  isAllEmpty: boolean;
}

function renderPart(part: string, row: Record<string, unknown>, missing: Set<string>): PartResult {
  let hasPlaceholders = false;
  let isAllEmpty = true;
  const text = part.replace(
    PLACEHOLDER,
    (_whole, name: string, optionalMark?: string, filter?: string) => {
      const placeholder = toPlaceholder(name, optionalMark, filter);
      hasPlaceholders = true;
      if (!Object.hasOwn(row, placeholder.column) && !placeholder.isOptional) {
        missing.add(placeholder.column);
      }
      const rendered = applyFilter(
        readPath(row[placeholder.column], placeholder.path),
        placeholder.filter,
      );
      if (rendered.trim() !== '') isAllEmpty = false;
      return rendered;
    },
  );
  return { text, hasPlaceholders, isAllEmpty };
}

/** Fills the template from the row; a required column absent from the row is reported, not blanked. */
export function renderTemplate(template: string, row: Record<string, unknown>): RenderResult {
  const missing = new Set<string>();
  const kept: string[] = [];
  for (const part of template.split(PART_BREAK)) {
    const result = renderPart(part, row, missing);
    if (result.hasPlaceholders && result.isAllEmpty) continue;
    kept.push(result.text);
  }
  if (missing.size > 0) return { missingColumns: [...missing] };
  return { text: kept.join('\n\n').trim() };
}
