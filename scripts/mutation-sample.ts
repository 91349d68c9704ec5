// A hand-chosen sample of mutations — the bugs a tired developer could plausibly write — each of
// which must make the tests fail (issue 11: tests that can fail). For each mutant: edit the source
// file, run the unit tests that import it (`vitest related`), restore the file. A mutant the tests
// do not notice is a hole: add the test that catches it (or, if it is equivalent, say why below).
//
//   npm run mutation                  # every mutant; prints the score and the survivors
//   npm run mutation -- --write       # also records the result in docs/mutation.md
//   npm run mutation -- scheduler     # only mutants whose id contains "scheduler"
//
// Slow by design (a test run per mutant, minutes on these 2-core machines): not part of npm test or
// CI. A mutant whose text is no longer in its file is reported as stale and fails the run, so the
// sample is kept up to date as the code changes. Files with uncommitted changes are refused, and
// every file is restored on exit, Ctrl-C included.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Mutant {
  id: string;
  file: string;
  from: string;
  to: string;
  /** What a user would get from this bug. */
  effect: string;
}

const MUTANTS: Mutant[] = [
  {
    id: 'retry/429-not-retryable',
    file: 'src/core/retryPolicy.ts',
    from: 'status === 425 || status === 429 || status >= 500',
    to: 'status === 425 || status >= 500',
    effect: 'a rate limit fails the request instead of waiting',
  },
  {
    id: 'retry/one-attempt-too-many',
    file: 'src/core/retryPolicy.ts',
    from: 'if (attempt >= policy.maxAttempts) {',
    to: 'if (attempt > policy.maxAttempts) {',
    effect: 'one request more than the user allowed',
  },
  {
    id: 'retry/retry-after-seconds-as-ms',
    file: 'src/core/retryPolicy.ts',
    from: 'return seconds >= 0 ? seconds * 1000 : undefined;',
    to: 'return seconds >= 0 ? seconds : undefined;',
    effect: 'retry-after: 30 waits 30 ms and hammers the provider',
  },
  {
    id: 'retry/retry-after-cap-ignored',
    file: 'src/core/retryPolicy.ts',
    from: 'if (failure.retryAfterMs > policy.maxRetryAfterMs) {',
    to: 'if (failure.retryAfterMs > policy.maxRetryAfterMs * 60) {',
    effect: 'a run stalls for hours on a long retry-after',
  },
  {
    id: 'retry/backoff-off-by-one',
    file: 'src/core/retryPolicy.ts',
    from: '2 ** Math.max(0, attempt - 1)',
    to: '2 ** Math.max(0, attempt)',
    effect: 'backoff twice as long as documented',
  },
  {
    id: 'judge/score-zero-accepted',
    file: 'src/core/envs/mtsamples/judge.ts',
    from: 'value >= 1 && value <= 5',
    to: 'value >= 0 && value <= 5',
    effect: 'a judge score of 0 counts instead of being unreadable',
  },
  {
    id: 'bootstrap/90-for-95',
    file: 'src/core/stats/bootstrap.ts',
    from: 'const alpha = (1 - confidence) / 2;',
    to: 'const alpha = 1 - confidence;',
    effect: 'a 90% interval labelled 95%',
  },
  {
    id: 'bootstrap/last-value-never-drawn',
    file: 'src/core/stats/bootstrap.ts',
    from: 'values[Math.floor(random() * n)]',
    to: 'values[Math.floor(random() * (n - 1))]',
    effect: 'intervals biased away from the last rollout',
  },
  {
    id: 'agreement/interval-level',
    file: 'src/core/stats/agreement.ts',
    from: 'const tail = (1 - confidence) / 2;',
    to: 'const tail = 1 - confidence;',
    effect: "the judges' agreement interval is 90% where 95% is shown",
  },
  {
    id: 'passAtK/k-ignored',
    file: 'src/core/stats/passAtK.ts',
    from: '(n, c) => 1 - choiceRatio(n - c, n, k)',
    to: '(n, c) => 1 - choiceRatio(n - c, n, 1)',
    effect: 'pass@k reports pass@1 for every k',
  },
  {
    id: 'summary/mean-denominator',
    file: 'src/core/runSummary.ts',
    from: 'values.reduce((a, b) => a + b, 0) / values.length',
    to: 'values.reduce((a, b) => a + b, 0) / (values.length + 1)',
    effect: 'every mean in the run summary is too low',
  },
  {
    id: 'export/request-messages-dropped',
    file: 'src/core/results/exportRun.ts',
    from: 'requestBody: messagesArePrompt ? bodyWithoutMessages : requestBody',
    to: 'requestBody: bodyWithoutMessages',
    effect: 'an export loses the messages really sent when they differ from the prompt',
  },
  {
    id: 'import/request-messages-not-restored',
    file: 'src/core/results/importNative.ts',
    from: 'requestBody: m.request_messages_are_prompt ? { ...requestBody, messages: prompt } : requestBody,',
    to: 'requestBody,',
    effect: 'a re-imported run has no request messages',
  },
  {
    id: 'csv/formula-guard-off',
    file: 'src/core/results/csv.ts',
    from: "const guarded = FORMULA_START.test(value) ? `'${value}` : value;",
    to: 'const guarded = value;',
    effect: 'a model reply starting with = runs as a spreadsheet formula',
  },
  {
    id: 'healthbench/no-lower-clip',
    file: 'src/core/envs/healthbench/scoreHealthBench.ts',
    from: 'return Math.min(1, Math.max(0, value));',
    to: 'return Math.min(1, value);',
    effect: 'negative HealthBench scores pull the clipped mean down',
  },
  {
    id: 'choice/negation-ignored',
    file: 'src/core/envs/multipleChoice/negatedClause.ts',
    from: 'return NEGATION.test(scanOptionTexts(text.slice(left, right), options).masked);',
    to: 'return false;',
    effect: '"the answer is not C" is read as C',
  },
  {
    id: 'mtsamples/crlf-kept',
    file: 'src/core/envs/mtsamples/processNote.ts',
    from: "const note = text.replace(/\\r\\n?/g, '\\n').trim();",
    to: 'const note = text.trim();',
    effect: 'notes with Windows line endings are cut differently',
  },
  {
    id: 'sample/fisher-yates-off-by-one',
    file: 'src/core/corpora/seededSample.ts',
    from: 'const t = Math.floor(random() * (j + 1));',
    to: 'const t = Math.floor(random() * j);',
    effect: 'a seeded corpus sample is no longer uniform or reproducible',
  },
  {
    id: 'hash/fnv-prime',
    file: 'src/core/hash.ts',
    from: 'const FNV_PRIME = 0x01000193;',
    to: 'const FNV_PRIME = 0x01000197;',
    effect: 'option shuffles and samples change for every published seed',
  },
  {
    id: 'scheduler/halve-on-every-429',
    file: 'src/llm/scheduler.ts',
    from: 'if (attemptEpoch === epoch && limit > min) {',
    to: 'if (limit > min) {',
    effect: 'a burst of 429s collapses concurrency to 1',
  },
  {
    id: 'scheduler/no-multiplicative-decrease',
    file: 'src/llm/scheduler.ts',
    from: 'limit = Math.max(min, Math.floor(limit / 2));',
    to: 'limit = Math.max(min, limit - 1);',
    effect: 'rate limits barely slow the run down',
  },
  {
    id: 'batchWriter/one-transaction-per-item',
    file: 'src/worker/batchWriter.ts',
    from: 'const batch = queue;\n      queue = [];',
    to: 'const batch = queue.splice(0, 1);',
    effect: 'one IndexedDB transaction per file: slow ingest',
  },
  {
    id: 'parquet/no-backpressure',
    file: 'src/worker/hf/parquetRows.ts',
    from: 'await opts.onRows(batch,',
    to: 'void opts.onRows(batch,',
    effect: 'a 100k-row corpus load fills memory faster than IndexedDB drains it',
  },
  {
    id: 'jsonl/no-backpressure',
    file: 'src/worker/hf/jsonlLines.ts',
    from: 'await opts.onLines(lines,',
    to: 'void opts.onLines(lines,',
    effect: "HealthBench's 60 MB file sits in memory at once",
  },
];

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const isWrite = args.includes('--write');
const filter = args.find((arg) => !arg.startsWith('--'));
const chosen = MUTANTS.filter((mutant) => filter === undefined || mutant.id.includes(filter));

const originals = new Map<string, string>();
function restoreAll(): void {
  for (const [file, text] of originals) writeFileSync(join(root, file), text);
}
process.on('exit', restoreAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    restoreAll();
    process.exit(130);
  });
}

function vitestRelated(sources: string[], logName: string): { failed: boolean; seconds: number } {
  const started = Date.now();
  const result = spawnSync(
    join(root, 'node_modules/.bin/vitest'),
    ['related', '--run', '--project', 'unit', '--reporter=dot', ...sources],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
      timeout: 15 * 60_000,
    },
  );
  writeFileSync(join(root, '.stress', logName), `${result.stdout}\n${result.stderr}`);
  return { failed: result.status !== 0, seconds: Math.round((Date.now() - started) / 1000) };
}

const files = [...new Set(chosen.map((mutant) => mutant.file))];
const dirty = spawnSync('git', ['status', '--porcelain', '--', ...files], {
  cwd: root,
  encoding: 'utf8',
});
if (dirty.stdout.trim() !== '') {
  console.error(`Commit or stash these first (they are mutated in place):\n${dirty.stdout}`);
  process.exit(2);
}
mkdirSync(join(root, '.stress'), { recursive: true });

console.log(`Baseline: the tests related to ${files.length} files must pass unmutated…`);
const baseline = vitestRelated(files, 'mutation-baseline.log');
if (baseline.failed) {
  console.error('The unmutated tests fail: see .stress/mutation-baseline.log');
  process.exit(1);
}

interface Outcome {
  mutant: Mutant;
  verdict: 'killed' | 'SURVIVED' | 'stale';
  seconds: number;
}
const outcomes: Outcome[] = [];
for (const mutant of chosen) {
  const path = join(root, mutant.file);
  const text = readFileSync(path, 'utf8');
  if (text.split(mutant.from).length !== 2) {
    outcomes.push({ mutant, verdict: 'stale', seconds: 0 });
    console.log(`stale     ${mutant.id}: its text is not in ${mutant.file} exactly once`);
    continue;
  }
  originals.set(mutant.file, text);
  writeFileSync(path, text.replace(mutant.from, mutant.to));
  const run = vitestRelated([mutant.file], `mutation-${mutant.id.replace(/\W+/g, '-')}.log`);
  writeFileSync(path, text);
  originals.delete(mutant.file);
  const verdict = run.failed ? 'killed' : 'SURVIVED';
  outcomes.push({ mutant, verdict, seconds: run.seconds });
  console.log(`${verdict.padEnd(9)} ${mutant.id} (${run.seconds} s)`);
}

const killed = outcomes.filter((outcome) => outcome.verdict === 'killed').length;
const live = outcomes.filter((outcome) => outcome.verdict !== 'stale').length;
const score = live === 0 ? 0 : Math.round((killed / live) * 1000) / 10;
console.log(`\nMutation score: ${killed}/${live} killed (${score}%)`);

if (isWrite) {
  const table = [
    `Run of ${new Date().toISOString().slice(0, 10)}: **${killed}/${live} killed (${score}%)**${outcomes.length > live ? `, ${outcomes.length - live} stale` : ''}.`,
    '',
    '| mutant | file | what a user would get | result |',
    '| --- | --- | --- | --- |',
    ...outcomes.map(
      ({ mutant, verdict, seconds }) =>
        `| ${mutant.id} | \`${mutant.file}\` | ${mutant.effect} | ${verdict}${seconds > 0 ? ` (${seconds} s)` : ''} |`,
    ),
  ].join('\n');
  const doc = join(root, 'docs/mutation.md');
  const current = readFileSync(doc, 'utf8');
  const start = '<!-- mutation-sample:start -->';
  const end = '<!-- mutation-sample:end -->';
  const [before, rest] = current.split(start);
  const after = rest?.split(end)[1];
  if (before === undefined || after === undefined) throw new Error(`${doc} lacks the markers`);
  writeFileSync(doc, `${before}${start}\n${table}\n${end}${after}`);
  console.log('Recorded in docs/mutation.md');
}
process.exitCode = killed === live && live === outcomes.length ? 0 : 1;
