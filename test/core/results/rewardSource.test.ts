// What an imported run's reward is called: a MedARC results file of mtsamples_procedures carries the
// rewards MedARC's code computed, never medeval's jury formula, and says how medeval reads the file's
// failure sentinel; a file of another environment says whose reward functions scored it; our own
// exports re-imported keep their preset; runs stored before the import recorded its writer still say
// where their rewards come from.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toMetadata, toResultsJsonl, toResultsRows } from '../../../src/core/results/exportRun';
import {
  fileAvgReward,
  rewardSourceMismatch,
  runRewardSource,
} from '../../../src/core/results/rewardSource';
import { summarizeRun } from '../../../src/core/runSummary';
import type { RunRecord } from '../../../src/core/schema/run';
import { MTSAMPLES_QWEN } from '../../support/mtsamplesResultsFile';
import { importFolder, importTexts, VERIFIERS_FIXTURES } from './importFolder';
import { sampleExamples, sampleRollouts, sampleRun } from './sampleRun';

const imported = importTexts(MTSAMPLES_QWEN.resultsJsonl, MTSAMPLES_QWEN.metadataJson);

/** Our export of a run, read back as an import reads it. */
function roundTrip(run: RunRecord, rollouts = sampleRollouts) {
  const rows = toResultsRows(run, rollouts, sampleExamples);
  const metadata = toMetadata(run, rollouts, summarizeRun(rollouts, run.updatedAt));
  return importTexts(toResultsJsonl(rows), JSON.stringify(metadata));
}

describe('runRewardSource of a MedARC mtsamples_procedures results file', () => {
  const source = runRewardSource(imported.run);

  it('is the file’s reward, by release and env version, not medeval’s jury reward', () => {
    expect(imported.run.settings.envId).toBeUndefined(); // read as an MTSamples run
    expect(source).toMatchObject({
      readFromFile: true,
      label: 'read from the file (written by verifiers 0.1.12 · mtsamples_procedures 0.1.0)',
      reference: null,
    });
    expect(source?.id).not.toBe('medeval');
    expect(source?.label).not.toMatch(/jury reward/);
  });

  it('states the failure sentinel’s reading as medeval’s, and the sentinel rollout is unscored', () => {
    expect(source?.reproduces).toMatch(/MedARC’s reward\), not by medeval’s formula/);
    expect(source?.reproduces).toMatch(
      /medeval’s reading: a reward of 0 with no judge score behind it is MedARC’s failure sentinel and is read as unscored/,
    );
    const sentinel = imported.rollouts.find((r) => r.key === '1:1');
    expect(sentinel?.status).toBe('unscored');
  });

  it('gives the file’s own avg_reward, which counts the sentinel as 0', () => {
    // 0.833, 0.625, 0.958 and MedARC's 0 for the rollout no judge scored.
    expect(fileAvgReward(imported.run)).toBeCloseTo((5 / 6 + 0.625 + 23 / 24 + 0) / 4, 12);
    expect(fileAvgReward(sampleRun)).toBeNull();
  });

  it('names the release for a run stored before the import recorded it, or says it is unknown', () => {
    const meta = imported.run.importedMetadata as Record<string, unknown>;
    expect(meta['writtenBy']).toBe('verifiers 0.1.12');
    const { writtenBy: _, ...older } = meta;
    const stored = { ...imported.run, importedMetadata: older };
    expect(runRewardSource(stored)?.label).toBe(
      'read from the file (written by verifiers 0.1.12 · mtsamples_procedures 0.1.0)',
    );
    const bare = { ...imported.run, importedMetadata: { source: 'verifiers', notes: [] } };
    expect(runRewardSource(bare)?.label).toBe(
      'read from the file (written by the verifiers tooling · mtsamples_procedures)',
    );
  });

  it('without metadata.json, names the release line the rows’ shape belongs to', () => {
    const rowsOnly = importTexts(MTSAMPLES_QWEN.resultsJsonl, null);
    expect(runRewardSource(rowsOnly.run)?.label).toBe(
      'read from the file (written by verifiers 0.1.10–0.1.13 · mtsamples_procedures)',
    );
  });

  it('is written into our export of the run, and survives its re-import', () => {
    const rows = toResultsRows(imported.run, imported.rollouts, new Map());
    const summary = summarizeRun(imported.rollouts, imported.run.updatedAt);
    const metadata = toMetadata(imported.run, imported.rollouts, summary);
    const block = metadata['medeval'] as Record<string, unknown>;
    expect(block['reference_preset']).toMatchObject({ label: source?.label, reference: null });
    const again = importTexts(toResultsJsonl(rows), JSON.stringify(metadata));
    expect(again.run.importedMetadata).toMatchObject({ source: 'verifiers' });
    expect(runRewardSource(again.run)?.label).toBe(source?.label);
  });

  it('is medeval’s preset again for a re-score, which judges with this app’s formula', () => {
    const rescore: RunRecord = { ...imported.run, kind: 'rescore', parentRunId: 'imp' };
    expect(runRewardSource(rescore)).toMatchObject({ id: 'medeval', readFromFile: false });
  });
});

describe('runRewardSource of other runs', () => {
  it('a file of another environment: its reward functions’ writer and env', () => {
    const { run } = importFolder(join(VERIFIERS_FIXTURES, 'v0.3.0'));
    expect(runRewardSource(run)).toMatchObject({
      readFromFile: true,
      label: 'read from the file (written by verifiers 0.3.0 · medmcq_lite 0.1.0)',
    });
    const legacy = importFolder(join(VERIFIERS_FIXTURES, 'medarc-public-2025-09')).run;
    expect(runRewardSource(legacy)?.label).toBe(
      'read from the file (written by verifiers 0.1.3–0.1.5 (rows keyed id) · metamedqa)',
    );
  });

  it('our own export re-imported keeps its preset, medeval’s or MedARC’s', () => {
    expect(runRewardSource(roundTrip(sampleRun).run)).toMatchObject({
      id: 'medeval',
      label: 'medeval jury reward',
      readFromFile: false,
    });
    const medarcRun: RunRecord = {
      ...sampleRun,
      settings: { ...sampleRun.settings, envSettings: { preset: 'medarc@3b9f18f' } },
    };
    const back = roundTrip(medarcRun).run;
    expect(back.origin).toBe('imported');
    expect(runRewardSource(back)?.id).toBe('medarc@3b9f18f');
  });

  it('a native run: its preset', () => {
    expect(runRewardSource(sampleRun)?.id).toBe('medeval');
  });
});

describe('rewardSourceMismatch', () => {
  it('warns when an imported file’s reward is compared with medeval’s jury reward', () => {
    const warning = rewardSourceMismatch([
      { ...sampleRun, name: 'ours' },
      { ...imported.run, name: 'theirs' },
    ]);
    expect(warning).toContain('ours: medeval jury reward');
    expect(warning).toContain(
      'theirs: read from the file (written by verifiers 0.1.12 · mtsamples_procedures 0.1.0)',
    );
  });

  it('is silent for two files written by the same release of the same env', () => {
    const other = importTexts(MTSAMPLES_QWEN.resultsJsonl, MTSAMPLES_QWEN.metadataJson).run;
    expect(rewardSourceMismatch([imported.run, other])).toBeNull();
  });
});
