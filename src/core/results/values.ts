// Small readers shared by the results importers: narrowing unknown JSON values, and validating a
// record's known fields one by one so that one bad field costs only itself. Pure.
import type { z } from '../zod';

/** A JSON object (not null, not an array); the one definition is core/jsonObjects.ts. */
export { isJsonObject as isRecord } from '../jsonObjects';

export function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  return issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`;
}

/** Each field of `schema` present in `source`, validated on its own; a failure is reported, not fatal. */
export function readFields<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  source: Record<string, unknown>,
  onIgnored: (field: string, reason: string) => void,
): Partial<z.infer<z.ZodObject<Shape>>> {
  const out: Record<string, unknown> = {};
  for (const [name, fieldSchema] of Object.entries(schema.shape)) {
    if (!Object.hasOwn(source, name)) continue;
    const parsed = (fieldSchema as z.ZodType).safeParse(source[name]);
    if (parsed.success) out[name] = parsed.data;
    else onIgnored(name, firstIssue(parsed.error));
  }
  return out as Partial<z.infer<z.ZodObject<Shape>>>;
}
