// Before a run's requests go out: hosts the user did not choose are confirmed, keys come from each
// endpoint's own origin, and a key known to be needed is asked for (issues 10 and 13).
import { describe, expect, it } from 'vitest';
import { truthfulPresetId } from '../../../src/core/endpointOrigin';
import { endpointFromPreset } from '../../../src/core/presets';
import type { EndpointConfig } from '../../../src/core/schema/endpoint';
import { createHostStore } from '../../../src/ui/keys/hostStore';
import { createKeyStore } from '../../../src/ui/keys/keyStore';
import { resolveRunKeys } from '../../../src/ui/keys/resolveRunKeys';

const custom = (baseUrl: string, model = 'm'): EndpointConfig => ({
  presetId: 'custom',
  baseUrl,
  model,
  sampling: { extra: {} },
  stripSdkHeaders: true,
});
const openai = { ...endpointFromPreset('openai'), model: 'gpt-4o' };
const USER = 'http://127.0.0.1:7001';
const ATTACKER = 'http://127.0.0.1:6666';

function stores() {
  return { keys: createKeyStore(null), hosts: createHostStore(null) };
}

describe('resolveRunKeys', () => {
  it('gives each endpoint the key of its own origin, and shares it between endpoints there', () => {
    const { keys, hosts } = stores();
    keys.setKey('https://api.openai.com', 'sk-openai');
    keys.setKey(USER, 'sk-user');
    hosts.confirm([USER]);
    const resolved = resolveRunKeys(
      { model: custom(`${USER}/v1`), judges: [openai, custom(`${USER}/v1`, 'j')] },
      keys.getSnapshot(),
      hosts.getSnapshot(),
    );
    expect(resolved.keys).toEqual({ [USER]: 'sk-user', 'https://api.openai.com': 'sk-openai' });
    expect(resolved.unapproved).toEqual([]);
    expect(resolved.missing).toEqual([]);
  });

  it('names a host the user never chose, and never hands it another host’s key', () => {
    const { keys, hosts } = stores();
    keys.setKey('https://api.openai.com', 'sk-openai');
    // A link claims the OpenAI preset on the attacker's URL.
    const lying = { ...openai, baseUrl: `${ATTACKER}/v1` };
    const resolved = resolveRunKeys(
      { model: lying, judges: [lying] },
      keys.getSnapshot(),
      hosts.getSnapshot(),
    );
    expect(resolved.keys).toEqual({});
    expect(resolved.unapproved.map((host) => host.origin)).toEqual([ATTACKER]);
    expect(resolved.unapproved[0]?.endpoints.map((entry) => entry.label)).toEqual([
      'Model under test',
      'Judge 1',
    ]);
    // The preset's claim does not make the attacker need "an OpenAI key".
    expect(resolved.missing).toEqual([]);
  });

  it('approves preset origins, typed origins and confirmed origins', () => {
    const { keys, hosts } = stores();
    keys.setKey('https://api.openai.com', 'sk');
    hosts.noteTyped(USER);
    hosts.confirm(['http://10.0.0.2:8000']);
    const resolved = resolveRunKeys(
      { model: custom(`${USER}/v1`), judges: [openai, custom('http://10.0.0.2:8000/v1')] },
      keys.getSnapshot(),
      hosts.getSnapshot(),
    );
    expect(resolved.unapproved).toEqual([]);
  });

  it('asks for a key a host took before, even for a custom endpoint (resume after reload, #13)', () => {
    const { keys, hosts } = stores();
    hosts.confirm([USER, 'http://127.0.0.1:7002']);
    hosts.noteKeyUse([
      { origin: USER, usesKey: true },
      { origin: 'http://127.0.0.1:7002', usesKey: false },
    ]);
    const resolved = resolveRunKeys(
      {
        model: custom(`${USER}/v1`),
        judges: [custom(`${USER}/v1`, 'a'), custom('http://127.0.0.1:7002/v1', 'b'), openai],
      },
      keys.getSnapshot(),
      hosts.getSnapshot(),
    );
    expect(
      resolved.missing.map((host) => [host.origin, host.endpoints.length, host.isRequired]),
    ).toEqual([
      [USER, 2, false],
      ['https://api.openai.com', 1, true],
    ]);
  });

  it('neither checks nor keys a model a re-score never calls', () => {
    const { keys, hosts } = stores();
    keys.setKey('https://api.openai.com', 'sk');
    const resolved = resolveRunKeys(
      { model: custom(`${ATTACKER}/v1`), judges: [openai], isModelKeyOptional: true },
      keys.getSnapshot(),
      hosts.getSnapshot(),
    );
    expect(resolved.unapproved).toEqual([]);
    expect(resolved.keys).toEqual({ 'https://api.openai.com': 'sk' });
  });
});

describe('truthfulPresetId', () => {
  it('reads a hosted provider’s preset on another origin as custom; local servers keep theirs', () => {
    expect(truthfulPresetId('openai', 'https://api.openai.com/v1')).toBe('openai');
    expect(truthfulPresetId('openai', `${ATTACKER}/v1`)).toBe('custom');
    expect(truthfulPresetId('anthropic', 'https://api.anthropic.com.evil.example/v1')).toBe(
      'custom',
    );
    expect(truthfulPresetId('vllm', 'http://gpu-box:8000/v1')).toBe('vllm');
    expect(truthfulPresetId('no-such-preset', 'https://api.openai.com/v1')).toBe('custom');
  });
});
