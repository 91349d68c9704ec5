// The pre-run estimate for benchmarks other than MTSamples: the model's prompts as the env builds
// them, and for a rubric benchmark one grader call per rubric item (HealthBench: about ten per
// example), each sized from the grader prompt the env really sends (with an empty reply) plus the
// assumed reply length. Tokens ≈ characters / 4. Pure.
import {
  approxTokens,
  DEFAULT_RESPONSE_TOKENS,
  priced,
  totalEstimate,
  type EstimateEndpoint,
  type RunEstimate,
} from './estimateRun';
import type { PriceHint } from './presets';
import type { EnvExample, EnvModule } from './envs/types';

/** A short explanation and the JSON verdict. */
const GRADER_REPLY_TOKENS = 120;

export interface EnvEstimateInput {
  env: EnvModule;
  envSettings: Record<string, unknown>;
  /** The examples the run will use (after its subset and selection). */
  examples: readonly EnvExample[];
  rolloutsPerExample: number;
  model: EstimateEndpoint;
  grader: EstimateEndpoint | null;
  prices: Readonly<Record<string, PriceHint>>;
}

export function estimateEnvRun(input: EnvEstimateInput): RunEstimate {
  const { env, rolloutsPerExample: per } = input;
  const rollouts = input.examples.length * per;
  const responseTokens = input.model.maxTokens ?? DEFAULT_RESPONSE_TOKENS;
  let modelInput = 0;
  let graderCalls = 0;
  let graderInput = 0;
  for (const example of input.examples) {
    const messages = env.buildPrompt?.(example, input.envSettings) ?? [];
    const promptChars = messages.reduce((sum, message) => sum + message.content.length, 0);
    modelInput += approxTokens(promptChars) * per;
    if (env.scoring.kind !== 'rubric') continue;
    for (const item of env.scoring.items(example)) {
      graderCalls += per;
      const grader = env.scoring.graderMessages(example, '', item, input.envSettings);
      const chars = grader.reduce((sum, message) => sum + message.content.length, 0);
      graderInput += (approxTokens(chars) + responseTokens) * per;
    }
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
  ];
  if (input.grader !== null && env.scoring.kind === 'rubric') {
    const replyTokens = Math.min(
      GRADER_REPLY_TOKENS,
      input.grader.maxTokens ?? GRADER_REPLY_TOKENS,
    );
    parts.push(
      priced(
        'judge',
        input.grader.model,
        graderCalls,
        graderInput,
        graderCalls * replyTokens,
        input.prices,
      ),
    );
  }
  return totalEstimate(rollouts, parts);
}
