import { describe, expect, it } from 'vitest';
import { parseJudgeReply } from '../../../src/core/envs/mtsamples/judge';
import { escapeHtml, html, safeId, SafeHtml } from '../../../src/core/report/escapeHtml';
import { REPORT_CSP, renderRunReport } from '../../../src/core/report/renderRunReport';
import type { ExampleInfo } from '../../../src/core/results/exportRun';
import type { JudgeCall, RolloutRecord, RunRecord } from '../../../src/core/schema/run';
import { bootstrapMeanCI } from '../../../src/core/stats/bootstrap';
import { sampleExamples, sampleRollouts, sampleRun } from '../results/sampleRun';

const GENERATED_AT = Date.UTC(2025, 9, 10, 12, 0, 0);

// --- hostile inputs ----------------------------------------------------------------------------------

/** Payloads that break naive HTML building, joined into one text per field. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src='https://evil.example/'>",
  '[x](javascript:alert(1)) and **bold** <a href="https://evil.example">link</a>',
  '</pre></details></section><script>',
  '</style></title><object data="x"></object><embed src="x">',
  '{{constructor}} ${process} <!-- comment -->',
  'ctrl:\u0000\u0007\u001b[31m\u007f\rend',
];

/** A field's hostile text, tagged with the field's name so each field's escaping is checked alone. */
const hostile = (field: string) => `[${field}] ${PAYLOADS.join('\n')}`;
const HUGE = '<b>&</b>'.repeat(131_072); // 1 MiB

function hostileReply(field: string): string {
  const c = (score: number) => ({ score, explanation: hostile(`${field}-explanation`) });
  return `${hostile(`${field}-prose`)}\n${JSON.stringify({ accuracy: c(4), completeness: c(3), clarity: c(5) })}`;
}

function hostileJudge(call: JudgeCall | null, index: number): JudgeCall | null {
  if (call?.raw == null) return call;
  const raw = hostileReply(`judge${index}`);
  return { ...call, model: hostile(`judgemodel${index}`), raw, parsed: parseJudgeReply(raw) };
}

const hostileRun: RunRecord = {
  ...sampleRun,
  name: hostile('runname'),
  dataset: { ...sampleRun.dataset, label: hostile('datasetlabel') },
  settings: {
    ...sampleRun.settings,
    judgeTemplate: hostile('template'),
    model: { ...sampleRun.settings.model, model: hostile('modelname') },
    judges: sampleRun.settings.judges.map((j, i) => ({ ...j, model: hostile(`judgename${i}`) })),
  },
};

const hostileExamples = new Map<number, ExampleInfo>(
  [...sampleExamples].map(([id, ex]) => [
    id,
    {
      ...ex,
      filename: hostile(`file${id}`),
      question: hostile(`notes${id}`),
      answer: hostile(`ref${id}`),
    },
  ]),
);

function hostileRollout(rollout: RolloutRecord): RolloutRecord {
  const tag = `${rollout.example_id}-${rollout.rollout_index}`;
  const generation =
    rollout.generation === undefined || rollout.emptyResponse === true
      ? rollout.generation
      : {
          ...rollout.generation,
          content: hostile(`response${tag}`),
          reasoning: hostile(`reasoning${tag}`),
        };
  return {
    ...rollout,
    section: hostile('section'),
    generation,
    judges: rollout.judges.map(hostileJudge),
    ...(rollout.unscoredReason === undefined ? {} : { unscoredReason: hostile(`unscored${tag}`) }),
    ...(rollout.error === undefined
      ? {}
      : { error: { ...rollout.error, message: hostile(`error${tag}`) } }),
    notes: hostile(`reviewnote${tag}`),
  };
}

const hostileRollouts = sampleRollouts.map(hostileRollout);
// The first scored rollout's response is also 1 MiB long.
const bigIndex = hostileRollouts.findIndex((r) => r.status === 'done' && r.emptyResponse !== true);
const big = hostileRollouts[bigIndex];
if (big?.generation === undefined) throw new Error('sample has no scored rollout');
hostileRollouts[bigIndex] = { ...big, generation: { ...big.generation, content: HUGE } };

const report = renderRunReport({
  run: hostileRun,
  rollouts: hostileRollouts,
  examples: hostileExamples,
  generatedAt: GENERATED_AT,
  appVersion: hostile('appversion'),
});

// --- a tolerant look at the markup -------------------------------------------------------------------

/** Every real start tag: after escaping, data can never open one (`<` is `&lt;`). */
function startTags(doc: string): string[] {
  return doc.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

/**
 * `name="value"` pairs of one start tag, read left to right so a value's text is never taken for an
 * attribute. Throws on anything but the double-quoted form we write: an unquoted or single-quoted
 * attribute in the output would itself be a sign of broken escaping.
 */
function attributes(tag: string): [string, string][] {
  const pattern = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/y;
  let position = /^<[a-zA-Z][^\s/>]*/.exec(tag)?.[0].length ?? 0;
  const found: [string, string][] = [];
  for (;;) {
    pattern.lastIndex = position;
    const m = pattern.exec(tag);
    if (m === null) break;
    found.push([m[1] ?? '', m[2] ?? '']);
    position = pattern.lastIndex;
  }
  if (!/^\s*\/?>$/.test(tag.slice(position))) {
    throw new Error(`unreadable attributes in ${tag.slice(0, 120)}`);
  }
  return found;
}

/** Enough of an HTML decoder for our own attribute values. */
function unescapeHtml(value: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => entities[name] ?? '');
}

/** The text a reader sees: markup whitespace collapsed. */
function text(doc: string): string {
  return doc.replace(/\s+/g, ' ');
}

function count(doc: string, pattern: RegExp): number {
  return doc.match(pattern)?.length ?? 0;
}

/** Opening and closing `tag`s nest: depth never negative, and zero at the end. */
function isBalanced(doc: string, tag: string): boolean {
  let depth = 0;
  for (const m of doc.matchAll(new RegExp(`<(/?)${tag}\\b`, 'gi'))) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('renderRunReport: a document that runs no code', () => {
  it('declares utf-8 and a CSP with no script allowance before any content', () => {
    const head = report.slice(0, report.indexOf('<style>'));
    expect(head).toMatch(/<head>\s*<meta charset="utf-8" ?\/?>/);
    const csp = startTags(head).filter((tag) => /http-equiv="Content-Security-Policy"/i.test(tag));
    expect(csp).toHaveLength(1);
    const content = new Map(attributes(csp[0] ?? '')).get('content') ?? '';
    expect(unescapeHtml(content)).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).toContain("style-src 'unsafe-inline'");
    expect(REPORT_CSP).toContain('img-src data:');
    expect(REPORT_CSP).not.toMatch(/script|unsafe-eval|connect-src|\*/);
    expect(report.startsWith('<!doctype html>')).toBe(true);
  });

  it('has no script, frame, object, embed, image or foreign svg element', () => {
    expect(count(report, /<script/gi)).toBe(0);
    for (const tag of [
      'iframe',
      'object',
      'embed',
      'img',
      'link',
      'base',
      'form',
      'meta http-equiv="refresh"',
    ]) {
      expect(count(report, new RegExp(`<${tag}`, 'gi')), tag).toBe(0);
    }
    // Exactly our two charts.
    expect(count(report, /<svg/gi)).toBe(2);
    const svgs = startTags(report).filter((tag) => tag.startsWith('<svg'));
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) {
      const attrs = new Map(attributes(svg));
      expect(attrs.get('role')).toBe('img');
      expect(attrs.get('aria-label')).toMatch(/^(Reward histogram|Mean reward by section)/);
    }
    expect(count(report, /<svg[^>]*>\s*<title>[^<]+<\/title>/g)).toBe(2);
  });

  it('has no event handler, javascript: or external URL in any attribute', () => {
    const tags = startTags(report);
    expect(tags.length).toBeGreaterThan(100);
    for (const tag of tags) {
      for (const [name, value] of attributes(tag)) {
        expect(name, tag).not.toMatch(/^on/i);
        // An aria-label may quote data as text (a section named "javascript:…"); nothing else may.
        if (name !== 'aria-label') expect(value, tag).not.toMatch(/javascript:|vbscript:/i);
        if (/^(href|src|xlink:href|action|formaction|srcset|poster|data)$/i.test(name)) {
          expect(value, `${name} in ${tag.slice(0, 80)}`).toMatch(/^#r-[A-Za-z0-9_-]+$/);
        }
      }
    }
  });

  it('links every table row to an existing rollout anchor', () => {
    const hrefs = [...report.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...report.matchAll(/<details id="([^"]+)"/g)].map((m) => m[1]));
    expect(hrefs).toHaveLength(sampleRollouts.length);
    expect(ids.size).toBe(sampleRollouts.length);
    for (const href of hrefs) expect(ids.has(href)).toBe(true);
    expect(ids.has('r-0-1')).toBe(true);
  });

  it('keeps its structure whatever the inputs hold', () => {
    for (const tag of ['details', 'summary', 'pre', 'section', 'table', 'svg', 'html', 'body']) {
      expect(isBalanced(report, tag), tag).toBe(true);
    }
    expect(count(report, /<details/g)).toBe(count(report, /<\/details>/g));
    expect(count(report, /<\/html>/g)).toBe(1);
  });
});

describe('renderRunReport: every field from data is escaped', () => {
  const fields = [
    'runname',
    'datasetlabel',
    'template',
    'modelname',
    'judgename0',
    'judgename1',
    'appversion',
    'file0',
    'file2',
    'notes0',
    'ref0',
    'ref1',
    'section',
    'response0-1',
    'reasoning0-1',
    'response2-0',
    'judge0-prose',
    'judge1-prose',
    'judge0-explanation',
    'judge1-explanation',
    'judgemodel0',
    'unscored0-1',
    'error1-0',
    'reviewnote2-0',
    'reviewnote1-1',
  ];

  it.each(fields)('%s', (field) => {
    const text = hostile(field);
    expect(report).toContain(escapeHtml(text));
    expect(report).not.toContain(`[${field}] <script>`);
  });

  it('shows the payloads as inert text', () => {
    expect(report).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(report).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(report).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(report).toContain('&#39;&gt;&lt;iframe');
    expect(report).toContain('&lt;/pre&gt;&lt;/details&gt;&lt;/section&gt;&lt;script&gt;');
    expect(report).toContain('{{constructor}} ${process} &lt;!-- comment --&gt;');
    // Markdown is not rendered: the link and the bold stay plain text.
    expect(report).toContain('[x](javascript:alert(1)) and **bold**');
    expect(report).not.toMatch(/<strong|<em>/);
  });

  it('shows control characters visibly and keeps newlines and tabs', () => {
    expect(report).toContain('ctrl:\u2400\u2407\u241b[31m\u2421\u240dend');
    // eslint-disable-next-line no-control-regex -- checking that none survive
    expect(report).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('keeps a 1 MiB response whole, escaped, in a wrapping <pre>', () => {
    expect(report.length).toBeGreaterThan(HUGE.length);
    expect(report).toContain(`<pre class="response">${escapeHtml(HUGE)}</pre>`);
    expect(report).toMatch(/pre \{[^}]*white-space: pre-wrap;[^}]*overflow-wrap: anywhere/);
  });
});

describe('renderRunReport: numbers', () => {
  // sampleRun: 6 rollouts. Scored rewards: 0:0 = (14/15 + 11/15)/2, 1:1 (empty) = 1/5, 2:0 = (9/15 + 10/15)/2.
  const rewards = [25 / 30, 0.2, 19 / 30];
  const plain = text(
    renderRunReport({
      run: sampleRun,
      rollouts: sampleRollouts,
      examples: sampleExamples,
      generatedAt: GENERATED_AT,
      appVersion: '0.2.0',
    }),
  );

  it('counts rollouts by status', () => {
    expect(plain).toContain('3 done · 1 unscored · 1 error · 1 pending · 6 total');
  });

  it('gives the mean reward with its seeded 95% interval and n', () => {
    const ci = bootstrapMeanCI(rewards, { seed: 0 });
    const f = (v: number | null) => (v ?? NaN).toFixed(3);
    expect(f(ci.mean)).toBe('0.556');
    expect(plain).toContain(`0.556 [95% CI ${f(ci.low)}, ${f(ci.high)}] (n=3)`);
  });

  it('gives jury score, per-judge and per-criterion means, tokens and dates', () => {
    // Jury (1–5): mean of rollouts' jury scores: (25/6 + 1 + 19/6) / 3 = 2.78.
    expect(plain).toMatch(
      /Jury score \(HELM, 1–5\)<\/th>\s*<td>2\.78 \(n=3\) \(mean of rollout means, as HELM reports\)/,
    );
    // Judge 1 scored 0:0 (14/15) and 2:0 (9/15): 0.767. The empty response (1:1) was never sent to
    // the judges, so it is not a judge's score (as in the app's summary, core/results/runStats).
    expect(plain).toMatch(/openai\/gpt-5-mini<\/th>\s*<td>0\.767 \(n=2\)/);
    expect(plain).toMatch(/Report generated<\/th>\s*<td>2025-10-10T12:00:00Z/);
    expect(plain).toContain('run made with 0.1.0; report by 0.2.0');
    expect(plain).toMatch(/Tokens<\/th>\s*<td>[\d,]+ in · [\d,]+ out/);
  });

  it('draws the histogram from the scored rewards', () => {
    const label = /aria-label="(Reward histogram[^"]*)"/.exec(plain)?.[1] ?? '';
    // 0.2 → bin 0.2–0.3; 19/30 → 0.6–0.7; 25/30 → 0.8–0.9.
    expect(label).toContain('0.2–0.3: 1');
    expect(label).toContain('0.6–0.7: 1');
    expect(label).toContain('0.8–0.9: 1');
    expect(label).toContain('0.0–0.1: 0');
  });

  it('shows each kind of rollout: unscored reason, error, empty response, note, ratings', () => {
    expect(plain).toContain('judge 1: 429 Too Many Requests · judge 2: no readable score');
    expect(plain).toContain('generation: server: 502 Bad Gateway (HTTP 502) from openrouter.ai');
    expect(plain).toContain('Empty response: judges were not called');
    expect(plain).toContain('accuracy 3 · completeness 2');
    expect(plain).toMatch(/<summary>Judge template<\/summary>\s*<pre>You are a medical expert\./);
    expect(plain).not.toContain('sk-');
  });
});

describe('escapeHtml and html', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['a\nb\tc', 'a\nb\tc'],
    ['a\r\nb', 'a\nb'],
    ['\u0000\u001f\u007f', '\u2400\u241f\u2421'],
    ['&amp;', '&amp;amp;'],
  ])('%j → %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });

  it('escapes interpolations and passes SafeHtml through', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${[inner]}${null}${3}</p>`.value).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b><b>&lt;i&gt;</b>3</p>',
    );
    expect(new SafeHtml('<hr>').toString()).toBe('<hr>');
  });

  it('reduces ids to [A-Za-z0-9_-]', () => {
    expect(safeId('r-1-2')).toBe('r-1-2');
    expect(safeId('a" onclick="x')).toBe('a__onclick__x');
    expect(safeId('')).toBe('_');
  });
});
