// Turns what a user picked or dropped (.txt notes, one .zip of them, or one .jsonl of processed
// examples) into validated notes or examples, or throws one AppError('dataset_format') that names
// the file, the place and the fix. It returns nothing partial: the caller stores only a success.
import { AppError } from '../../core/errors';
import {
  parseExamplesJsonl,
  type ImportedExample,
} from '../../core/envs/mtsamples/importedExample';
import {
  baseName,
  findDuplicateBaseName,
  formatCount,
  formatLimit,
  formatMegabytes,
  isTxtName,
  listNames,
  readZip,
} from './readZip';

/** A DOM File satisfies this; so does Node 20's global File (tests). */
export interface ImportFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type ImportResult =
  | {
      kind: 'notes';
      format: 'txt' | 'zip';
      notes: { name: string; text: string }[];
      ignored: { name: string; reason: string }[];
    }
  | { kind: 'examples'; format: 'jsonl'; examples: ImportedExample[]; sourceName: string };

const MIB = 1024 * 1024;

// Limits: the real benchmark is 429 notes of at most ~40 KB (1.5 MB in all), so these leave room
// for bigger private copies while keeping one import well inside a browser tab's memory.
/** One note file (.txt, picked or inside a zip). */
const MAX_NOTE_BYTES = 2 * MIB;
/** One .zip or .jsonl/.json file, as stored on disk. */
const MAX_ARCHIVE_BYTES = 25 * MIB;
/** All notes of one import together (uncompressed, for a zip). */
const MAX_TOTAL_NOTE_BYTES = 100 * MIB;
/** Notes in one import. */
export const MAX_NOTE_FILES = 5000;
/** Entries of any kind in a zip (folders, resource forks…): bounds the work a forged listing causes. */
const MAX_ZIP_ENTRIES = 20_000;

type FileKind = 'txt' | 'zip' | 'jsonl' | 'other';

function kindOf(name: string): FileKind {
  const base = baseName(name).toLowerCase();
  if (base.endsWith('.zip')) return 'zip';
  if (base.endsWith('.jsonl') || base.endsWith('.json')) return 'jsonl';
  return isTxtName(base) ? 'txt' : 'other';
}

const NOT_STORED = 'nothing was stored.';

function formatError(message: string, remedy: string): AppError {
  return new AppError('dataset_format', message, { nextStep: `${remedy}; ${NOT_STORED}` });
}

export async function readImport(files: readonly ImportFile[]): Promise<ImportResult> {
  if (files.length === 0) {
    throw formatError(
      'No files were given.',
      'Pick .txt notes, a .zip of them, or one .jsonl file',
    );
  }
  const single = files.find((file) => kindOf(file.name) === 'zip' || kindOf(file.name) === 'jsonl');
  if (single === undefined) return readNoteFiles(files);
  if (files.length > 1) {
    const others = files.filter((file) => file !== single).map((file) => `"${file.name}"`);
    throw formatError(
      `"${single.name}" must be imported on its own, but ${others.length === 1 ? '1 other file was' : `${formatCount(others.length)} other files were`} given with it: ${listNames(others)}.`,
      `Import "${single.name}" by itself, or pick only .txt notes`,
    );
  }
  return kindOf(single.name) === 'zip' ? readZipFile(single) : readJsonlFile(single);
}

async function readNoteFiles(files: readonly ImportFile[]): Promise<ImportResult> {
  const noteFiles: ImportFile[] = [];
  const ignored: { name: string; reason: string }[] = [];
  for (const file of files) {
    const name = baseName(file.name);
    if (name.startsWith('.')) ignored.push({ name: file.name, reason: 'hidden file' });
    else if (!isTxtName(name)) ignored.push({ name: file.name, reason: 'not a .txt file' });
    else noteFiles.push(file);
  }
  if (noteFiles.length === 0) {
    throw formatError(
      files.length === 1
        ? `"${files[0]?.name ?? ''}" is not a .txt, .zip, .jsonl or .json file.`
        : `None of the ${formatCount(files.length)} files given is a .txt note (got: ${listNames(files.map((f) => f.name))}).`,
      'Import the notes as .txt files (a folder of them, or a .zip), or processed examples as one .jsonl file',
    );
  }
  checkNoteFiles(noteFiles);
  const notes: { name: string; text: string }[] = [];
  for (const file of noteFiles) {
    const label = `"${file.name}"`;
    notes.push({ name: baseName(file.name), text: noteText(label, await readBytes(file)) });
  }
  return { kind: 'notes', format: 'txt', notes, ignored };
}

/** Everything that can be known from names and sizes, checked before reading a byte. */
function checkNoteFiles(noteFiles: readonly ImportFile[]): void {
  if (noteFiles.length > MAX_NOTE_FILES) {
    throw formatError(
      `${formatCount(noteFiles.length)} .txt files were given; at most ${formatCount(MAX_NOTE_FILES)} can be imported at once.`,
      'Import the notes in several smaller batches',
    );
  }
  let total = 0;
  for (const file of noteFiles) {
    if (file.size > MAX_NOTE_BYTES) {
      throw formatError(
        `"${file.name}" is ${formatMegabytes(file.size)}; a note file may be at most ${formatLimit(MAX_NOTE_BYTES)}.`,
        'MTSamples notes are a few KB each: check that this is the right file, or leave it out',
      );
    }
    total += file.size;
  }
  if (total > MAX_TOTAL_NOTE_BYTES) {
    throw formatError(
      `The ${formatCount(noteFiles.length)} .txt files add up to ${formatMegabytes(total)}; at most ${formatLimit(MAX_TOTAL_NOTE_BYTES)} can be imported at once.`,
      'Import the notes in several smaller batches',
    );
  }
  const duplicate = findDuplicateBaseName(noteFiles.map((file) => file.name));
  if (duplicate !== undefined) {
    const { name, first, second } = duplicate;
    throw formatError(
      first === second
        ? `"${name}" was given twice.`
        : `Two notes are named "${name}": "${first}" and "${second}".`,
      'Note names identify examples, so they must be unique: rename or leave out one of them',
    );
  }
}

async function readZipFile(file: ImportFile): Promise<ImportResult> {
  checkArchiveSize(file, 'a .zip');
  const { entries, ignored } = readZip(file.name, await readBytes(file), {
    maxEntryBytes: MAX_NOTE_BYTES,
    maxTotalBytes: MAX_TOTAL_NOTE_BYTES,
    maxNotes: MAX_NOTE_FILES,
    maxEntries: MAX_ZIP_ENTRIES,
  });
  const notes = entries.map(({ path, bytes }) => ({
    name: baseName(path),
    text: noteText(`"${path}" in "${file.name}"`, bytes),
  }));
  return { kind: 'notes', format: 'zip', notes, ignored };
}

async function readJsonlFile(file: ImportFile): Promise<ImportResult> {
  const isJson = baseName(file.name).toLowerCase().endsWith('.json');
  checkArchiveSize(file, isJson ? 'a .json file' : 'a .jsonl file');
  const text = decodeUtf8(`"${file.name}"`, await readBytes(file));
  if (isJson && text.trimStart().startsWith('[')) {
    throw formatError(
      `"${file.name}" is a JSON array; expected JSON Lines (one example object per line).`,
      `Convert it (for example: jq -c '.[]' in.json > out.jsonl) and import the .jsonl`,
    );
  }
  const parsed = parseExamplesJsonl(text, file.name);
  if ('problems' in parsed) {
    throw new AppError('dataset_format', parsed.summary, {
      nextStep: `Fix those lines and import again; ${NOT_STORED}`,
    });
  }
  if (parsed.examples.length === 0) {
    throw formatError(
      `"${file.name}" has no examples (it is empty or has only blank lines).`,
      'Check that this is the right file: it needs one JSON object per line',
    );
  }
  return { kind: 'examples', format: 'jsonl', examples: parsed.examples, sourceName: file.name };
}

function checkArchiveSize(file: ImportFile, what: string): void {
  if (file.size > MAX_ARCHIVE_BYTES) {
    throw formatError(
      `"${file.name}" is ${formatMegabytes(file.size)}; ${what} may be at most ${formatLimit(MAX_ARCHIVE_BYTES)}.`,
      'Split it into smaller files and import them one at a time',
    );
  }
}

/** The file's bytes, or a precise error when the browser can no longer read it. */
export async function readBytes(file: ImportFile): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new AppError(
      'dataset_format',
      `"${file.name}" could not be read (${error instanceof Error ? error.message : String(error)}).`,
      {
        nextStep: `The file may have been moved or changed since it was picked: pick it again; ${NOT_STORED}`,
        cause: error,
      },
    );
  }
}

function noteText(label: string, bytes: Uint8Array): string {
  const text = decodeUtf8(label, bytes);
  if (text.trim() === '') {
    throw formatError(`${label} is empty.`, "Remove it or put the note's text in it");
  }
  return text;
}

/**
 * Strict UTF-8 (the benchmark's encoding): a NUL byte means a binary file, an invalid sequence
 * usually a legacy encoding (Windows-1252, UTF-16). The decoder's default `ignoreBOM: false`
 * consumes one leading byte-order mark. Byte positions are 0-based offsets, as hex editors show.
 */
function decodeUtf8(label: string, bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  let text: string | undefined;
  let invalid = -1;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    invalid = firstInvalidUtf8(bytes);
  }
  if (nul >= 0 && (invalid < 0 || nul <= invalid)) {
    throw notText(`${label} is not a UTF-8 text file (binary data at byte ${nul}).`);
  }
  if (text === undefined) {
    const where = invalid >= 0 ? ` at byte ${invalid}` : '';
    throw notText(`${label} is not a UTF-8 text file (invalid UTF-8${where}).`);
  }
  return text;
}

function notText(message: string): AppError {
  return formatError(
    message,
    'Import plain-text notes saved as UTF-8 (in most editors: Save As → Encoding: UTF-8)',
  );
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (WHATWG rules), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // UTF-16 surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || next < low || next > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}
