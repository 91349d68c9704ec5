// Reads the .txt notes out of a user's .zip without trusting its headers more than it must: the
// whole listing is checked (counts, sizes, names) before a single byte is inflated, and each entry
// is inflated into a buffer of exactly its declared size, so a zip bomb costs at most the limits.
import { AppError } from '../../core/errors';
import { unzipOrThrow } from '../unzipOrThrow';

export interface ZipLimits {
  /** Largest uncompressed size of one .txt entry. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all .txt entries together. */
  maxTotalBytes: number;
  /** Most .txt entries. */
  maxNotes: number;
  /** Most entries of any kind (a guard against a forged entry count). */
  maxEntries: number;
}

interface ZipTextEntry {
  /** Full path inside the archive, folders included. */
  path: string;
  bytes: Uint8Array;
}

export interface ZipContents {
  entries: ZipTextEntry[];
  ignored: { name: string; reason: string }[];
}

interface ListedEntry {
  path: string;
  originalSize: number;
}

const MIB = 1024 * 1024;

/** `a/b/c.txt` → `c.txt`; zips made on Windows sometimes use backslashes. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export function isTxtName(name: string): boolean {
  return /\.txt$/i.test(name);
}

/**
 * Sizes in messages, in MiB with one decimal rounded UP, so a file just over a limit never reads
 * as equal to it ("2.0 MB; at most 2 MB").
 */
export function formatMegabytes(bytes: number): string {
  return `${(Math.ceil((bytes / MIB) * 10) / 10).toFixed(1)} MB`;
}

/** Limits are whole MiB: "2 MB". */
export function formatLimit(bytes: number): string {
  return `${Math.round((bytes / MIB) * 10) / 10} MB`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Lists up to `max` names, then how many more. */
export function listNames(names: readonly string[], max = 10): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

export function readZip(zipName: string, data: Uint8Array, limits: ZipLimits): ZipContents {
  const { notes, ignored } = listEntries(zipName, data, limits);
  checkListing(zipName, notes, ignored, limits);
  const wanted = new Set(notes.map((note) => note.path));
  // Only names ending in .txt pass the filter, so fflate's result object (keyed by entry name) can
  // never receive a key such as `__proto__`.
  const files = unzipOrThrow(
    data,
    (path) => wanted.has(path),
    (reason) => unreadable(zipName, reason),
  );
  const entries = notes.map(({ path, originalSize }) => {
    const bytes = files[path];
    // fflate inflates into a buffer of the declared size and never grows it: shorter data means a
    // damaged entry; longer data is cut at the declared size (fflate checks no CRC), which keeps
    // memory within what the listing allowed.
    if (bytes?.length !== originalSize) {
      const got = formatCount(bytes?.length ?? 0);
      throw unreadable(
        zipName,
        `"${path}" is damaged: its header says ${formatCount(originalSize)} bytes, its data has ${got}`,
      );
    }
    return { path, bytes };
  });
  return { entries, ignored };
}

/** First pass: reads the central directory only (the filter declines every entry). */
function listEntries(zipName: string, data: Uint8Array, limits: ZipLimits) {
  const notes: ListedEntry[] = [];
  const ignored: { name: string; reason: string }[] = [];
  let count = 0;
  unzipOrThrow(
    data,
    (path, originalSize) => {
      if (!Number.isSafeInteger(originalSize) || originalSize < 0) {
        throw unreadable(zipName, `the header of "${path}" is damaged`);
      }
      count += 1;
      if (count > limits.maxEntries) {
        throw tooLarge(
          `"${zipName}" has more than ${formatCount(limits.maxEntries)} entries.`,
          `Put at most ${formatCount(limits.maxNotes)} .txt notes in the zip`,
        );
      }
      const segments = path.split(/[/\\]/);
      const name = segments[segments.length - 1] ?? '';
      if (name === '' || segments.includes('__MACOSX')) return false; // folders, macOS resource forks
      if (
        segments.some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..')
      ) {
        ignored.push({ name: path, reason: 'hidden file' });
      } else if (!isTxtName(name)) {
        ignored.push({ name: path, reason: 'not a .txt file' });
      } else {
        notes.push({ path, originalSize });
      }
      return false;
    },
    (reason) => unreadable(zipName, reason),
  );
  return { notes, ignored };
}

function checkListing(
  zipName: string,
  notes: readonly ListedEntry[],
  ignored: readonly { name: string }[],
  limits: ZipLimits,
): void {
  if (notes.length === 0) {
    throw new AppError(
      'dataset_format',
      ignored.length === 0
        ? `"${zipName}" contains no files.`
        : `"${zipName}" contains no .txt files (it has: ${listNames(ignored.map((i) => i.name))}).`,
      { nextStep: 'Zip the folder of .txt notes and import that zip; nothing was stored.' },
    );
  }
  if (notes.length > limits.maxNotes) {
    throw tooLarge(
      `"${zipName}" holds ${formatCount(notes.length)} .txt files; at most ${formatCount(limits.maxNotes)} can be imported at once.`,
      'Split the notes into several zips',
    );
  }
  let total = 0;
  for (const note of notes) {
    if (note.originalSize > limits.maxEntryBytes) {
      throw tooLarge(
        `"${note.path}" in "${zipName}" is ${formatMegabytes(note.originalSize)} uncompressed; a note file may be at most ${formatLimit(limits.maxEntryBytes)}.`,
        'Remove that file from the zip (MTSamples notes are a few KB each)',
      );
    }
    total += note.originalSize;
  }
  if (total > limits.maxTotalBytes) {
    throw tooLarge(
      `"${zipName}" holds ${formatMegabytes(total)} of .txt notes uncompressed; at most ${formatLimit(limits.maxTotalBytes)} can be imported at once.`,
      'Split the notes into several zips',
    );
  }
  const duplicate = findDuplicateBaseName(notes.map((note) => note.path));
  if (duplicate !== undefined) {
    const { name, first, second } = duplicate;
    throw new AppError(
      'dataset_format',
      first === second
        ? `"${zipName}" contains "${first}" twice.`
        : `"${zipName}" has two notes named "${name}": "${first}" and "${second}".`,
      {
        nextStep:
          'Note names identify examples, so they must be unique: rename or remove one, then zip again; nothing was stored.',
      },
    );
  }
}

/** The first base name that two paths share, in input order. */
export function findDuplicateBaseName(
  paths: readonly string[],
): { name: string; first: string; second: string } | undefined {
  const firstPath = new Map<string, string>();
  for (const path of paths) {
    const name = baseName(path);
    const first = firstPath.get(name);
    if (first !== undefined) return { name, first, second: path };
    firstPath.set(name, path);
  }
  return undefined;
}

function unreadable(zipName: string, reason: string): AppError {
  return new AppError(
    'dataset_format',
    `"${zipName}" could not be read as a zip archive (${reason}).`,
    {
      nextStep:
        'Check that the file is a complete .zip (open it on your computer), or import the .txt files directly; nothing was stored.',
    },
  );
}

function tooLarge(message: string, remedy: string): AppError {
  return new AppError('dataset_format', message, { nextStep: `${remedy}; nothing was stored.` });
}
