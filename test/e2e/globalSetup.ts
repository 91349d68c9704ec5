// Serves the production build at a sub-path, as GitHub Pages will (`/<repo>/`), for every e2e file:
// a build that only works at `/` fails here. Tests read the address with `inject('appUrl')`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../support/staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>/medeval/`: the built app, served from dist/. */
    appUrl: string;
  }
}

export const APP_PREFIX = '/medeval/';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dist = resolve(project.config.root, 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error(
      `${dist}/index.html is missing: run \`npm run build\` first (npm test does it).`,
    );
  }
  const server = await startStaticServer({ root: dist, prefix: APP_PREFIX });
  project.provide('appUrl', server.url);
  return () => server.close();
}
