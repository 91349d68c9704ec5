// Owns the parts of the run report: header and reproduce settings, summary numbers, the rollout table
// and each rollout's details. Every value from a record goes through `html` (escaped); ids come only
// from numbers via `rolloutAnchor`; no link leaves the document. Responses are plain text in <pre>:
// rendering Markdown would turn a model's `[x](javascript:…)` into a live link. Pure.
import { JURY_SCORE_LABEL } from '../envs/mtsamples/helmJury';
import { CRITERIA, type CriterionVerdict, type ParsedJudgeReply } from '../envs/mtsamples/judge';
import type { EnvSummaryKind } from '../envs/types';
import type { ExampleInfo } from '../results/exportRun';
import type { Mean, RunStats } from '../results/runStats';
import { withoutSecrets } from '../results/secrets';
import type { EndpointConfig } from '../schema/endpoint';
import type { JudgeCall, RolloutRecord, RunRecord, RunSettings } from '../schema/run';
import { html, rolloutAnchor, safeId, type SafeHtml } from './escapeHtml';
import { rewardHistogramSvg, sectionBarsSvg } from './reportCharts';

// --- formatting --------------------------------------------------------------------------------------

export function formatNumber(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : value.toFixed(digits);
}

/** ISO 8601 in UTC: the same text wherever the report is opened. */
function formatDate(ms: number | undefined): string {
  // `toISOString` throws outside ±8.64e15 ms; an imported record may hold anything.
  if (ms === undefined || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return '—';
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function formatMean(mean: Mean, digits = 3): string {
  return `${formatNumber(mean.mean, digits)} (n=${mean.n})`;
}

function formatInt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function formatUsd(value: number): string {
  return `$${value.toFixed(value < 1 ? 4 : 2)}`;
}

export function row(label: string, value: string | SafeHtml): SafeHtml {
  return html`<tr>
    <th scope="row">${label}</th>
    <td>${value}</td>
  </tr>`;
}

function block(title: string, text: string, className = 'text'): SafeHtml {
  return html`<h4>${title}</h4>
    <pre class="${className}">${text}</pre>`;
}

// --- header ------------------------------------------------------------------------------------------

export interface HeaderInput {
  run: RunRecord;
  judgeLabels: readonly string[];
  generatedAt: number;
  appVersion: string;
  /** How the run was scored (core/results/envSummary `summaryKindOf`); a jury unless said. */
  kind?: EnvSummaryKind;
}

/**
 * MTSamples is pinned by commit, rules version and input cut (its own ingestion); the Hugging Face
 * benchmarks by repository revision.
 */
function datasetText(run: RunRecord, kind: EnvSummaryKind): string {
  const { dataset } = run;
  const source = `${dataset.label} · ${dataset.id}`;
  if (kind === 'jury') {
    return `${source} · commit ${dataset.commit ?? '—'} · rules v${dataset.rulesVersion} · input cut ${dataset.inputCut}`;
  }
  return dataset.revision === undefined
    ? `${source} · commit ${dataset.commit ?? '—'}`
    : `${source} · Hugging Face revision ${dataset.revision}`;
}

/** The jury's judges; a rubric run's one grader; nobody for a choice run (scored in code). */
function scorersCell(judgeLabels: readonly string[], kind: EnvSummaryKind): string | SafeHtml {
  if (kind === 'accuracy') return 'none (scored in code)';
  if (kind === 'rubric') return `Grader: ${judgeLabels[0] ?? 'none'}`;
  return html`<ol>
    ${judgeLabels.map((label) => html`<li>${label}</li>`)}
  </ol>`;
}

export function headerSection({
  run,
  judgeLabels,
  generatedAt,
  appVersion,
  kind = 'jury',
}: HeaderInput): SafeHtml {
  const stop =
    run.stopError === undefined
      ? null
      : row('Stopped by', `${run.stopError.kind}: ${run.stopError.message}`);
  return html`<header>
    <h1>${run.name}</h1>
    <table class="facts">
      <tbody>
        ${row('Model', run.settings.model.model)} ${row('Judges', scorersCell(judgeLabels, kind))}
        ${row('Dataset', datasetText(run, kind))}
        ${row('Status', `${run.status} · ${run.kind}${run.parentRunId === undefined ? '' : ` of run ${run.parentRunId}`}${run.origin === 'imported' ? ' · imported' : ''}`)}
        ${stop} ${row('Created', formatDate(run.createdAt))}
        ${row('Started', formatDate(run.startedAt))} ${row('Finished', formatDate(run.finishedAt))}
        ${row('Last updated', formatDate(run.updatedAt))} ${row('Run id', run.id)}
        ${row('App version', `run made with ${run.appVersion}; report by ${appVersion}`)}
        ${row('Report generated', formatDate(generatedAt))}
      </tbody>
    </table>
  </header>`;
}

function selectionText(settings: RunSettings): string {
  const { selection } = settings;
  if (selection.mode === 'all') return 'all examples';
  if (selection.mode === 'first') return `first ${selection.n} examples`;
  return `${selection.n} examples shuffled with seed ${selection.seed}`;
}

/** Sampling as sent; header values are left out (only names), and `extra` without credential names. */
function samplingText(endpoint: EndpointConfig): string {
  const { extra, ...fixedFields } = endpoint.sampling;
  const parts = Object.entries(fixedFields).map(([key, value]) => `${key}=${String(value)}`);
  const cleanExtra = withoutSecrets(extra);
  if (Object.keys(cleanExtra).length > 0) parts.push(`extra=${JSON.stringify(cleanExtra)}`);
  const headers = Object.keys(endpoint.headers ?? {});
  if (headers.length > 0) parts.push(`headers: ${headers.join(', ')} (values not shown)`);
  parts.push(`strip SDK headers=${String(endpoint.stripSdkHeaders)}`);
  return `${endpoint.model} @ ${endpoint.baseUrl} (${endpoint.presetId}): ${parts.join(', ')}`;
}

/** MTSamples' prompt and jury settings; other benchmarks keep theirs in `envSettings`. */
function promptRows(settings: RunSettings, kind: EnvSummaryKind): SafeHtml {
  if (kind !== 'jury') {
    return row('Benchmark settings', JSON.stringify(settings.envSettings ?? {}));
  }
  return html`${row('Prompt format', settings.promptFormat)}
  ${row('Use think', String(settings.useThink))} ${row('Judges see', settings.judgeSees)}
  ${row('Normalisation', settings.normalisation)}`;
}

function scorerRows(settings: RunSettings, kind: EnvSummaryKind): SafeHtml[] {
  if (kind === 'accuracy') return [];
  const name = (i: number) =>
    kind === 'rubric' ? (i === 0 ? 'Grader' : `Grader ${i + 1}`) : `Judge ${i + 1}`;
  return settings.judges.map((judge, i) => row(name(i), samplingText(judge)));
}

export function reproduceSection(settings: RunSettings, kind: EnvSummaryKind = 'jury'): SafeHtml {
  const judges = scorerRows(settings, kind);
  const template =
    kind === 'jury'
      ? html`<details>
          <summary>Judge template</summary>
          <pre>${settings.judgeTemplate}</pre>
        </details>`
      : null;
  return html`<section id="reproduce">
    <h2>Reproduce</h2>
    <table class="facts">
      <tbody>
        ${promptRows(settings, kind)} ${row('Selection', selectionText(settings))}
        ${row('Rollouts per example', String(settings.rolloutsPerExample))}
        ${row('Max attempts', String(settings.maxAttempts))}
        ${row('Concurrency', String(settings.concurrency))}
        ${row('Response cache', String(settings.useCache))}
        ${row('Model', samplingText(settings.model))} ${judges}
      </tbody>
    </table>
    ${template}
  </section>`;
}

// --- summary -----------------------------------------------------------------------------------------

function rewardText(stats: RunStats): string {
  const { mean, low, high, n } = stats.reward;
  if (mean === null) return 'no scored rollouts (n=0)';
  return `${formatNumber(mean)} [95% CI ${formatNumber(low)}, ${formatNumber(high)}] (n=${n})`;
}

function judgeMeansTable(stats: RunStats): SafeHtml {
  const heads = CRITERIA.map((c) => html`<th scope="col">${c}</th>`);
  const rows = stats.judges.map(
    (judge) =>
      html`<tr>
        <th scope="row">${judge.label}</th>
        <td>${formatMean(judge.score)}</td>
        ${CRITERIA.map((c) => html`<td>${formatMean(judge.criteria[c], 2)}</td>`)}
        <td>${judge.failed}</td>
      </tr>`,
  );
  return html`<table class="grid">
    <caption>
      Per judge: normalised score and 1–5 criterion means
    </caption>
    <thead>
      <tr>
        <th scope="col">Judge</th>
        <th scope="col">score</th>
        ${heads}
        <th scope="col">failed calls</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

export function summarySection(stats: RunStats): SafeHtml {
  const { counts, usage } = stats;
  const criteria = CRITERIA.map((c) => row(`${c} (1–5)`, formatMean(stats.criterionMeans[c], 2)));
  const cost =
    usage.rowsWithoutCost === 0
      ? formatUsd(usage.costUsd)
      : `${formatUsd(usage.costUsd)} reported; ${usage.rowsWithoutCost} rollouts without a reported cost`;
  return html`<section id="summary">
    <h2>Summary</h2>
    <table class="facts">
      <tbody>
        ${row('Rollouts', `${counts.done} done · ${counts.unscored} unscored · ${counts.error} error · ${counts.pending} pending · ${counts.total} total`)}
        ${row('Mean reward', rewardText(stats))}
        ${row(JURY_SCORE_LABEL, `${formatMean(stats.juryScore, 2)} (mean of rollout means, as HELM reports)`)}
        ${criteria}
        ${row('Tokens', `${formatInt(usage.inputTokens)} in · ${formatInt(usage.outputTokens)} out`)}
        ${row('Cost', cost)}
      </tbody>
    </table>
    ${judgeMeansTable(stats)}
  </section>`;
}

export function chartsSection(stats: RunStats): SafeHtml {
  return html`<section id="charts">
    <h2>Charts</h2>
    <figure>
      ${rewardHistogramSvg(stats.histogram)}
      <figcaption>Reward of scored rollouts, 10 bins on [0, 1].</figcaption>
    </figure>
    <figure>
      ${sectionBarsSvg(stats.bySection)}
      <figcaption>Mean reward by section, with its 95% bootstrap interval.</figcaption>
    </figure>
  </section>`;
}

// --- rollout table -----------------------------------------------------------------------------------

function tokensOf(rollout: RolloutRecord): string {
  const calls = [rollout.generation, ...rollout.judges];
  let input = 0;
  let output = 0;
  let known = false;
  for (const call of calls) {
    if (call?.usage == null) continue;
    known = true;
    input += call.usage.inputTokens;
    output += call.usage.outputTokens;
  }
  return known ? `${formatInt(input)} / ${formatInt(output)}` : '—';
}

function rolloutTableRow(
  rollout: RolloutRecord,
  example: ExampleInfo | undefined,
  judgeCount: number,
): SafeHtml {
  const anchor = rolloutAnchor(rollout.example_id, rollout.rollout_index);
  const judgeCells = Array.from(
    { length: judgeCount },
    (_, i) => html`<td class="num">${formatNumber(rollout.judges[i]?.score)}</td>`,
  );
  return html`<tr class="status-${safeId(rollout.status)}">
    <td><a href="#${anchor}">${rollout.example_id}:${rollout.rollout_index}</a></td>
    <td>${example?.filename ?? '—'}</td>
    <td>${rollout.section ?? '—'}</td>
    <td>${rollout.status}</td>
    <td class="num">${formatNumber(rollout.score?.reward)}</td>
    ${judgeCells}
    <td class="num">${tokensOf(rollout)}</td>
  </tr>`;
}

export function rolloutTable(
  rollouts: readonly RolloutRecord[],
  examples: ReadonlyMap<number, ExampleInfo>,
  judgeLabels: readonly string[],
  /** What the benchmark calls an example's group (the rollout's `section`). */
  groupLabel = 'Section',
): SafeHtml {
  const judgeHeads = judgeLabels.map((label) => html`<th scope="col">${label}</th>`);
  const rows = rollouts.map((r) =>
    rolloutTableRow(r, examples.get(r.example_id), judgeLabels.length),
  );
  return html`<section id="rollouts">
    <h2>Rollouts</h2>
    <div class="scroll">
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">Example:rollout</th>
            <th scope="col">File</th>
            <th scope="col">${groupLabel}</th>
            <th scope="col">Status</th>
            <th scope="col">Reward</th>
            ${judgeHeads}
            <th scope="col">Tokens in / out</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
  </section>`;
}

// --- rollout details ---------------------------------------------------------------------------------

function verdictRow(name: string, verdict: CriterionVerdict): SafeHtml {
  const problem =
    verdict.problem === undefined ? null : html`<p class="warn">${verdict.problem}</p>`;
  return html`<tr>
    <th scope="row">${name}</th>
    <td class="num">${verdict.score ?? '—'}</td>
    <td>
      <pre>${verdict.explanation ?? '—'}</pre>
      ${problem}
    </td>
  </tr>`;
}

/** The parsed verdict: one row per criterion, then what was noteworthy in reading the reply. */
function judgeVerdicts(parsed: ParsedJudgeReply | null): SafeHtml | null {
  if (parsed === null) return null;
  const problems =
    parsed.problems.length === 0
      ? null
      : html`<ul class="warn">
          ${parsed.problems.map((p) => html`<li>${p}</li>`)}
        </ul>`;
  return html`<table class="grid">
      <tbody>
        ${CRITERIA.map((c) => verdictRow(c, parsed[c]))}
      </tbody>
    </table>
    ${problems}`;
}

function judgeBlock(call: JudgeCall | null, label: string, index: number): SafeHtml {
  const title = `Judge ${index + 1}: ${label}`;
  if (call === null)
    return html`<div class="judge">
      <h4>${title}</h4>
      <p>Not called.</p>
    </div>`;
  const error =
    call.error === undefined
      ? null
      : html`<p class="error">
          ${call.error.kind}:
          ${call.error.message}${call.error.attempts === undefined ? '' : ` (after ${call.error.attempts} attempts)`}
        </p>`;
  const raw =
    call.raw === null
      ? null
      : html`<details>
          <summary>Raw reply</summary>
          <pre>${call.raw}</pre>
        </details>`;
  return html`<div class="judge">
    <h4>${title}</h4>
    <p>
      score ${formatNumber(call.score)} · model ${call.model}${call.cached ? ' · cached' : ''} ·
      attempts ${call.attempts}
    </p>
    ${error}${judgeVerdicts(call.parsed)}${raw}
  </div>`;
}

function generationBlock(rollout: RolloutRecord): SafeHtml {
  const generation = rollout.generation;
  if (generation === undefined)
    return html`<h4>Model response</h4>
      <p>No response stored.</p>`;
  const empty =
    rollout.emptyResponse === true
      ? html`<p class="warn">Empty response: judges were not called; every criterion scores 1.</p>`
      : null;
  const facts = `finish ${generation.finishReason ?? '—'} · ${generation.usage === null ? 'tokens unknown' : `${formatInt(generation.usage.inputTokens)} in / ${formatInt(generation.usage.outputTokens)} out`} · ${generation.latencyMs} ms · attempts ${generation.attempts}${generation.cached ? ' · cached' : ''}`;
  const reasoning = generation.reasoning === null ? null : block('Reasoning', generation.reasoning);
  return html`${block('Model response', generation.content, 'response')}
    <p class="muted">${facts}</p>
    ${empty}${reasoning}`;
}

function problemsBlock(rollout: RolloutRecord): SafeHtml {
  const error = rollout.error;
  const errorHtml =
    error === undefined
      ? null
      : html`<h4>Error</h4>
          <p class="error">
            ${error.stage}: ${error.kind}:
            ${error.message}${error.status === undefined ? '' : ` (HTTP ${error.status})`}${error.host === undefined ? '' : ` from ${error.host}`}${error.attempts === undefined ? '' : ` after ${error.attempts} attempts`}
          </p>
          ${error.nextStep === undefined ? null : html`<p>${error.nextStep}</p>`}`;
  const unscored =
    rollout.unscoredReason === undefined
      ? null
      : html`<h4>Unscored</h4>
          <p class="warn">${rollout.unscoredReason}</p>`;
  return html`${errorHtml}${unscored}`;
}

function reviewBlock(rollout: RolloutRecord): SafeHtml {
  const note =
    rollout.notes === undefined || rollout.notes === ''
      ? null
      : block("Reviewer's note", rollout.notes);
  const ratings = rollout.ratings;
  const rated = ratings === undefined ? [] : CRITERIA.filter((c) => ratings[c] != null);
  const ratingsHtml =
    rated.length === 0
      ? null
      : html`<h4>Reviewer's ratings</h4>
          <p>${rated.map((c) => `${c} ${ratings?.[c] ?? '—'}`).join(' · ')}</p>`;
  return html`${note}${ratingsHtml}`;
}

export function rolloutDetails(
  rollout: RolloutRecord,
  example: ExampleInfo | undefined,
  judgeLabels: readonly string[],
): SafeHtml {
  const anchor = rolloutAnchor(rollout.example_id, rollout.rollout_index);
  const notes = example?.question ?? rollout.prompt.findLast((m) => m.role === 'user')?.content;
  const summary = `Example ${rollout.example_id} · rollout ${rollout.rollout_index} · ${example?.filename ?? '—'} · ${rollout.status} · reward ${formatNumber(rollout.score?.reward)}`;
  const judges = rollout.judges.map((call, i) =>
    judgeBlock(call, judgeLabels[i] ?? `Judge ${i + 1}`, i),
  );
  return html`<details id="${anchor}" class="rollout status-${safeId(rollout.status)}">
    <summary>${summary}</summary>
    <div class="body">
      ${block('Patient notes', notes ?? '(not stored)')} ${generationBlock(rollout)}
      ${block('Reference', example === undefined ? '(example not stored)' : example.answer === '' ? '(no reference)' : example.answer)}
      ${problemsBlock(rollout)}
      <h3>Judges</h3>
      ${judges.length === 0 ? html`<p>No judge was asked.</p>` : judges} ${reviewBlock(rollout)}
    </div>
  </details>`;
}
