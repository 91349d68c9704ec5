import { useId, useState } from 'react';
import { originOf } from '../../../core/endpointOrigin';
import { PRESETS } from '../../../core/presets';
import { useHosts } from '../../hooks/useKeys';
import { keyStore, type UnboundKey } from '../../keys/keyStore';

/** Key shapes only one provider issues: a suggestion for the host select, never a binding. */
const KEY_SHAPES: readonly { prefix: string; origin: string }[] = [
  { prefix: 'sk-ant-', origin: 'https://api.anthropic.com' },
  { prefix: 'sk-or-', origin: 'https://openrouter.ai' },
  { prefix: 'sk-proj-', origin: 'https://api.openai.com' },
  { prefix: 'gsk_', origin: 'https://api.groq.com' },
  { prefix: 'AIza', origin: 'https://generativelanguage.googleapis.com' },
  { prefix: 'tgp_v1_', origin: 'https://api.together.xyz' },
  { prefix: 'hf_', origin: 'https://huggingface.co' },
];

function slotLabel(slot: string): string {
  if (slot === 'model') return 'model under test';
  const judge = /^judge:(\d+)$/.exec(slot);
  return judge === null ? slot : `judge ${Number(judge[1]) + 1}`;
}

/**
 * Keys remembered by version 1, which never noted their host (issue 10). Binding one to a host is the
 * user's explicit choice; until then it is sent nowhere.
 */
export function UnboundKeys({ unbound }: { unbound: readonly UnboundKey[] }) {
  const hosts = useHosts();
  const choices = [
    ...PRESETS.flatMap((preset) => {
      const origin = originOf(preset.baseUrl);
      return origin === null ? [] : [{ origin, label: `${preset.label} — ${origin}` }];
    }),
    ...Object.keys(hosts.hosts)
      .filter((origin) => hosts.hosts[origin]?.confirmed === true)
      .map((origin) => ({ origin, label: origin })),
  ].filter((choice, i, all) => all.findIndex((other) => other.origin === choice.origin) === i);
  return (
    <div className="banner banner-warning" data-testid="unbound-keys">
      <p>
        <strong>
          An earlier version remembered {unbound.length === 1 ? 'a key' : `${unbound.length} keys`}{' '}
          without noting which host {unbound.length === 1 ? 'it is' : 'they are'} for.
        </strong>{' '}
        Keys now belong to the host they were typed for, so these are sent nowhere until you say
        where each one goes (or forget it).
      </p>
      {unbound.map((entry) => (
        <UnboundKeyRow key={entry.slot} entry={entry} choices={choices} />
      ))}
    </div>
  );
}

function UnboundKeyRow({
  entry,
  choices,
}: {
  entry: UnboundKey;
  choices: readonly { origin: string; label: string }[];
}) {
  const id = useId();
  const suggested = KEY_SHAPES.find((shape) => entry.key.startsWith(shape.prefix))?.origin ?? '';
  const [origin, setOrigin] = useState(suggested);
  return (
    <div className="inline-row small" data-testid="unbound-key" data-slot={entry.slot}>
      <label htmlFor={`${id}-host`}>
        Key ending …{entry.key.slice(-4)} (typed for the {slotLabel(entry.slot)}): its host
      </label>
      <select id={`${id}-host`} value={origin} onChange={(event) => setOrigin(event.target.value)}>
        <option value="">Choose…</option>
        {choices.map((choice) => (
          <option key={choice.origin} value={choice.origin}>
            {choice.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={origin === ''}
        onClick={() => keyStore.bindUnbound(entry.slot, origin)}
      >
        Keep it for this host
      </button>
      <button type="button" onClick={() => keyStore.forgetUnbound(entry.slot)}>
        Forget it
      </button>
    </div>
  );
}
