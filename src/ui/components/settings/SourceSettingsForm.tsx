import { useState, type SyntheticEvent } from 'react';
import {
  DEFAULT_SOURCE_SETTINGS,
  SOURCE_URL_PARAMS,
  SourceSettingsSchema,
  type SourceSettings,
} from '../../../core/schema/sourceSettings';
import { useServices } from '../../appContext';
import { GITHUB_FIELDS, HF_FIELDS } from './sourceFields';
import '../../benchmarks.css';

/** Shareable link carrying the non-default source settings (never anything secret). */
function mirrorLink(settings: SourceSettings): string {
  const params = new URLSearchParams();
  for (const [param, key] of Object.entries(SOURCE_URL_PARAMS)) {
    if (settings[key] !== DEFAULT_SOURCE_SETTINGS[key]) params.set(param, settings[key]);
  }
  const url = new URL(window.location.href);
  url.search = params.toString();
  url.hash = '#/dataset';
  return url.toString();
}

/** Where datasets are downloaded from: validated like any untrusted input before saving. */
export function SourceSettingsForm({ initial }: { initial: SourceSettings }) {
  const { worker } = useServices();
  const [draft, setDraft] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, String(v)])),
  );
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const onSubmit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const parsed = SourceSettingsSchema.safeParse(draft);
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
      return;
    }
    setProblems([]);
    await worker.saveSourceSettings(parsed.data);
    setMessage('Saved.');
  };

  const parsedDraft = SourceSettingsSchema.safeParse(draft);
  return (
    <>
      <form
        className="panel settings-form"
        onSubmit={(event) => void onSubmit(event)}
        aria-labelledby="source-title"
      >
        <h2 id="source-title">Dataset source</h2>
        <p className="muted">
          Point these at a mirror or proxy if GitHub or Hugging Face is blocked or rate-limited. A
          link with these settings can be shared (it never contains keys).
        </p>
        {[
          { legend: 'GitHub (MTSamples)', fields: GITHUB_FIELDS },
          { legend: 'Hugging Face (benchmarks and training data)', fields: HF_FIELDS },
        ].map(({ legend, fields }) => (
          <fieldset key={legend} className="settings-group">
            <legend>{legend}</legend>
            {fields.map((field) => (
              <label key={field.key} className="field">
                <span>{field.label}</span>
                <input
                  name={field.key}
                  value={draft[field.key] ?? ''}
                  onChange={(event) => setDraft({ ...draft, [field.key]: event.target.value })}
                />
                <small className="muted">{field.help}</small>
              </label>
            ))}
          </fieldset>
        ))}
        {problems.length > 0 && (
          <ul className="banner banner-error" role="alert">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            Save
          </button>
          <button
            type="button"
            onClick={() =>
              setDraft(
                Object.fromEntries(
                  Object.entries(DEFAULT_SOURCE_SETTINGS).map(([k, v]) => [k, String(v)]),
                ),
              )
            }
          >
            Reset to defaults
          </button>
          {parsedDraft.success && (
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard
                  .writeText(mirrorLink(parsedDraft.data))
                  .then(() => setMessage('Link copied.'));
              }}
            >
              Copy link with these settings
            </button>
          )}
        </div>
        {message !== null && <p role="status">{message}</p>}
      </form>
    </>
  );
}
