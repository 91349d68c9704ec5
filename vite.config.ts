/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { serviceWorker } from './scripts/serviceWorkerPlugin.ts';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

/**
 * Content-Security-Policy for the built app (GitHub Pages cannot send headers, so a <meta>): scripts,
 * workers, styles and images only from the app itself; `connect-src` open to any http(s) origin
 * because users point the app at their own model endpoints (cloud, LAN or localhost) — which hosts
 * get requests is the app's own rule (keys bound to origins, hosts confirmed by name: issue 10). No
 * inline styles, `data:`/`blob:` images or connections, and no frames: no flow needs them, and the
 * e2e suite fails on any violation (test/support/browser.ts). Added at build time only: the dev
 * server injects an inline script (React refresh) that this policy would block.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self' https: http:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'medeval-csp',
    apply: 'build',
    // Right after the charset (which must come first), before anything the policy should govern.
    transformIndexHtml: (html) =>
      html.replace(
        /(<meta charset="UTF-8" \/>)/,
        `$1\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

// Relative base: the same build works at `/`, at GitHub Pages' `/<repo>/`, or any other sub-path.
export default defineConfig({
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [react(), contentSecurityPolicy(), serviceWorker()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          setupFiles: ['test/support/setupIndexedDb.ts'],
          // A hang guard, not a speed limit: these 2-core machines are shared, and a test that
          // waits on conditions may take seconds beside busy processes (issue 11).
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // expect.poll waits on a condition; its 1 s default is a speed limit in disguise.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A page's worker may take seconds to start beside busy processes: poll for a condition
          // up to 15 s (a hang guard, not a speed limit; the default is 1 s).
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
