import { describe, expect, it } from 'vitest';
import { healthbenchEnv } from '../../src/core/envs/healthbench';
import { graderMessages } from '../../src/core/envs/healthbench/graderMessages';
import { HealthBenchPayloadSchema } from '../../src/core/envs/healthbench/healthBenchPayload';
import { estimateEnvRun } from '../../src/core/estimateEnvRun';
import { exampleOf, MULTI_TURN_ROW, SINGLE_TURN_ROW } from './envs/healthbench/healthBenchRows';

const examples = [exampleOf(SINGLE_TURN_ROW), exampleOf(MULTI_TURN_ROW)];

function estimate(replyTokens: number, rolloutsPerExample = 1) {
  return estimateEnvRun({
    env: healthbenchEnv,
    envSettings: healthbenchEnv.settings.defaults,
    examples,
    rolloutsPerExample,
    model: { model: 'm', maxTokens: replyTokens },
    grader: { model: 'g' },
    prices: {},
  });
}

const graderPart = (e: ReturnType<typeof estimate>) => e.parts.find((p) => p.role === 'judge');

describe('estimateEnvRun for a rubric benchmark', () => {
  it('counts one grader call per rubric item of every rollout', () => {
    expect(graderPart(estimate(100))?.requests).toBe(5);
    expect(graderPart(estimate(100, 3))?.requests).toBe(15);
    expect(estimate(100).requests).toBe(2 + 5);
  });

  it('sizes each grader call from the prompt actually sent, for a reply of the assumed length', () => {
    const replyTokens = 100;
    const reply = 'x'.repeat(replyTokens * 4);
    const tokens = examples
      .flatMap((example) =>
        HealthBenchPayloadSchema.parse(example.payload).rubrics.map((item) =>
          graderMessages(example, reply, item).reduce(
            (n, message) => n + message.content.length,
            0,
          ),
        ),
      )
      .map((chars) => Math.ceil(chars / 4));
    const sent = tokens.reduce((a, b) => a + b, 0);
    // Each call is rounded up once with an empty reply, then the reply's tokens are added.
    expect(
      Math.abs((graderPart(estimate(replyTokens))?.inputTokens ?? 0) - sent),
    ).toBeLessThanOrEqual(5);
  });

  it('grows with the assumed reply length', () => {
    const short = graderPart(estimate(10))?.inputTokens ?? 0;
    const long = graderPart(estimate(1010))?.inputTokens ?? 0;
    expect(long - short).toBe(5 * 1000);
  });
});
