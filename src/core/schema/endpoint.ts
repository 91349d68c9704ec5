import { z } from '../zod';

// How to reach one OpenAI-compatible endpoint (the model under test or a judge). Stored with runs and
// settings, so it must never hold a secret: the API key travels separately as `(endpoint, apiKey)`, and
// header names that carry credentials are refused here.

/** Body fields we set ourselves; an `extra` object may not override them (spec §3: record what was sent). */
const RESERVED_BODY_FIELDS = ['model', 'messages', 'stream'] as const;

/** Headers that carry credentials: they belong to the key, never to a stored config. */
const SECRET_HEADER_NAMES = [
  'authorization',
  'proxy-authorization',
  'api-key',
  'x-api-key',
  'x-goog-api-key',
  'cookie',
];

const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const SamplingSchema = z.object({
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().min(1).max(2_000_000).optional(),
  top_p: z.number().min(0).max(1).optional(),
  seed: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Free JSON body fields (e.g. `reasoning_effort`, `max_completion_tokens`, provider routing). */
  extra: z
    .record(z.string(), z.unknown())
    .default({})
    .refine(
      (extra) => RESERVED_BODY_FIELDS.every((field) => !(field in extra)),
      `extra body fields may not set ${RESERVED_BODY_FIELDS.join(', ')}`,
    ),
});

const HttpUrlSchema = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }))
  .transform((value) => value.replace(/\/+$/, ''));

const HeadersSchema = z
  .record(
    z.string().regex(HTTP_TOKEN, 'must be a valid header name'),
    z.string().refine((value) => !/[\r\n]/.test(value), 'must be a single line'),
  )
  .refine(
    (headers) =>
      Object.keys(headers).every((name) => !SECRET_HEADER_NAMES.includes(name.toLowerCase())),
    'credential headers are not stored: put the key in the key field',
  );

export const EndpointConfigSchema = z.object({
  presetId: z.string().min(1),
  /** OpenAI-compatible base URL, usually ending in /v1; stored without a trailing slash. */
  baseUrl: HttpUrlSchema,
  model: z.string().trim().min(1, 'choose a model'),
  sampling: SamplingSchema.default({ extra: {} }),
  /** Extra non-secret request headers (e.g. OpenRouter's HTTP-Referer / X-Title). */
  headers: HeadersSchema.optional(),
  /**
   * Kept for stored settings: the SDK's `x-stainless-*` headers are now never sent, whatever this
   * says (llm/client.ts, issue 14).
   */
  stripSdkHeaders: z.boolean(),
});
export type EndpointConfig = z.infer<typeof EndpointConfigSchema>;
