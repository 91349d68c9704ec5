// Owns reading one JSON text the way Python's `json.dumps` may have written it (results-format.md):
// bare `NaN`, `Infinity` and `-Infinity` tokens are accepted outside strings and become `null`, with
// a note naming where; keys that could pollute prototypes (`__proto__`, `constructor`, `prototype`)
// anywhere reject the text — or, with `dropForbiddenKeys`, are removed with a note naming each one
// (metadata.json: one bad key must not cost the whole file, issue 10 #7). Never throws. Pure.
import { editOutsideStrings } from '../jsonText';

export type TolerantJson =
  | {
      ok: true;
      value: unknown;
      notes: string[];
      /** With `dropForbiddenKeys`: the path of each prototype key removed (`env_args.__proto__`). */
      dropped: string[];
    }
  | { ok: false; reason: string };

/** Deeper nesting is refused: nothing we read is nested past a dozen levels, and later walks recurse. */
const MAX_JSON_DEPTH = 64;
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const NON_FINITE_TOKENS = ['-Infinity', 'Infinity', 'NaN'] as const;
type NonFiniteToken = (typeof NON_FINITE_TOKENS)[number];

/**
 * A non-finite token is first swapped for a marker string so that, once parsed, the walk can say where
 * it was (`reward`, `metrics.reward_mtsamples`). A text that already contains the marker's text
 * (never written by anyone in practice) gets a plain `null` instead, and a note without the place.
 */
const MARKER_TAG = 'medeval-non-finite:';
const MARKER_ESCAPED = `\\u0000${MARKER_TAG}`;
const MARKER_PREFIX = `\u0000${MARKER_TAG}`;

export interface TolerantJsonOptions {
  /** Remove prototype keys (each one noted) instead of rejecting the text. */
  dropForbiddenKeys?: boolean;
}

export function parseTolerantJson(text: string, options: TolerantJsonOptions = {}): TolerantJson {
  const useMarkers = !text.includes(MARKER_TAG);
  const { text: replaced, tokens } = replaceNonFinite(text, useMarkers);
  let value: unknown;
  try {
    value = JSON.parse(replaced) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `not valid JSON (${detail})` };
  }
  const notes = useMarkers ? [] : tokens.map((token) => `${token} replaced by null`);
  return walk(value, notes, options.dropForbiddenKeys === true ? [] : null);
}

/** Swaps each non-finite token outside strings for a marker string (or `null`). */
function replaceNonFinite(
  text: string,
  useMarkers: boolean,
): { text: string; tokens: NonFiniteToken[] } {
  const tokens: NonFiniteToken[] = [];
  const out = editOutsideStrings(text, (source, i) => {
    const token = NON_FINITE_TOKENS.find((t) => source.startsWith(t, i));
    if (token === undefined) return null;
    tokens.push(token);
    return { insert: useMarkers ? `"${MARKER_ESCAPED}${token}"` : 'null', consumed: token.length };
  });
  return { text: out, tokens };
}

type Holder = Record<string | number, unknown>;

interface Pending {
  holder: Holder;
  key: string | number;
  path: string;
  depth: number;
}

/** Iterative (a deeply nested line must not overflow the stack): rejects forbidden keys, resolves markers. */
/** `dropped` collects removed prototype keys; null rejects the text on the first one instead. */
function walk(root: unknown, notes: string[], dropped: string[] | null): TolerantJson {
  const box: Holder = { root };
  const stack: Pending[] = [{ holder: box, key: 'root', path: '', depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { holder, key, path, depth } = item;
    if (depth > MAX_JSON_DEPTH) {
      return { ok: false, reason: `nested deeper than ${MAX_JSON_DEPTH} levels (at ${path})` };
    }
    const value = holder[key];
    if (typeof value === 'string' && value.startsWith(MARKER_PREFIX)) {
      holder[key] = null;
      notes.push(`${value.slice(MARKER_PREFIX.length)} at ${path || 'the top level'} read as null`);
    } else if (Array.isArray(value)) {
      // Children are pushed last-first so that they pop (and notes read) in document order.
      for (let index = value.length - 1; index >= 0; index--) {
        stack.push({
          holder: value as unknown as Holder,
          key: index,
          path: `${path}[${index}]`,
          depth: depth + 1,
        });
      }
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Holder;
      for (const name of Object.keys(record).reverse()) {
        const childPath = path === '' ? name : `${path}.${name}`;
        if (FORBIDDEN_KEYS.has(name)) {
          if (dropped === null) {
            return { ok: false, reason: `the key "${name}" (at ${childPath}) is not accepted` };
          }
          // JSON.parse made it an own data property (never the prototype): deleting it is safe.
          Reflect.deleteProperty(record, name);
          dropped.push(childPath);
          continue;
        }
        stack.push({ holder: record, key: name, path: childPath, depth: depth + 1 });
      }
    }
  }
  return { ok: true, value: box['root'], notes, dropped: (dropped ?? []).reverse() };
}
