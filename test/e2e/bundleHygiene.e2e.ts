// What the production build ships, read from dist/ (built by `npm test` before Vitest runs): the worker
// must not carry WebAssembly, which a CSP without 'wasm-unsafe-eval' forbids — a dependency that
// compiles a module as it loads would stop the worker from starting at all on such a host.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';

const assets = join(import.meta.dirname, '..', '..', 'dist', 'assets');

describe('the production bundle', () => {
  it('ships no WebAssembly in any script', () => {
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.some((name) => name.startsWith('main.worker-'))).toBe(true);
    const withWasm = scripts.filter((name) =>
      readFileSync(join(assets, name), 'utf8').includes('WebAssembly'),
    );
    expect(withWasm).toEqual([]);
  });

  it('carries the strict Content-Security-Policy in index.html, before any script (issue 10)', () => {
    const html = readFileSync(join(assets, '..', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", 'https:', 'http:']);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|data:|blob:|\*/);
  });
});
