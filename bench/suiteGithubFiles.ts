// The GitHub-hosted files the Medmarks verified suite loads, for the suite bench, served by the GitHub
// imitation at the paths and pinned commits the app asks for: LongHealth's benchmark_v5.json (the
// synthetic benchmark of the differential fixture, in the real file's shape), SCT-Public's
// sct_cleaned_full.csv (the fixture's rows in the real shape, replicated to the real 174 cases with
// distinct question ids) with the real prompt templates, and PubMedQA's test_ground_truth.json (500 of
// the served pubids). The real LongHealth and SCT-Public tables are not here, so those two files
// cannot have the pinned git blob ids: `pinnedBlobSwaps` names the pinned id → the served file's id,
// for a copy of the built app in which only those two constants differ (the download, the blob check,
// the parsing and the writes run as they do for users).
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { longhealthEnv } from '../src/core/envs/longhealth';
import { sctpublicEnv } from '../src/core/envs/sctpublic';
import type { EnvModule, GithubFilePart } from '../src/core/envs/types';

interface RepoFile {
  repo: string;
  commit: string;
  path: string;
  content: string;
}

export interface SuiteGithubFiles {
  files: RepoFile[];
  /** Pinned blob id → the served file's blob id (the files that cannot be the real ones). */
  pinnedBlobSwaps: Map<string, string>;
  /** For the report: file, size, and what it is. */
  described: { path: string; bytes: number; what: string }[];
}

/** Cases in the real sct_cleaned_full.csv (102 Adelaide SCT + 72 Open Medical SCT). */
const SCT_CASES = 174;

const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/medmarks/${name}`, import.meta.url), 'utf8'));

const blobId = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
};

function firstPart(env: EnvModule): { part: GithubFilePart; revision: string } {
  if (env.source.kind === 'github-notes') throw new Error(`${env.id}: no variants`);
  const variant = env.source.variants[0];
  const part = variant?.parts[0];
  if (variant === undefined || part?.kind !== 'github-file') throw new Error(`${env.id}: no file`);
  return { part, revision: variant.revision };
}

/** CSV records: lines joined while a quoted field is open (an odd count of quotes so far). */
function csvRecords(csv: string): string[] {
  const records: string[] = [];
  let open: string | null = null;
  for (const line of csv.split('\n')) {
    const record: string = open === null ? line : `${open}\n${line}`;
    open = (record.match(/"/g)?.length ?? 0) % 2 === 0 ? null : record;
    if (open === null && record !== '') records.push(record);
  }
  if (open !== null) throw new Error('sctpublic fixture: an unterminated quoted field');
  return records;
}

/** The fixture's CSV records cycled to `n`, the first column (question_id) made distinct. */
function replicateCsv(csv: string, n: number): string {
  const [header = '', ...rows] = csvRecords(csv);
  const out = Array.from({ length: n }, (_, i) => {
    const row = rows[i % rows.length] ?? '';
    return `${i + 1}${row.slice(row.indexOf(','))}`;
  });
  return `${[header, ...out].join('\n')}\n`;
}

export function suiteGithubFiles(pubids: readonly number[]): SuiteGithubFiles {
  const longhealth = readFixture('longhealth.json') as { benchmark: string };
  const sct = readFixture('sctpublic.json') as { csv: string; templates: Record<string, string> };
  const lh = firstPart(longhealthEnv);
  const table = firstPart(sctpublicEnv);
  const csv = replicateCsv(sct.csv, SCT_CASES);
  const dir = table.part.path.slice(0, table.part.path.lastIndexOf('/'));
  const testIds = Object.fromEntries(
    pubids.filter((_, i) => i % 2 === 0).map((id) => [String(id), 'yes']),
  );
  const files: RepoFile[] = [
    { repo: lh.part.repo, commit: lh.revision, path: lh.part.path, content: longhealth.benchmark },
    { repo: table.part.repo, commit: table.revision, path: table.part.path, content: csv },
    ...Object.entries(sct.templates).map(([name, content]) => ({
      repo: table.part.repo,
      commit: table.revision,
      path: `${dir}/${name}`,
      content,
    })),
    {
      repo: 'pubmedqa/pubmedqa',
      commit: 'master',
      path: 'data/test_ground_truth.json',
      content: JSON.stringify(testIds),
    },
  ];
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  return {
    files,
    pinnedBlobSwaps: new Map([
      [lh.part.blobSha, blobId(longhealth.benchmark)],
      [table.part.blobSha, blobId(csv)],
    ]),
    described: [
      {
        path: `${lh.part.repo}/${lh.part.path}`,
        bytes: bytes(longhealth.benchmark),
        what: 'the differential fixture’s synthetic benchmark as it is (5 patients; the real file is > 4 MiB, 20 patients)',
      },
      {
        path: `${table.part.repo}/${table.part.path}`,
        bytes: bytes(csv),
        what: `the fixture’s rows replicated to the real ${SCT_CASES} cases (the real file: 83,386 bytes)`,
      },
      {
        path: `${table.part.repo}/${dir}/*.md`,
        bytes: Object.values(sct.templates).reduce((sum, text) => sum + bytes(text), 0),
        what: 'the real prompt templates (their pinned blob ids)',
      },
      {
        path: 'pubmedqa/pubmedqa/data/test_ground_truth.json',
        bytes: bytes(JSON.stringify(testIds)),
        what: `${Object.keys(testIds).length} of the served pubids`,
      },
    ],
  };
}

/** A copy of the built app with each pinned blob id swapped (same length: 40 hex digits). */
export function appWithBlobSwaps(dist: string, swaps: ReadonlyMap<string, string>): string {
  const copy = mkdtempSync(join(tmpdir(), 'medeval-bench-suite-'));
  cpSync(dist, copy, { recursive: true });
  const found = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.js')) {
        let text = readFileSync(path, 'utf8');
        for (const [pinned, served] of swaps) {
          if (!text.includes(pinned)) continue;
          found.add(pinned);
          text = text.replaceAll(pinned, served);
        }
        writeFileSync(path, text);
      }
    }
  };
  visit(copy);
  const missing = [...swaps.keys()].filter((pinned) => !found.has(pinned));
  if (missing.length > 0)
    throw new Error(`pinned blob ids not in the built app: ${missing.join()}`);
  return copy;
}
