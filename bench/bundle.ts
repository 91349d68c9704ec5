// Production bundle size: the JavaScript the page loads before it can render (the entry script and
// its modulepreloads), gzipped, plus the worker and lazily loaded chunks for context.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchSection } from './stats';

const KB = 1024;

function gz(path: string): number {
  return gzipSync(readFileSync(path)).length;
}

export function benchBundle(distDir: string): BenchSection & { initialGzipKb: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => (match[1] ?? '').replace(/^\.\//, ''));
  const initialGzip = initial.reduce((sum, file) => sum + gz(join(distDir, file)), 0);
  const assets = readdirSync(join(distDir, 'assets')).filter((file) => file.endsWith('.js'));
  const rows = assets.map((file) => {
    const path = join(distDir, 'assets', file);
    const role = initial.includes(`assets/${file}`)
      ? 'initial'
      : file.includes('worker')
        ? 'worker'
        : 'lazy';
    return `| ${file.replace(/-[\w-]{8}\.js$/, '.js')} | ${role} | ${(statSync(path).size / KB).toFixed(1)} | ${(gz(path) / KB).toFixed(1)} |`;
  });
  const initialGzipKb = initialGzip / KB;
  return {
    title: 'Production bundle',
    initialGzipKb,
    lines: [
      `Initial JavaScript, gzipped: **${initialGzipKb.toFixed(1)} KB** (target ≤ 200 KB).`,
      '',
      '| chunk | loaded | raw KB | gzip KB |',
      '|---|---|---|---|',
      ...rows,
    ],
  };
}
