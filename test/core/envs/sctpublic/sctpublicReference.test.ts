// SCT-Public against MedARC's own environment code (differential): the fixture holds a CSV in
// sct_cleaned_full.csv's real shape, the real prompt templates, the prompts MedARC's load_environment
// built from them (pandas reading the CSV) for each prompt variant, and its rewards for a corpus of
// replies on every kept case. Ours must keep the same rows, build the same messages and give the same
// reward, bit for bit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVS } from '../../../../src/core/envs/registry';
import { runPresetOf } from '../../../../src/core/envs/runPreset';
import { sctpublicEnv } from '../../../../src/core/envs/sctpublic';
import { readSctArgs } from '../../../../src/core/envs/sctpublic/medarcArgs';
import type { SctPayload } from '../../../../src/core/envs/sctpublic/payload';
import { scoreSct } from '../../../../src/core/envs/sctpublic/scoreSct';
import type { EnvExample, GithubFilePart } from '../../../../src/core/envs/types';
import { MEDMARKS_VERIFIED } from '../../../../src/core/suites/medmarksVerified';
import { resolveEntry } from '../../../../src/core/suites/resolveEntry';

interface Fixture {
  reference: { repo: string; commit: string; env_id: string };
  csv: string;
  templates: Record<string, string>;
  envs: {
    env_args: Record<string, unknown>;
    examples: {
      messages: { role: string; content: string }[];
      answer: string;
      distribution: number[];
    }[];
  }[];
  verdicts: { example: number; reply: string; reward: number }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/medmarks/sctpublic.json', import.meta.url), 'utf8'),
) as Fixture;

function variant() {
  if (sctpublicEnv.source.kind !== 'github-files') throw new Error('not a GitHub-files env');
  const found = sctpublicEnv.source.variants[0];
  if (found === undefined) throw new Error('no variant');
  return found;
}

function loadedExamples(csv = fixture.csv): EnvExample[] {
  const part = variant().parts[0] as GithubFilePart;
  return part.rows(csv).flatMap((row, rowIndex) => {
    const outcome = sctpublicEnv.rowToExample?.(row as Record<string, unknown>, {
      variant: variant(),
      part: 0,
      rowIndex,
      classLabels: {},
      extras: fixture.templates,
    });
    return outcome === undefined || 'skip' in outcome ? [] : [outcome.example];
  });
}

describe('SCT-Public against MedARC sctpublic (differential)', () => {
  it('names the MedARC commit it reproduces and loads the templates it reads', () => {
    expect(fixture.reference.commit).toBe(sctpublicEnv.medarc?.commit);
    expect(fixture.reference.env_id).toBe(sctpublicEnv.medarc?.envId);
    expect(variant().revision).toBe(fixture.reference.commit);
    expect(runPresetOf({ envId: 'sctpublic', envSettings: {} })?.reference?.commit).toBe(
      fixture.reference.commit,
    );
    expect(new Set(variant().extras?.map((extra) => extra.name))).toEqual(
      new Set(Object.keys(fixture.templates)),
    );
  });

  it.each(fixture.envs.map((env) => [JSON.stringify(env.env_args), env] as const))(
    'keeps MedARC’s rows and builds its prompts for env args %s',
    (_, expected) => {
      const reading = readSctArgs(expected.env_args);
      expect(reading.unsupported).toEqual([]);
      const settings = sctpublicEnv.settings.schema.parse({
        ...sctpublicEnv.settings.defaults,
        ...reading.settings,
      });
      const examples = loadedExamples();
      expect(examples.map((example) => sctpublicEnv.buildPrompt?.(example, settings))).toEqual(
        expected.examples.map((example) => example.messages),
      );
      expect(examples.map((example) => (example.payload as SctPayload).distribution)).toEqual(
        expected.examples.map((example) => example.distribution),
      );
    },
  );

  it('gives MedARC’s reward for every reply on every case', () => {
    expect(fixture.verdicts.length).toBeGreaterThanOrEqual(500);
    const examples = loadedExamples();
    const differing = fixture.verdicts.filter((v) => {
      const example = examples[v.example];
      if (example === undefined) return true;
      return scoreSct(v.reply, example.payload as SctPayload).reward !== v.reward;
    });
    expect(differing).toEqual([]);
  });

  it('reads CRLF files, a BOM and blank lines as pandas does', () => {
    const crlf = `\ufeff${fixture.csv.replace(/\n(?=\d+,)/g, '\r\n\r\n')}`;
    expect(loadedExamples(crlf).map((example) => example.payload)).toEqual(
      loadedExamples().map((example) => example.payload),
    );
  });

  it('runs the Medmarks verified entry', () => {
    const entries = MEDMARKS_VERIFIED.entries.filter((e) => e.envId === 'sctpublic');
    expect(entries.map((e) => resolveEntry(e, ENVS))).toMatchObject([
      { state: 'ready', variantId: 'public', envSettings: { reason: false, fewShot: false } },
    ]);
  });
});
