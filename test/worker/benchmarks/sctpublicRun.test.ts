// SCT-Public through the worker: MedARC's repository files served by the GitHub imitation (raw host) —
// the real prompt templates and a CSV in sct_cleaned_full.csv's shape from the differential fixture.
// At the pinned commit a file whose git blob id differs is refused; at a commit the user names it
// loads, keeps the rows MedARC keeps, and a run against the mock is scored as MedARC scores it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sctpublicEnv } from '../../../src/core/envs/sctpublic';
import { getDataset } from '../../../src/data/datasetStore';
import { startMockOpenAI } from '../../support/mockOpenAI';
import {
  cleanUpAfterTest,
  closeAfterTest,
  load,
  newDb,
  runToEnd,
  serveRepoFiles,
  sourceSettings,
} from './medmarksRunSupport';

interface Fixture {
  csv: string;
  templates: Record<string, string>;
  envs: { env_args: Record<string, unknown>; examples: { messages: { content: string }[] }[] }[];
  verdicts: { example: number; reply: string; reward: number }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/medmarks/sctpublic.json', import.meta.url), 'utf8'),
) as Fixture;

const REPO = 'MedARC-AI/med-lm-envs';
const DATA = 'environments/sctpublic/sctpublic/data';
const PINNED = sctpublicEnv.medarc?.commit ?? '';
const OTHER = 'e'.repeat(40);
const REPLY = 'Rating: +1\nBecause the crackles suggest heart failure.';

afterEach(cleanUpAfterTest);

/** The CSV and the prompt templates at the pinned commit and at OTHER. */
const serve = () =>
  serveRepoFiles(
    [PINNED, OTHER].flatMap((commit) => [
      { repo: REPO, commit, path: `${DATA}/sct_cleaned_full.csv`, content: fixture.csv },
      ...Object.entries(fixture.templates).map(([name, content]) => ({
        repo: REPO,
        commit,
        path: `${DATA}/${name}`,
        content,
      })),
    ]),
  );

describe('SCT-Public through the worker', () => {
  it('refuses, at the pinned commit, a table that is not the pinned file', async () => {
    const { hf, gh } = await serve();
    const db = newDb('sct');
    await expect(
      load(db, sourceSettings(hf, gh), { envId: 'sctpublic', variantId: 'public' }, hf),
    ).rejects.toThrow(/git blob id .* not the pinned 1fe1e34ab4981d11ea7fb0634c4cbd2f4f67a8b2/);
  });

  it('loads at a named commit and scores a run as MedARC does', async () => {
    const { hf, gh } = await serve();
    const db = newDb('sct');
    const datasetId = await load(
      db,
      sourceSettings(hf, gh),
      { envId: 'sctpublic', variantId: 'public', revision: OTHER },
      hf,
    );
    const expected = fixture.envs.find((env) => Object.keys(env.env_args).length === 0);
    const kept = expected?.examples ?? [];
    expect(await getDataset(db, datasetId)).toMatchObject({
      status: 'ready',
      exampleCount: kept.length,
      skippedCount: 3,
    });
    const mock = closeAfterTest(await startMockOpenAI());
    mock.setDefault(() => ({ reply: REPLY }));
    const { status, rollouts } = await runToEnd(db, {
      envId: 'sctpublic',
      datasetId,
      baseUrl: mock.baseUrl,
    });
    expect(status).toBe('done');
    const sent = mock.requests.map((r) => (r.body as { messages: { content: string }[] }).messages);
    expect(new Set(sent.map((m) => m[0]?.content))).toEqual(
      new Set(kept.map((e) => e.messages[0]?.content)),
    );
    const rewards = fixture.verdicts.filter((v) => v.reply === REPLY).map((v) => v.reward);
    expect(rollouts.map((r) => r.score?.reward).sort()).toEqual(rewards.sort());
  });
});
