// Turns one corpus row into fine-tuning chat messages with a column mapping, or says why it cannot.
// A skip reason is a short stable sentence so that an export can count rows per reason.
import type { ChatMessage } from '../schema/chat';
import type { ChatMapping } from '../schema/corpus';
import { renderTemplate } from './template';

export type ChatConversion = { messages: ChatMessage[] } | { skip: string };

type TemplateMapping = Extract<ChatMapping, { mode: 'template' }>;
type MarkersMapping = Extract<ChatMapping, { mode: 'markers' }>;

function missingReason(columns: readonly string[]): string {
  return columns.length === 1
    ? `missing column "${columns[0] ?? ''}"`
    : `missing columns ${columns.map((c) => `"${c}"`).join(', ')}`;
}

function fromTemplates(row: Record<string, unknown>, mapping: TemplateMapping): ChatConversion {
  const system = renderTemplate(mapping.system, row);
  const user = renderTemplate(mapping.user, row);
  const assistant = renderTemplate(mapping.assistant, row);
  const missing = new Set<string>();
  for (const result of [system, user, assistant]) {
    if ('missingColumns' in result) for (const column of result.missingColumns) missing.add(column);
  }
  if (missing.size > 0) return { skip: missingReason([...missing]) };
  const text = (result: typeof user) => ('text' in result ? result.text : '');
  if (text(user) === '') return { skip: 'empty user message' };
  if (text(assistant) === '') return { skip: 'empty assistant message' };
  const messages: ChatMessage[] = [];
  if (text(system) !== '') messages.push({ role: 'system', content: text(system) });
  messages.push({ role: 'user', content: text(user) });
  messages.push({ role: 'assistant', content: text(assistant) });
  return { messages };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Consecutive turns of one speaker become one message; empty turns vanish. */
function appendTurn(messages: ChatMessage[], role: ChatMessage['role'], content: string): void {
  const text = content.trim();
  if (text === '') return;
  const last = messages.at(-1);
  if (last?.role === role) last.content = `${last.content}\n\n${text}`;
  else messages.push({ role, content: text });
}

/** Splits conversation text at the markers: `preamble [|Human|] … [|AI|] … [|Human|] …`. */
function splitAtMarkers(text: string, mapping: MarkersMapping): ChatMessage[] {
  const markers = new RegExp(
    `(${escapeRegExp(mapping.userMarker)}|${escapeRegExp(mapping.assistantMarker)})`,
  );
  const [preamble = '', ...rest] = text.split(markers);
  const messages: ChatMessage[] = [];
  if (mapping.preamble === 'system') appendTurn(messages, 'system', preamble);
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const role = rest[i] === mapping.userMarker ? 'user' : 'assistant';
    appendTurn(messages, role, rest[i + 1] ?? '');
  }
  // A closing question with no reply teaches nothing and ends the example on the wrong speaker.
  while (messages.at(-1)?.role === 'user') messages.pop();
  return messages;
}

function fromMarkers(row: Record<string, unknown>, mapping: MarkersMapping): ChatConversion {
  if (!Object.hasOwn(row, mapping.column)) return { skip: missingReason([mapping.column]) };
  const text = row[mapping.column];
  if (typeof text !== 'string') return { skip: `column "${mapping.column}" is not text` };
  const messages = splitAtMarkers(text, mapping);
  const hasExchange = messages.some(
    (m, i) => m.role === 'assistant' && messages.slice(0, i).some((p) => p.role === 'user'),
  );
  if (!hasExchange) {
    return { skip: `no ${mapping.userMarker} … ${mapping.assistantMarker} exchange` };
  }
  return { messages };
}

export function toChatMessages(row: Record<string, unknown>, mapping: ChatMapping): ChatConversion {
  return mapping.mode === 'markers' ? fromMarkers(row, mapping) : fromTemplates(row, mapping);
}

/** One line of a chat fine-tuning file: `{"messages":[…]}` (no trailing newline). */
export function chatJsonlLine(messages: readonly ChatMessage[]): string {
  return JSON.stringify({ messages });
}

/** One raw row as a JSON line (no trailing newline); values must already be JSON-safe (plainRow). */
export function rawJsonlLine(row: Record<string, unknown>): string {
  return JSON.stringify(row);
}

export interface ExportTally {
  written: number;
  skipped: number;
  skipReasons: Record<string, number>;
}

export function emptyTally(): ExportTally {
  return { written: 0, skipped: 0, skipReasons: {} };
}

/** Converts rows to chat lines, counting skips by reason into `tally`. */
export function chatLines(
  rows: readonly Record<string, unknown>[],
  mapping: ChatMapping,
  tally: ExportTally,
): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    const result = toChatMessages(row, mapping);
    if ('skip' in result) {
      tally.skipped += 1;
      tally.skipReasons[result.skip] = (tally.skipReasons[result.skip] ?? 0) + 1;
    } else {
      tally.written += 1;
      lines.push(chatJsonlLine(result.messages));
    }
  }
  return lines;
}
