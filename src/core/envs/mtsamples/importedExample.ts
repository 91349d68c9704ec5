// Validates a user's JSONL of already-processed MTSamples examples (one object per line, the shape
// the reference tooling writes: `question`, `answer`, optional `filename`, `extracted_section`).
// Every bad line is reported with its number and what is wrong, so the user can fix the file in
// one pass; a file with any bad line yields no examples at all (imports are all-or-nothing).
import { z } from '../../zod';
import { SectionSchema } from '../../schema/dataset';
import { isJsonObject } from '../../jsonObjects';

const nonBlank = (value: string) => value.trim() !== '';

/** Unknown keys are allowed (exports carry extra columns) and dropped from the parsed value. */
const ImportedExampleSchema = z.object({
  question: z.string().refine(nonBlank),
  answer: z.string().refine(nonBlank),
  filename: z.string().refine(nonBlank).optional(),
  extracted_section: SectionSchema.nullable().optional(),
});
export type ImportedExample = z.infer<typeof ImportedExampleSchema>;

interface JsonlProblem {
  /** 1-based line number in the file. */
  line: number;
  /** What is wrong with that line, without the line number. */
  message: string;
}

export type ParsedExamples =
  | { examples: ImportedExample[] }
  | {
      /** The first MAX_REPORTED_PROBLEMS bad lines, in file order. */
      problems: JsonlProblem[];
      /** Every bad line, including those not listed in `problems`. */
      badLineCount: number;
      /** One sentence for the user: `"x.jsonl" has 2 bad lines: line 2: …; line 7: …`. */
      summary: string;
    };

export const MAX_REPORTED_PROBLEMS = 50;

/**
 * JSON.parse makes `__proto__` an own data property (it cannot reach Object.prototype), but such a
 * key is a hazard for any later code that copies objects with `obj[key] = …`, and never a field of an
 * example: reject the line instead of carrying it along.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const EXPECTED: Record<string, string> = {
  question: 'a string',
  answer: 'a string',
  filename: 'a string',
  extracted_section: '"PLAN", "SUMMARY", "FINDINGS" or null',
};

export function parseExamplesJsonl(text: string, sourceName: string): ParsedExamples {
  const examples: ImportedExample[] = [];
  const problems: JsonlProblem[] = [];
  let badLineCount = 0;
  const lineOfFilename = new Map<string, number>();
  const lines = text.split('\n');
  for (const [index, rawLine] of lines.entries()) {
    const line = index + 1;
    const content = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (content.trim() === '') continue;
    const parsed = parseLine(content);
    let message = 'error' in parsed ? parsed.error : undefined;
    if ('example' in parsed) {
      const { filename } = parsed.example;
      const firstLine = filename === undefined ? undefined : lineOfFilename.get(filename);
      if (filename !== undefined && firstLine !== undefined) {
        message = `"filename" ${JSON.stringify(filename)} is already used on line ${firstLine}`;
      } else {
        if (filename !== undefined) lineOfFilename.set(filename, line);
        examples.push(parsed.example);
      }
    }
    if (message !== undefined) {
      badLineCount += 1;
      if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ line, message });
    }
  }
  if (badLineCount === 0) return { examples };
  return { problems, badLineCount, summary: summarize(sourceName, problems, badLineCount) };
}

function summarize(sourceName: string, problems: JsonlProblem[], badLineCount: number): string {
  const listed = problems.map((problem) => `line ${problem.line}: ${problem.message}`);
  const rest = badLineCount - problems.length;
  if (rest > 0) listed.push(`and ${rest} more bad ${rest === 1 ? 'line' : 'lines'}`);
  const lines = badLineCount === 1 ? '1 bad line' : `${badLineCount} bad lines`;
  return `"${sourceName}" has ${lines}: ${listed.join('; ')}`;
}

function parseLine(content: string): { example: ImportedExample } | { error: string } {
  const forbidden: string[] = [];
  let value: unknown;
  try {
    value = JSON.parse(content, (key, inner: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden.push(key);
      return inner;
    });
  } catch (error) {
    return { error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isJsonObject(value)) {
    return { error: `expected a JSON object, got ${describeType(value)}` };
  }
  if (forbidden.length > 0) {
    const keys = [...new Set(forbidden)].map((key) => `"${key}"`);
    return {
      error:
        keys.length === 1
          ? `the key ${keys.join('')} is not allowed`
          : `the keys ${keys.join(', ')} are not allowed`,
    };
  }
  const result = ImportedExampleSchema.safeParse(value);
  if (result.success) return { example: result.data };
  const fields = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
  return { error: fields.map((field) => describeField(value, field)).join(' and ') };
}

function describeField(record: Record<string, unknown>, field: string): string {
  if (!Object.hasOwn(record, field)) return `"${field}" is missing`;
  const value = record[field];
  if (typeof value === 'string' && field !== 'extracted_section' && !nonBlank(value)) {
    return `"${field}" is empty`;
  }
  const got = typeof value === 'string' ? truncate(JSON.stringify(value)) : describeType(value);
  return `"${field}" must be ${EXPECTED[field] ?? 'valid'}, got ${got}`;
}

/** The JSON type of a parsed value: null, array, object, string, number or boolean. */
function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function truncate(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
