import { renderToString } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import type { EnvModule, EnvVariant } from '../../../src/core/envs/types';
import { healthbenchEnv } from '../../../src/core/envs/healthbench';
import type { DatasetRecord, ExampleRecord } from '../../../src/core/schema/dataset';
import { DEFAULT_SOURCE_SETTINGS } from '../../../src/core/schema/sourceSettings';
import { BenchmarkExampleDetail } from '../../../src/ui/components/benchmarks/BenchmarkExampleDetail';
import { variantRequest } from '../../../src/ui/components/benchmarks/benchmarkRequest';
import { VariantCard } from '../../../src/ui/components/benchmarks/VariantCard';
import type { BenchmarkLoadState } from '../../../src/ui/hooks/useBenchmarkLoad';
import { hfDatasetRecord } from '../../support/datasetRecord';

/** Server-rendered markup without React's text separators. */
function render(node: ReactNode): string {
  return renderToString(node).replaceAll('<!-- -->', '');
}

// Payloads and source text are untrusted: none of it may become markup.
const EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

const VARIANT: EnvVariant = {
  id: 'test',
  label: 'Test split',
  description: EVIL,
  expectedRows: 1273,
  revision: 'refs/convert/parquet',
  parts: [],
};
const REQUEST = variantRequest('medqa', VARIANT, '');

function loads(running: boolean, error: AppError | null = null): BenchmarkLoadState {
  return {
    isRunning: () => running,
    errorOf: () => (error === null ? null : { action: 'load', error }),
    load: () => Promise.resolve(null),
    cancel: () => undefined,
    remove: () => Promise.resolve(),
    clearError: () => undefined,
  };
}

function record(overrides: Partial<DatasetRecord>): DatasetRecord {
  return hfDatasetRecord({
    id: REQUEST.datasetId,
    envId: 'pubmedqa',
    label: 'x',
    origin: { kind: 'huggingface', variant: 'test', datasets: ['x/y'], revision: 'main' },
    exampleCount: 1270,
    skippedCount: 3,
    ...overrides,
  });
}

function card(rec: DatasetRecord | undefined, state: BenchmarkLoadState): string {
  return render(
    <VariantCard
      variant={VARIANT}
      request={REQUEST}
      record={rec}
      loads={state}
      settings={DEFAULT_SOURCE_SETTINGS}
      blockedReason={null}
    />,
  );
}

describe('VariantCard', () => {
  it('offers Load when nothing is stored', () => {
    const html = card(undefined, loads(false));
    expect(html).toContain('data-state="absent"');
    expect(html).toContain('data-testid="variant-load"');
    expect(html).not.toContain('<img');
  });

  it('shows rows read of rows expected, with Cancel, while loading', () => {
    const html = card(record({ status: 'fetching', filesDone: 200 }), loads(true));
    expect(html).toContain('rows 200 of 1273');
    expect(html).toContain('data-testid="variant-cancel"');
  });

  it('shows the stored error with its next step and a retry', () => {
    const error = { kind: 'network', message: 'Hub unreachable', nextStep: 'Check the proxy.' };
    const html = card(record({ status: 'error', error }), loads(false));
    expect(html).toContain('Hub unreachable');
    expect(html).toContain('Check the proxy.');
    expect(html).toContain('Try again');
  });

  it('shows the call error once, not the stored copy as well', () => {
    const error = { kind: 'network', message: 'Hub unreachable' };
    const html = card(
      record({ status: 'error', error }),
      loads(false, new AppError('network', 'Hub unreachable')),
    );
    expect(html.split('Hub unreachable').length - 1).toBe(1);
  });

  it('shows counts, the revision read, missing extras and where to go next', () => {
    const origin = {
      kind: 'huggingface' as const,
      variant: 'test',
      datasets: ['qiaojin/PubMedQA'],
      revision: 'main',
      resolvedRevision: 'abc123',
      missingExtras: [`testSubset (${EVIL})`],
    };
    const html = card(record({ origin }), loads(false));
    expect(html).toContain('data-testid="variant-example-count">1270<');
    expect(html).toContain('data-testid="variant-skipped-count">3<');
    expect(html).toContain('>abc123<');
    expect(html).toContain('The official 500-question subset is unavailable.');
    expect(html).toContain(`href="#/dataset?ds=${encodeURIComponent(REQUEST.datasetId)}"`);
    expect(html).toContain(`href="#/run?ds=${encodeURIComponent(REQUEST.datasetId)}"`);
    expect(html).not.toContain('<img');
  });
});

function example(payload: unknown, overrides: Partial<ExampleRecord> = {}): ExampleRecord {
  return {
    schemaVersion: 1,
    datasetId: 'd',
    example_id: 4,
    id: 'row-4',
    filename: 'test/0000.parquet',
    extracted_section: null,
    question: `Which? ${EVIL}`,
    answer: 'B. Right',
    group: 'anatomy',
    payload,
    ...overrides,
  };
}

const CHOICE_ENV = {
  label: 'MMLU',
  groupLabel: 'Subject',
  scoring: { kind: 'exact' },
} as EnvModule;

describe('BenchmarkExampleDetail', () => {
  it('lists the options with the gold one marked, and context sections', () => {
    const payload = {
      options: [
        { letter: 'A', text: EVIL },
        { letter: 'B', text: 'Right' },
      ],
      gold: 'B',
      context: [{ label: 'METHODS', text: 'We did things.' }],
      explanation: 'Because.',
    };
    const html = render(
      <BenchmarkExampleDetail example={example(payload)} env={CHOICE_ENV} onClose={() => {}} />,
    );
    expect(html).toContain('Subject: <strong>anatomy</strong>');
    expect(html).toMatch(/<li class="gold" data-gold="true"><strong>B\.<\/strong> Right/);
    expect(html).toContain('METHODS');
    expect(html).toContain('Because.');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
  });

  it('says when a payload cannot be read, and still shows the question', () => {
    const html = render(
      <BenchmarkExampleDetail
        example={example({ options: 'no' })}
        env={CHOICE_ENV}
        onClose={() => {}}
      />,
    );
    expect(html).toContain('data-testid="detail-unreadable"');
    expect(html).toContain('data-testid="detail-question"');
  });

  it('shows the conversation and the rubric, penalties marked, with axes', () => {
    const payload = {
      conversation: [
        { role: 'user', content: EVIL },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'More?' },
      ],
      rubrics: [
        { criterion: 'Advises care', points: 5, tags: ['axis:completeness', 'level:example'] },
        { criterion: 'Invents a dose', points: -4, tags: ['axis:accuracy'] },
      ],
      exampleTags: ['theme:emergency_referrals'],
    };
    const html = render(
      <BenchmarkExampleDetail
        example={example(payload, { answer: '' })}
        env={healthbenchEnv}
        onClose={() => {}}
      />,
    );
    expect(html).toContain('Conversation (3 turns)');
    expect(html).toContain('5 points available');
    expect(html).toMatch(/data-negative="true"><span class="rubric-points">-4<\/span>/);
    expect(html).toContain('axis: accuracy');
    expect(html).not.toContain('<img');
  });
});
