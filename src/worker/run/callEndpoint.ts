// One model or judge request as a run makes it: served from the response cache when allowed,
// otherwise through the endpoint's scheduler (retries, adaptive concurrency), then cached.
import type OpenAI from 'openai';
import { toAppError } from '../../core/errors';
import type { ChatMessage } from '../../core/schema/chat';
import type { EndpointConfig } from '../../core/schema/endpoint';
import { buildRequestBody, chatCompletion } from '../../llm/client';
import type { Scheduler } from '../../llm/scheduler';
import type { LaneMeter } from './liveReport';
import { responseCacheKey, type ResponseCache } from './responseCache';

export interface EndpointContext {
  client: OpenAI;
  endpoint: EndpointConfig;
  scheduler: Scheduler;
}

export interface CallContext {
  cache: ResponseCache | null;
  now: () => number;
  signal: AbortSignal;
  /** Times the lane's requests for the live speed figures. */
  meter?: LaneMeter;
}

export interface CallOutcome {
  content: string;
  reasoning: string | null;
  finishReason: string | null;
  usage: { inputTokens: number; outputTokens: number } | null;
  costUsd: number | null;
  latencyMs: number;
  attempts: number;
  cached: boolean;
  requestBody: Record<string, unknown>;
}

/**
 * Throws an AppError carrying `attempts` when every attempt failed. `isReusable` says whether a reply
 * may be cached (and a cached one served): a judge reply with no readable score must not be, or
 * "retry failed" would be served the same unreadable reply again instead of asking.
 */
export async function callEndpoint(
  target: EndpointContext,
  ctx: CallContext,
  messages: readonly ChatMessage[],
  sample: number,
  isReusable: (content: string) => boolean = () => true,
): Promise<CallOutcome> {
  const requestBody = buildRequestBody(target.endpoint, messages);
  const key =
    ctx.cache === null
      ? null
      : await responseCacheKey(target.endpoint.baseUrl, requestBody, sample);
  if (key !== null && ctx.cache !== null) {
    const hit = await ctx.cache.get(key);
    if (hit !== undefined && isReusable(hit.content)) {
      // The cache row's own key and date are not part of the call.
      const { key: _key, createdAt: _createdAt, ...reply } = hit;
      return { ...reply, attempts: 0, cached: true, requestBody };
    }
  }
  let result;
  try {
    result = await target.scheduler.run(
      async (_attempt, signal) => {
        const answered = ctx.meter?.request(target.endpoint.baseUrl);
        try {
          return await chatCompletion(target.client, target.endpoint, messages, { signal });
        } finally {
          answered?.();
        }
      },
      { signal: ctx.signal },
    );
  } catch (error) {
    throw toAppError(error);
  }
  const { value, attempts } = result;
  const outcome: CallOutcome = {
    content: value.content,
    reasoning: value.reasoning,
    finishReason: value.finishReason,
    usage: value.usage,
    costUsd: value.costUsd,
    latencyMs: value.latencyMs,
    attempts,
    cached: false,
    requestBody: value.requestBody,
  };
  if (key !== null && ctx.cache !== null && isReusable(value.content)) {
    ctx.cache.put({
      key,
      content: value.content,
      reasoning: value.reasoning,
      finishReason: value.finishReason,
      usage: value.usage,
      costUsd: value.costUsd,
      latencyMs: value.latencyMs,
      createdAt: ctx.now(),
    });
  }
  return outcome;
}
