// Owns the answer readers of MedARC's own parser classes (`medarc_verifiers/parsers`, read at 05e7a6d
// and f515e81), for the environments that use them instead of verifiers' (verifiersParsers.ts):
// - `XMLParser(["answer"])` (PubHealthBench): like verifiers' but the LAST `<answer>…</answer>` of the
//   reply (non-overlapping matches, left to right), because reasoning models echo tags while thinking;
// - `JSONParser(["answer"])` (HEAD-QA v2): the last `}` of the reply, then every `{` before it from the
//   right until `json.loads` gives a dict; its strings stripped, its `answer` printed as Python's
//   `str()` (a list or dict as `json.dumps`), stripped; null when there is none. It catches only
//   JSONDecodeError: a candidate whose int literal passes CPython's digit limit raises ValueError out
//   of it (thrown here as PyJsonValueError, for the caller to score as the reference does).
// The environments pass `parse_answer(...) or ""`. Pure.
import { pyJsonLoads, type PyJson } from '../python/pythonJson';
import { pyJsonDumps, pyStr } from '../python/pythonJsonStr';
import { pyStrip, SPACE } from '../python/pythonRegex';

const ANSWER_TAGS = new RegExp(`<answer>${SPACE}*([\\s\\S]*?)${SPACE}*</answer>`, 'gu');

/** MedARC's `XMLParser.parse_answer` for one assistant message; null without a closed answer tag. */
export function lastXmlAnswer(content: string): string | null {
  let last: string | null = null;
  for (const match of content.matchAll(ANSWER_TAGS)) last = match[1] ?? '';
  return last === null ? null : pyStrip(last);
}

function stripStrings(value: PyJson): PyJson {
  if (value.kind === 'str') return { kind: 'str', value: pyStrip(value.value) };
  if (value.kind === 'list') return { kind: 'list', items: value.items.map(stripStrings) };
  if (value.kind === 'dict') {
    return {
      kind: 'dict',
      entries: new Map([...value.entries].map(([key, item]) => [key, stripStrings(item)])),
    };
  }
  return value;
}

/** The dict `_extract_json_object` finds, or null. */
function lastJsonObject(text: string): Map<string, PyJson> | null {
  const close = text.lastIndexOf('}');
  if (close === -1) return null;
  for (
    let open = text.lastIndexOf('{', close);
    open !== -1;
    open = text.lastIndexOf('{', open - 1)
  ) {
    const parsed = pyJsonLoads(text.slice(open, close + 1));
    if (parsed?.kind === 'dict') return parsed.entries;
    if (open === 0) break;
  }
  return null;
}

/** MedARC's `JSONParser(fields=["answer"]).parse_answer` for one assistant message. */
export function jsonAnswer(content: string): string | null {
  const object = lastJsonObject(content);
  if (object === null) return null;
  const value = object.get('answer');
  if (value === undefined || value.kind === 'null') return null;
  const stripped = stripStrings(value);
  const printed =
    stripped.kind === 'list' || stripped.kind === 'dict' ? pyJsonDumps(stripped) : pyStr(stripped);
  return pyStrip(printed);
}
