// Owns importing a verifiers/MedARC suite TOML file as a suite, and exporting a suite as one. Export
// writes one [[eval]] per entry (names rendered, env args inline), which the same loader expands back
// to the same entries in the same order. Pure.
import { stringify } from 'smol-toml';
import { configToEntry } from './configToEntry';
import { expandEvalConfigs, parseSuiteToml, SuiteFileError } from './expandEvalToml';
import { SuiteSchema, type Suite, type SuiteEntry } from './suite';

export interface SuiteMeta {
  id: string;
  label: string;
  description: string;
}

/** Unique keys: `env` or `env/name`; a repeat gets `#2`, `#3`… and a note says so. */
function withKeys(entries: Omit<SuiteEntry, 'key'>[], notes: Set<string>): SuiteEntry[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const base = entry.name === null ? entry.envId : `${entry.envId}/${entry.name}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    if (count > 1) notes.add(`"${base}" appears ${count} times; repeats are numbered #2, #3….`);
    return { ...entry, key: count === 1 ? base : `${base}#${count}` };
  });
}

/** A parsed (or built-in) config object → a checked suite. Throws SuiteFileError. */
export function suiteFromConfig(
  raw: Parameters<typeof expandEvalConfigs>[0],
  meta: SuiteMeta,
): Suite {
  const notes = new Set<string>();
  const configs = expandEvalConfigs(raw);
  const entries = withKeys(
    configs.map((config, index) => configToEntry(config, index, notes)),
    notes,
  );
  const parsed = SuiteSchema.safeParse({ ...meta, entries, notes: [...notes] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SuiteFileError(
      `The suite is invalid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** Reads a suite TOML file's text. Throws SuiteFileError with a message for the user. */
export function suiteFromToml(text: string, meta: SuiteMeta): Suite {
  return suiteFromConfig(parseSuiteToml(text), meta);
}

/** A suite as a verifiers eval TOML that MedARC's tooling (and this app) reads back. */
export function suiteToToml(suite: Suite): string {
  const evals = suite.entries.map((entry) => ({
    env_id: entry.envId,
    ...(entry.name === null ? {} : { name: entry.name }),
    num_examples: entry.numExamples ?? -1,
    rollouts_per_example: entry.rolloutsPerExample,
    ...(Object.keys(entry.sampling).length === 0 ? {} : { sampling_args: entry.sampling }),
    ...(Object.keys(entry.envArgs).length === 0 ? {} : { env_args: entry.envArgs }),
  }));
  const header = [
    `# ${suite.label}`,
    '# A verifiers eval suite (prime eval / medarc-eval TOML), exported by medeval.',
    '',
  ].join('\n');
  return `${header}${stringify({ eval: evals })}\n`;
}
