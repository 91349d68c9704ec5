// A run's header on the Results page shows only the dates it knows: a run imported from another
// environment's verifiers file says when it was imported (and when the file says it ran), never
// "Finished —"; a run of ours not finished yet says when it was created, and nothing of finishing.
import { join } from 'node:path';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/schema/run';
import { openDb } from '../../src/data/db';
import { AppServicesContext, type AppServices } from '../../src/ui/appContext';
import { RunHeader } from '../../src/ui/components/results/runs/RunHeader';
import { importFolder, VERIFIERS_FIXTURES } from '../core/results/importFolder';
import { sampleRun } from '../core/results/sampleRun';
import { fakeWorker } from '../support/fakeWorker';

// Rendered to a string, no effect runs: nothing reads the database or calls the worker.
const services: AppServices = {
  db: openDb(`run-header-${crypto.randomUUID()}`),
  worker: fakeWorker(),
};

/** The header's facts as "label: value" lines. */
function headerFacts(run: RunRecord): string[] {
  const html = renderToString(
    <AppServicesContext.Provider value={services}>
      <RunHeader run={run} rows={[]} />
    </AppServicesContext.Provider>,
  ).replaceAll('<!-- -->', '');
  return [...html.matchAll(/<dt>([^<]*)<\/dt><dd[^>]*>([^<]*)<\/dd>/g)].map(
    ([, label, value]) => `${label}: ${value}`,
  );
}

const imported = (line: string) => importFolder(join(VERIFIERS_FIXTURES, line)).run;

describe('a run header’s dates', () => {
  it('an imported file-metrics run: when it was imported, no "Finished —"', () => {
    const facts = headerFacts(imported('v0.3.0'));
    expect(facts).toContainEqual(`Imported: ${new Date(1).toLocaleString()}`);
    expect(facts.filter((fact) => /^(Created|Finished|Run)/.test(fact))).toEqual([]);
    expect(facts.filter((fact) => fact.endsWith('—'))).toEqual([]);
  });

  it('an imported file that states its date: that date too, as the file wrote it', () => {
    expect(headerFacts(imported('v0.1.5'))).toContainEqual(
      'Run (per the file): 2025-10-09 09:03:20',
    );
  });

  it('a run of ours still running: created, and nothing of finishing', () => {
    const running: RunRecord = { ...sampleRun, status: 'running', finishedAt: undefined };
    const facts = headerFacts(running);
    expect(facts).toContainEqual(`Created: ${new Date(sampleRun.createdAt).toLocaleString()}`);
    expect(facts.filter((fact) => fact.startsWith('Finished'))).toEqual([]);
  });
});
