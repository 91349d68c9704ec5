import { z } from './zod';
import { DEFAULT_JUDGE_TEMPLATE } from './envs/mtsamples/judgeTemplate';
import { RunSettingsSchema, type RunSettings } from './schema/run';

// A run's setup in a link: benchmark, settings, model and judge endpoints — never keys (endpoint
// configs cannot hold credentials: see schema/endpoint.ts). Versioned and validated like any other
// untrusted input: an old, newer or tampered link gets a clear message, never a silently wrong setting.

const SHARE_VERSION = 1;
export const SHARE_PARAM = 'setup';

const SharedSetupSchema = z.object({
  v: z.literal(SHARE_VERSION),
  benchmark: z.literal('mtsamples_procedures'),
  /** The default judge template is not repeated in the link (it is long); `null` stands for it. */
  settings: RunSettingsSchema.extend({ judgeTemplate: z.string().min(1).nullable() }),
});

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function encodeSetup(settings: RunSettings): string {
  const judgeTemplate =
    settings.judgeTemplate === DEFAULT_JUDGE_TEMPLATE ? null : settings.judgeTemplate;
  return toBase64Url(
    JSON.stringify({
      v: SHARE_VERSION,
      benchmark: 'mtsamples_procedures',
      settings: { ...settings, judgeTemplate },
    }),
  );
}

export type DecodedSetup = { ok: true; settings: RunSettings } | { ok: false; problems: string[] };

export function decodeSetup(encoded: string): DecodedSetup {
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(encoded));
  } catch {
    return {
      ok: false,
      problems: [
        'the setup in this link is damaged (it is not readable data); ask for the link again',
      ],
    };
  }
  const version = (json as { v?: unknown } | null)?.v;
  if (typeof version === 'number' && version !== SHARE_VERSION) {
    return {
      ok: false,
      problems: [
        version > SHARE_VERSION
          ? `this link was made by a newer version of medeval (setup v${version}); reload the app to update it`
          : `this link uses an old setup format (v${version}) that is no longer read`,
      ],
    };
  }
  const parsed = SharedSetupSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'setup'}: ${issue.message}`,
      ),
    };
  }
  const { judgeTemplate, ...rest } = parsed.data.settings;
  return {
    ok: true,
    settings: { ...rest, judgeTemplate: judgeTemplate ?? DEFAULT_JUDGE_TEMPLATE },
  };
}
