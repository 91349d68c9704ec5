// `npm run bench`: measures what the issues set targets for and writes docs/benchmarks.md.
// Figures are medians and same-run ratios: these machines are shared and noisy.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../test/support/browser';
import { startStaticServer } from '../test/support/staticServer';
import { mergeSections, parseSections, sectionsText } from './benchDoc';
import { benchBundle } from './bundle';
import { benchCorpusInBrowser } from './corpusInBrowser';
import { benchDatasetInBrowser } from './datasetInBrowser';
import { benchImportInBrowser } from './importInBrowser';
import { benchLongTextInBrowser } from './longTextInBrowser';
import { benchResultsInBrowser } from './resultsInBrowser';
import { benchRunEngine } from './runEngine';
import { benchRunInBrowser } from './runInBrowser';
import { benchRunSpeedInBrowser } from './runSpeedInBrowser';
import { benchRunStartInBrowser } from './runStartInBrowser';
import { benchSuiteInBrowser } from './suiteInBrowser';
import type { BenchSection } from './stats';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  const sections: BenchSection[] = [benchBundle(dist)];
  const chromium = findChromium();
  if (chromium === null) {
    sections.push({
      title: 'Browser figures',
      lines: ['Skipped: no Chromium (apt-get install -y chromium).'],
    });
  } else {
    const server = await startStaticServer({ root: dist, prefix: '/medeval/' });
    try {
      const only = process.env.BENCH_ONLY;
      if (only === undefined || only.includes('dataset'))
        sections.push(await benchDatasetInBrowser(server.url));
      if (only === undefined || only.includes('ui-run'))
        sections.push(await benchRunInBrowser(server.url));
      if (only === undefined || only.includes('run-speed'))
        sections.push(await benchRunSpeedInBrowser(server.url));
      if (only === undefined || only.includes('run-start'))
        sections.push(await benchRunStartInBrowser(server.url));
      if (only === undefined || only.includes('results'))
        sections.push(await benchResultsInBrowser(server.url));
      if (only === undefined || only.includes('import'))
        sections.push(await benchImportInBrowser(server.url));
      if (only === undefined || only.includes('corpus'))
        sections.push(await benchCorpusInBrowser(server.url));
      if (only === undefined || only.includes('suite'))
        sections.push(await benchSuiteInBrowser(dist));
      if (only === undefined || only.includes('long-text'))
        sections.push(await benchLongTextInBrowser(server.url));
    } finally {
      await server.close();
    }
  }
  const only = process.env.BENCH_ONLY;
  if (only === undefined || only.split(',').includes('run')) sections.push(await benchRunEngine());
  const date = new Date().toISOString();
  const measured = sections.map((section) => ({
    ...section,
    lines: [...section.lines, '', `_Measured ${date}._`],
  }));
  // A BENCH_ONLY run replaces only the sections it measured (by title) and keeps the others.
  const docPath = join(root, 'docs/benchmarks.md');
  const isPartial = only !== undefined && existsSync(docPath);
  const body = isPartial
    ? mergeSections(parseSections(readFileSync(docPath, 'utf8')), measured)
    : measured;
  const header = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (do not edit by hand). Medians of repeated runs; ratios are against a',
    'baseline measured in the same run, because these machines are shared and noisy.',
    '',
    `- Date: ${date}${isPartial ? ` (\`BENCH_ONLY=${only}\`: ${sections.map((s) => s.title).join('; ')}; the other sections are kept from earlier runs)` : ''}`,
    `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; ${chromium === null ? 'no Chromium' : chromiumVersion(chromium)}`,
    '',
  ];
  const text = [...header, ...sectionsText(body)].join('\n');
  writeFileSync(docPath, text);
  console.log(text);
}

await main();
