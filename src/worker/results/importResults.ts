// Imports a results folder (results.jsonl + optional metadata.json, or one .zip of them) as a new,
// read-only run. Sizes are checked before a byte is read; parsing runs here in the worker so the UI
// never blocks; the run, its rollouts and their table rows are stored in one transaction or not at
// all, and no existing run is ever touched. Lines that cannot be read are reported, not fatal —
// unless none can be read, which stores nothing.
import { AppError } from '../../core/errors';
import { checkRewards, reidentifyLegacyIds } from '../../core/results/checkRows';
import { describeFile } from '../../core/results/fileMetrics';
import { importedRowsToRollouts } from '../../core/results/importRollout';
import { metadataToRunRecord } from '../../core/results/importRun';
import { parseMetadata } from '../../core/results/parseMetadata';
import {
  parseResultsJsonl,
  type ImportedRow,
  type LineProblem,
} from '../../core/results/parseResults';
import { toRolloutRow } from '../../core/results/rolloutRow';
import type { RolloutRecord, RunRecord } from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { readBytes, type ImportFile } from '../importers/readImport';
import {
  baseName,
  formatCount,
  formatLimit,
  formatMegabytes,
  listNames,
} from '../importers/readZip';
import { DEFAULT_RESULTS_ZIP_LIMITS, readResultsZip } from './zipBundle';

export interface ResultsImported {
  status: 'imported';
  runId: string;
  /** Rollouts stored. */
  rows: number;
  /** Every line of results.jsonl that could not be read, with why. */
  badLines: { line: number; message: string }[];
  /** Fields of metadata.json left out (or the whole file, when unreadable). */
  metadataProblems: string[];
}

/** The same files were imported before (and that run is still here): nothing was stored. */
export interface ResultsAlreadyImported {
  status: 'duplicate';
  runId: string;
  name: string;
  importedAt: number;
}

export type ResultsImportSummary = ResultsImported | ResultsAlreadyImported;

export interface ImportResultsOptions {
  /** Store a second copy even when the same files were imported before. */
  allowDuplicate?: boolean;
}

export interface ImportResultsDeps {
  db: MedevalDb;
  now: () => number;
  newId: () => string;
  /** Recorded on a run imported from the verifiers tooling; default: this build's version. */
  appVersion?: string;
}

const MIB = 1024 * 1024;
// A 429-example run with 16 rollouts and long judge replies is ~100 MB; past ~200 MB the text, its
// parsed rows and the rollouts no longer fit comfortably in one tab's worker.
export const MAX_RESULTS_BYTES = 200 * MIB;
export const MAX_METADATA_BYTES = 4 * MIB;
export const MAX_RESULTS_ZIP_BYTES = DEFAULT_RESULTS_ZIP_LIMITS.maxArchiveBytes;
/** Lines parsed per slice of the text, and rollouts per bulkAdd: bounds each step's garbage. */
const LINES_PER_BATCH = 500;
const ROLLOUTS_PER_WRITE = 500;

const NOT_STORED = 'nothing was stored.';
const PICK =
  'Pick results.jsonl (with its metadata.json, if you have it) from one results folder, or a .zip of that folder';

function formatError(message: string, remedy: string): AppError {
  return new AppError('dataset_format', message, { nextStep: `${remedy}; ${NOT_STORED}` });
}

export async function importResults(
  deps: ImportResultsDeps,
  files: readonly ImportFile[],
  options: ImportResultsOptions = {},
): Promise<ResultsImportSummary> {
  const source = await readResultsFiles(files);
  const fingerprint = await fingerprintOf(source);
  if (options.allowDuplicate !== true) {
    const earlier = await importedBefore(deps.db, fingerprint);
    if (earlier !== undefined) {
      return {
        status: 'duplicate',
        runId: earlier.id,
        name: earlier.name,
        importedAt: earlier.createdAt,
      };
    }
  }
  const meta = source.metadataJson === null ? null : parseMetadata(source.metadataJson);
  const metadata = meta?.metadata ?? null;
  // The text is not kept past this call: the rows hold their own copies of every string.
  const parsed = parseByLine(source.resultsJsonl);
  source.resultsJsonl = '';
  const readRows = reidentifyLegacyIds(parsed.rows);
  const shape = describeFile(metadata, readRows);
  const checked = checkRewards(readRows, shape);
  const { rows } = checked;
  const problems = [...parsed.problems, ...checked.problems].sort((a, b) => a.line - b.line);
  if (rows.length === 0) throw nothingUsable(source.resultsName, problems);
  const runId = deps.newId();
  const rollouts = importedRowsToRollouts(rows, runId, shape);
  const run = metadataToRunRecord(
    metadata,
    rows,
    { id: runId, now: deps.now(), appVersion: deps.appVersion ?? __APP_VERSION__ },
    shape,
  );
  await storeImportedRun(deps.db, { ...run, importFingerprint: fingerprint }, rollouts);
  return {
    status: 'imported',
    runId,
    rows: rollouts.length,
    badLines: problems,
    metadataProblems: (meta?.problems ?? []).map((problem) => problem.message),
  };
}

/** SHA-256 of what was read: results.jsonl, then metadata.json (or nothing), kept apart by a NUL. */
async function fingerprintOf(source: ResultsSource): Promise<string> {
  const text = `${source.resultsJsonl}\u0000${source.metadataJson ?? ''}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A stored, not deleted, run imported from exactly these files. */
async function importedBefore(db: MedevalDb, fingerprint: string): Promise<RunRecord | undefined> {
  const runs = await db.runs.filter((run) => run.importFingerprint === fingerprint).toArray();
  return runs.find((run) => run.deletedAt === undefined);
}

/**
 * Parses the text slice by slice (never one array of every line), renumbering each slice's lines.
 * Each slice ends just after a newline, so no line is cut.
 */
function parseByLine(text: string): { rows: ImportedRow[]; problems: LineProblem[] } {
  const rows: ImportedRow[] = [];
  const problems: LineProblem[] = [];
  let start = 0;
  let firstLine = 1;
  while (start < text.length) {
    let end = start;
    let lines = 0;
    while (lines < LINES_PER_BATCH && end < text.length) {
      const newline = text.indexOf('\n', end);
      end = newline < 0 ? text.length : newline + 1;
      lines++;
    }
    const offset = firstLine - 1;
    const batch = parseResultsJsonl(text.slice(start, end));
    for (const row of batch.rows)
      rows.push(offset === 0 ? row : { ...row, line: row.line + offset });
    for (const p of batch.problems) problems.push({ line: p.line + offset, message: p.message });
    start = end;
    firstLine += lines;
  }
  return { rows, problems };
}

function nothingUsable(name: string, problems: readonly LineProblem[]): AppError {
  if (problems.length === 0) {
    return formatError(
      `"${name}" has no results (it is empty or has only blank lines).`,
      'Check that this is the results.jsonl of a finished run',
    );
  }
  const shown = problems.slice(0, 3).map((p) => `line ${p.line}: ${p.message}`);
  const more = problems.length > 3 ? `; and ${formatCount(problems.length - 3)} more` : '';
  return formatError(
    `None of the ${formatCount(problems.length)} lines of "${name}" can be read as a result (${shown.join('; ')}${more}).`,
    'Each line must be a JSON object with example_id (or id), prompt and completion, as `vf-eval -s` or this app’s export writes them',
  );
}

/** One transaction: the run and every rollout with its table row, or nothing. */
async function storeImportedRun(
  db: MedevalDb,
  run: RunRecord,
  rollouts: readonly RolloutRecord[],
): Promise<void> {
  await db.transaction('rw', db.runs, db.rollouts, db.rolloutRows, async () => {
    // `add`, never `put`: a colliding id fails the import instead of replacing a stored run.
    await db.runs.add(run);
    for (let i = 0; i < rollouts.length; i += ROLLOUTS_PER_WRITE) {
      const chunk = rollouts.slice(i, i + ROLLOUTS_PER_WRITE);
      await db.rollouts.bulkAdd(chunk);
      await db.rolloutRows.bulkAdd(chunk.map(toRolloutRow));
    }
  });
}

// ---- Reading what the user picked ----

interface ResultsSource {
  resultsName: string;
  resultsJsonl: string;
  metadataJson: string | null;
}

type PickedKind = 'zip' | 'results' | 'metadata' | 'other';

function kindOf(name: string): PickedKind {
  const base = baseName(name).toLowerCase();
  if (base.endsWith('.zip')) return 'zip';
  if (base.endsWith('.jsonl')) return 'results';
  return base.endsWith('.json') ? 'metadata' : 'other';
}

async function readResultsFiles(files: readonly ImportFile[]): Promise<ResultsSource> {
  if (files.length === 0) throw formatError('No files were given.', PICK);
  const byKind = (kind: PickedKind) => files.filter((file) => kindOf(file.name) === kind);
  const [zip, ...otherZips] = byKind('zip');
  const others = byKind('other');
  if (others.length > 0) {
    throw formatError(
      `${listNames(others.map((f) => `"${f.name}"`))} ${others.length === 1 ? 'is' : 'are'} not results.jsonl, metadata.json or a .zip.`,
      PICK,
    );
  }
  if (zip !== undefined) {
    if (otherZips.length > 0 || files.length > 1) {
      throw formatError(
        `"${zip.name}" must be imported on its own, but ${formatCount(files.length - 1)} other file(s) were given with it.`,
        `Import "${zip.name}" by itself, or pick results.jsonl and metadata.json instead`,
      );
    }
    return readZipSource(zip);
  }
  return readPlainSource(byKind('results'), byKind('metadata'));
}

async function readZipSource(zip: ImportFile): Promise<ResultsSource> {
  checkSize(zip, MAX_RESULTS_ZIP_BYTES, 'a results .zip');
  const { resultsJsonl, metadataJson } = readResultsZip(await readBytes(zip), {
    ...DEFAULT_RESULTS_ZIP_LIMITS,
    maxResultsBytes: MAX_RESULTS_BYTES,
    maxMetadataBytes: MAX_METADATA_BYTES,
  });
  return { resultsName: `results.jsonl in "${zip.name}"`, resultsJsonl, metadataJson };
}

async function readPlainSource(
  results: readonly ImportFile[],
  metadata: readonly ImportFile[],
): Promise<ResultsSource> {
  const [resultsFile, ...moreResults] = results;
  const [metadataFile, ...moreMetadata] = metadata;
  if (resultsFile === undefined) {
    throw formatError('No results.jsonl was given (only metadata.json).', PICK);
  }
  if (moreResults.length > 0 || moreMetadata.length > 0) {
    const names = [...results, ...metadata].map((f) => `"${f.name}"`);
    throw formatError(
      `One results folder at a time: ${listNames(names)} were given together.`,
      'Pick one results.jsonl and at most one metadata.json',
    );
  }
  // Both sizes are known before either file is read.
  checkSize(resultsFile, MAX_RESULTS_BYTES, 'results.jsonl');
  if (metadataFile !== undefined) checkSize(metadataFile, MAX_METADATA_BYTES, 'metadata.json');
  return {
    resultsName: resultsFile.name,
    resultsJsonl: await readText(resultsFile),
    metadataJson: metadataFile === undefined ? null : await readText(metadataFile),
  };
}

function checkSize(file: ImportFile, limit: number, what: string): void {
  if (file.size > limit) {
    throw formatError(
      `"${file.name}" is ${formatMegabytes(file.size)}; ${what} may be at most ${formatLimit(limit)}.`,
      'Split the run (for example, import each results folder separately) or export fewer rollouts',
    );
  }
}

async function readText(file: ImportFile): Promise<string> {
  const bytes = await readBytes(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new AppError('dataset_format', `"${file.name}" is not UTF-8 text.`, {
      nextStep: `Results files are written as UTF-8 by the verifiers tooling and by this app: check that this is the right file; ${NOT_STORED}`,
      cause: error,
    });
  }
}
