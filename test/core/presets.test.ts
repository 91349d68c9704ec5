import { describe, expect, it } from 'vitest';
import { EndpointConfigSchema, SamplingSchema } from '../../src/core/schema/endpoint';
import {
  automaticHeaders,
  corsHelpFor,
  defaultStripSdkHeaders,
  endpointFromPreset,
  estimateCostUsd,
  getPreset,
  PRESETS,
  priceHintFor,
} from '../../src/core/presets';

describe('presets', () => {
  it('cover every provider the app offers, once each', () => {
    expect(PRESETS.map((preset) => preset.id)).toEqual([
      'openai',
      'openrouter',
      'together',
      'groq',
      'mistral',
      'gemini',
      'anthropic',
      'ollama',
      'lmstudio',
      'vllm',
      'custom',
    ]);
  });

  it('strip SDK headers for every base URL except OpenAI’s (the spec’s practical rule)', () => {
    for (const preset of PRESETS) {
      expect(preset.stripSdkHeaders, preset.id).toBe(preset.id !== 'openai');
      if (preset.baseUrl !== '') {
        expect(defaultStripSdkHeaders(preset.baseUrl), preset.id).toBe(preset.stripSdkHeaders);
      }
    }
  });

  it('add the Anthropic browser header, also for a custom endpoint at api.anthropic.com', () => {
    expect(getPreset('anthropic')?.headers).toEqual({
      'anthropic-dangerous-direct-browser-access': 'true',
    });
    expect(automaticHeaders('https://api.anthropic.com/v1')).toEqual({
      'anthropic-dangerous-direct-browser-access': 'true',
    });
    expect(automaticHeaders('https://openrouter.ai/api/v1')).toEqual({});
  });

  it('require keys for hosted providers only', () => {
    const keyless = PRESETS.filter((preset) => !preset.requiresKey).map((preset) => preset.id);
    expect(keyless).toEqual(['ollama', 'lmstudio', 'vllm', 'custom']);
  });

  it('fill this page’s origin into the CORS advice', () => {
    const ollama = getPreset('ollama')!;
    expect(corsHelpFor(ollama, 'https://me.github.io')).toContain(
      'OLLAMA_ORIGINS=https://me.github.io',
    );
    expect(corsHelpFor(ollama, 'https://me.github.io')).not.toContain('{origin}');
    expect(getPreset('lmstudio')?.corsHelp).toContain('lms server start --cors');
    expect(getPreset('vllm')?.corsHelp).toContain('--allowed-origins');
  });

  it('build endpoint configs that validate whenever the preset names a model and URL', () => {
    for (const preset of PRESETS) {
      const endpoint = endpointFromPreset(preset.id);
      const parsed = EndpointConfigSchema.safeParse(endpoint);
      expect(parsed.success, preset.id).toBe(preset.baseUrl !== '' && preset.defaultModel !== '');
    }
  });

  it('estimate cost from editable price hints, also behind a router prefix', () => {
    expect(priceHintFor('openai/gpt-4o-mini')).toEqual(priceHintFor('gpt-4o-mini'));
    expect(
      estimateCostUsd('gpt-4o-mini', { inputTokens: 1_000_000, outputTokens: 1_000_000 }),
    ).toBeCloseTo(0.75);
    expect(estimateCostUsd('unknown-model', { inputTokens: 1, outputTokens: 1 })).toBeNull();
    expect(
      estimateCostUsd(
        'mine',
        { inputTokens: 2_000_000, outputTokens: 0 },
        { mine: { inputPerM: 1, outputPerM: 9 } },
      ),
    ).toBe(2);
  });
});

describe('EndpointConfigSchema', () => {
  const valid = {
    presetId: 'openrouter',
    baseUrl: ' https://openrouter.ai/api/v1/ ',
    model: 'openai/gpt-5-mini',
    sampling: { temperature: 0, max_tokens: 512, extra: { reasoning_effort: 'low' } },
    headers: { 'X-Title': 'medeval' },
    stripSdkHeaders: true,
  };

  it('accepts a valid config and normalises the base URL', () => {
    const parsed = EndpointConfigSchema.parse(valid);
    expect(parsed.baseUrl).toBe('https://openrouter.ai/api/v1');
    expect(parsed.sampling.extra).toEqual({ reasoning_effort: 'low' });
  });

  it('defaults sampling to nothing set', () => {
    const { sampling: _sampling, ...rest } = valid;
    expect(EndpointConfigSchema.parse(rest).sampling).toEqual({ extra: {} });
    expect(SamplingSchema.parse({})).toEqual({ extra: {} });
  });

  it.each([
    ['a non-http URL', { baseUrl: 'ftp://example.com/v1' }],
    ['a non-URL', { baseUrl: 'localhost:11434' }],
    ['an empty model', { model: '  ' }],
    ['a credential header', { headers: { Authorization: 'Bearer sk-x' } }],
    ['an x-api-key header', { headers: { 'x-api-key': 'k' } }],
    ['a header with a newline', { headers: { 'X-Title': 'a\nb' } }],
    ['temperature above 2', { sampling: { temperature: 3, extra: {} } }],
    ['top_p above 1', { sampling: { top_p: 1.5, extra: {} } }],
    ['a fractional max_tokens', { sampling: { max_tokens: 10.5, extra: {} } }],
    ['extra overriding messages', { sampling: { extra: { messages: [] } } }],
    ['extra turning on streaming', { sampling: { extra: { stream: true } } }],
  ])('rejects %s', (_name, change) => {
    expect(EndpointConfigSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
