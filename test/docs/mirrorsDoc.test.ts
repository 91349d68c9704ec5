// docs/mirrors.md tells a mirror's operator which paths to serve (#13.8). Its worked example must be
// what the app really requests: the link is parsed as the app parses it, the requests are built by
// the code that builds them (the viewer calls through the real functions, with a fetch that records),
// and the example's URLs must be exactly that set — none missing, none invented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { githubMirrorUrl, githubRawUrl } from '../../src/core/github/githubFileUrls';
import { healthbenchEnv } from '../../src/core/envs/healthbench';
import { medqaEnv } from '../../src/core/envs/medqa';
import {
  listingUrl,
  mirrorFileUrl,
  mirrorListingUrl,
  rawFileUrl,
} from '../../src/core/envs/mtsamples/sourceUrls';
import { pubmedqaEnv } from '../../src/core/envs/pubmedqa';
import type { EnvSource } from '../../src/core/envs/types';
import {
  DEFAULT_SOURCE_SETTINGS,
  SOURCE_URL_PARAMS,
  sourceOverridesFromParams,
  type SourceSettings,
} from '../../src/core/schema/sourceSettings';
import { fetchExtras } from '../../src/worker/benchmarks/benchmarkExtras';
import { hfBasesFrom, resolveUrl } from '../../src/worker/hf/hfBases';
import { parquetFileUrl } from '../../src/worker/hf/parquetRows';
import {
  filterRows,
  getInfo,
  getRows,
  getSize,
  isValid,
  listParquetFiles,
  listSplits,
  searchRows,
  type HfDeps,
} from '../../src/worker/hf/viewerApi';

const doc = readFileSync(new URL('../../docs/mirrors.md', import.meta.url), 'utf8');
const MIRROR = 'https://mirror.example.org';
const NOTE = 'AC Separation Revision & Hardware Removal.txt';
const CORPUS = 'lavita/ChatDoctor-HealthCareMagic-100k';

function exampleSettings(): SourceSettings {
  const link = doc
    .split('\n')
    .find((line) => line.startsWith('https://example.github.io/medeval/'));
  if (link === undefined) throw new Error('docs/mirrors.md has no example link');
  const params = new URLSearchParams(link.split('?', 2)[1]);
  const parsed = sourceOverridesFromParams(params);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return { ...DEFAULT_SOURCE_SETTINGS, ...parsed.overrides };
}

/** HfDeps whose fetch records each URL and answers 404, so every call fails fast after one request. */
function recordingDeps(settings: SourceSettings): { deps: HfDeps; urls: string[] } {
  const urls: string[] = [];
  const deps: HfDeps = {
    bases: hfBasesFrom(settings),
    fetch: (input) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return Promise.resolve(new Response('{}', { status: 404 }));
    },
    random: () => 0,
    now: () => 0,
    sleep: () => Promise.resolve(),
  };
  return { deps, urls };
}

interface EnvLike {
  id: string;
  source: EnvSource;
}

function firstVariant(env: EnvLike) {
  const variant = 'variants' in env.source ? env.source.variants[0] : undefined;
  if (variant === undefined) throw new Error(`${env.id} has no variant`);
  return variant;
}

function firstHfPart(env: EnvLike) {
  const part = firstVariant(env).parts[0];
  if (part === undefined || !('dataset' in part)) throw new Error(`${env.id}: no HF part`);
  return part;
}

async function viewerUrls(settings: SourceSettings): Promise<string[]> {
  const { deps, urls } = recordingDeps(settings);
  const signal = new AbortController().signal;
  const medqa = firstHfPart(medqaEnv);
  const page = { dataset: CORPUS, config: 'default', split: 'train', offset: 0, length: 100 };
  const calls = [
    () => listParquetFiles(deps, medqa.dataset, signal),
    () => getInfo(deps, medqa.dataset, 'default', signal),
    () => isValid(deps, CORPUS, signal),
    () => listSplits(deps, CORPUS, signal),
    () => getSize(deps, CORPUS, signal),
    () => getRows(deps, page, signal),
    () => searchRows(deps, { ...page, query: 'chest pain' }, signal),
    () => filterRows(deps, { ...page, where: '"input" IS NOT NULL' }, signal),
  ];
  for (const call of calls) await expect(call()).rejects.toThrow();
  const pubmedqa = firstVariant(pubmedqaEnv);
  const extras = await fetchExtras(deps, settings, pubmedqa, pubmedqa.revision, signal);
  expect(extras.missing).toHaveLength(1);
  return urls;
}

function hubUrls(settings: SourceSettings): string[] {
  const bases = hfBasesFrom(settings);
  const medqa = firstHfPart(medqaEnv);
  if (medqa.kind !== 'hf-parquet') throw new Error('MedQA is read from Parquet');
  const healthbench = firstHfPart(healthbenchEnv);
  if (healthbench.kind !== 'hf-jsonl') throw new Error('HealthBench is read from JSONL');
  return [
    parquetFileUrl(
      bases,
      medqa.dataset,
      firstVariant(medqaEnv).revision,
      medqa.config,
      medqa.split,
      '0000.parquet',
    ),
    resolveUrl(bases, healthbench.dataset, firstVariant(healthbenchEnv).revision, healthbench.path),
  ];
}

function githubUrls(settings: SourceSettings): string[] {
  const longhealth = {
    repo: 'MedARC-AI/med-lm-envs',
    commit: '6568528960aa54c77434d8e7eaa108150cc4208e',
    path: 'environments/longhealth/benchmark_v5.json',
  };
  return [
    listingUrl(settings),
    mirrorListingUrl(settings),
    rawFileUrl(settings, NOTE),
    mirrorFileUrl(settings, NOTE),
    githubRawUrl(settings, longhealth),
    githubMirrorUrl(settings, longhealth),
  ];
}

/** Every `https://mirror.example.org…` the document quotes on its own (in backticks). */
function documentedUrls(): string[] {
  return [...doc.matchAll(/`(https:\/\/mirror\.example\.org\/[^`\s]*)`/g)].map((m) => m[1] ?? '');
}

describe('docs/mirrors.md', () => {
  it('names every link parameter the app reads, with its default', () => {
    for (const [param, key] of Object.entries(SOURCE_URL_PARAMS)) {
      expect(doc).toContain(`\`${param}\``);
      const fallback = DEFAULT_SOURCE_SETTINGS[key];
      expect(doc).toContain(`\`${fallback}\``);
    }
  });

  it('quotes exactly the bases and URLs the app requests for its worked example', async () => {
    const settings = exampleSettings();
    const bases = [
      settings.githubApiBase,
      settings.rawBase,
      settings.mirrorBase,
      settings.mirrorApiBase,
      settings.hfViewerBase,
      settings.hfHubBase,
    ];
    for (const base of bases) expect(base.startsWith(`${MIRROR}/`)).toBe(true);
    const requested = [
      ...bases,
      ...githubUrls(settings),
      ...(await viewerUrls(settings)),
      ...hubUrls(settings),
    ];
    expect(new Set(documentedUrls())).toEqual(new Set(requested));
  });
});
