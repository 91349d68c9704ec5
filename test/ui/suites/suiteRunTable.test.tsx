// A suite run's table after one of its runs was deleted: the entry stays, says "deleted" (hidden in
// the undo window, or purged before its entry was rewritten) or why it has no run (purged: data/
// runStore deleteRun), and links nowhere; while the runs are read it claims nothing.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SuiteRunRecord } from '../../../src/core/suites/suiteRun';
import { SuiteRunTable } from '../../../src/ui/components/suites/SuiteRunTable';
import type { RunProgress } from '../../../src/ui/components/suites/useSuiteRunProgress';
import { sampleRun } from '../../core/results/sampleRun';

const record = {
  entries: [
    { key: 'medqa', runId: 'kept' },
    { key: 'medmcqa', runId: 'hidden' },
    { key: 'pubmedqa', reason: 'Its run was deleted.' },
  ],
} as SuiteRunRecord;
const kept: RunProgress = {
  run: { ...sampleRun, id: 'kept', status: 'done' },
  total: 5,
  done: 5,
  failed: 0,
  unscored: 0,
};

/** Each row as [status attribute, link target or null, cell texts]. */
function rows(progress: readonly RunProgress[] | undefined) {
  const html = renderToString(<SuiteRunTable record={record} progress={progress} />).replaceAll(
    '<!-- -->',
    '',
  );
  return [
    ...html.matchAll(/<tr data-testid="suite-run-entry" data-status="([^"]*)">(.*?)<\/tr>/g),
  ].map(([, status, cells]) => [
    status,
    /href="([^"]*)"/.exec(cells ?? '')?.[1] ?? null,
    [...(cells ?? '').matchAll(/<t[hd][^>]*>(?:<a [^>]*>)?([^<]*)/g)].map(([, text]) => text),
  ]);
}

describe('a suite run’s table with a deleted run', () => {
  it('shows the deleted run’s entry as deleted, without a link, and the purged one’s reason', () => {
    expect(rows([kept])).toEqual([
      ['done', '#/run?run=kept', ['medqa', 'done', '5 / 5', '0 / 0']],
      ['deleted', null, ['medmcqa', 'deleted', '', '']],
      ['none', null, ['pubmedqa', 'Its run was deleted.', '', '']],
    ]);
  });

  it('claims nothing of a run while the runs are read', () => {
    expect(rows(undefined).map(([status]) => status)).toEqual(['none', 'none', 'none']);
    expect(rows(undefined)[1]?.[2]).toEqual(['medmcqa', '', '', '']);
  });
});
