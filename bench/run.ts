// `npm run bench`: measures what the issues set targets for and writes docs/benchmarks.md.
// Figures are medians and same-run ratios: these machines are shared and noisy.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../test/support/browser';
import { startStaticServer } from '../test/support/staticServer';
import { benchBundle } from './bundle';
import { benchDatasetInBrowser } from './datasetInBrowser';
import { benchImportInBrowser } from './importInBrowser';
import { benchResultsInBrowser } from './resultsInBrowser';
import { benchRunEngine } from './runEngine';
import { benchRunInBrowser } from './runInBrowser';
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
      if (only === undefined || only.includes('results'))
        sections.push(await benchResultsInBrowser(server.url));
      if (only === undefined || only.includes('import'))
        sections.push(await benchImportInBrowser(server.url));
    } finally {
      await server.close();
    }
  }
  const only = process.env.BENCH_ONLY;
  if (only === undefined || only.split(',').includes('run')) sections.push(await benchRunEngine());
  const header = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (do not edit by hand). Medians of repeated runs; ratios are against a',
    'baseline measured in the same run, because these machines are shared and noisy.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; ${chromium === null ? 'no Chromium' : chromiumVersion(chromium)}`,
    '',
  ];
  const body = sections.flatMap((section) => [`## ${section.title}`, '', ...section.lines, '']);
  const text = [...header, ...body].join('\n');
  writeFileSync(join(root, 'docs/benchmarks.md'), text);
  console.log(text);
}

await main();
