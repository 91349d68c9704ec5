// Owns the pre-run estimate: how many requests, tokens and dollars a run will take before any is
// spent. Tokens are approximated as characters / 4 (no tokenizer ships to the browser); prices are
// the user's editable per-model table. Pure: no I/O.
import { buildModelMessages, type PromptOptions } from './envs/mtsamples/prompt';
import { fillJudgeTemplate } from './envs/mtsamples/judgeTemplate';
import { priceHintFor, type PriceHint } from './presets';

const CHARS_PER_TOKEN = 4;
/** Assumed model response (and so judge-visible response) length when max_tokens is unset. */
export const DEFAULT_RESPONSE_TOKENS = 400;
/** A judge's JSON verdict with three short explanations. */
const JUDGE_REPLY_TOKENS = 150;

export interface EstimateEndpoint {
  model: string;
  maxTokens?: number | undefined;
}

export interface EstimateInput {
  /** The examples the run will use (after selection). */
  examples: readonly { question: string; answer: string }[];
  rolloutsPerExample: number;
  prompt: PromptOptions;
  judgeTemplate: string;
  model: EstimateEndpoint;
  judges: readonly EstimateEndpoint[];
  /** USD per 1M tokens, by model id (router prefixes fall back to the bare id). */
  prices: Readonly<Record<string, PriceHint>>;
}

export interface EndpointEstimate {
  role: 'model' | 'judge';
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Null when the model has no price. */
  costUsd: number | null;
}

export interface RunEstimate {
  rollouts: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Null when any endpoint has no price (then `pricedCostUsd` is a lower bound). */
  costUsd: number | null;
  pricedCostUsd: number;
  parts: EndpointEstimate[];
}

export function approxTokens(chars: number): number {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

export function priced(
  role: EndpointEstimate['role'],
  model: string,
  requests: number,
  inputTokens: number,
  outputTokens: number,
  prices: Readonly<Record<string, PriceHint>>,
): EndpointEstimate {
  const price = priceHintFor(model, prices);
  const costUsd =
    price === undefined
      ? null
      : (inputTokens * price.inputPerM + outputTokens * price.outputPerM) / 1_000_000;
  return { role, model, requests, inputTokens, outputTokens, costUsd };
}

/** Requests = rollouts × (1 + judges); every judge reads the notes, reference and an assumed response. */
export function estimateRun(input: EstimateInput): RunEstimate {
  const rolloutsPer = input.rolloutsPerExample;
  const rollouts = input.examples.length * rolloutsPer;
  const responseTokens = input.model.maxTokens ?? DEFAULT_RESPONSE_TOKENS;
  const responseSlots = occurrences(input.judgeTemplate, '{{response}}');

  let modelInput = 0;
  let judgeInput = 0;
  for (const example of input.examples) {
    const messages = buildModelMessages(example.question, input.prompt);
    const promptChars = messages.reduce((sum, message) => sum + message.content.length, 0);
    modelInput += approxTokens(promptChars) * rolloutsPer;
    const judgeChars =
      fillJudgeTemplate(input.judgeTemplate, {
        patient_notes: example.question,
        response: '',
        reference: example.answer,
      }).length +
      responseSlots * responseTokens * CHARS_PER_TOKEN;
    judgeInput += approxTokens(judgeChars) * rolloutsPer;
  }

  const parts = [
    priced(
      'model',
      input.model.model,
      rollouts,
      modelInput,
      rollouts * responseTokens,
      input.prices,
    ),
    ...input.judges.map((judge) =>
      priced(
        'judge',
        judge.model,
        rollouts,
        judgeInput,
        rollouts * Math.min(JUDGE_REPLY_TOKENS, judge.maxTokens ?? JUDGE_REPLY_TOKENS),
        input.prices,
      ),
    ),
  ];
  return totalEstimate(rollouts, parts);
}

/** Adds up the endpoints' parts; the cost is unknown (null) when any part has no price. */
export function totalEstimate(rollouts: number, parts: EndpointEstimate[]): RunEstimate {
  const pricedCostUsd = parts.reduce((sum, part) => sum + (part.costUsd ?? 0), 0);
  return {
    rollouts,
    requests: parts.reduce((sum, part) => sum + part.requests, 0),
    inputTokens: parts.reduce((sum, part) => sum + part.inputTokens, 0),
    outputTokens: parts.reduce((sum, part) => sum + part.outputTokens, 0),
    costUsd: parts.some((part) => part.costUsd === null) ? null : pricedCostUsd,
    pricedCostUsd,
    parts,
  };
}
