import { useId, useState } from 'react';
import { toAppError } from '../../../core/errors';
import { useServices } from '../../appContext';
import { noteHostUse } from './ConnectionTest';
import { configForListing, type EndpointDraft } from './endpointDraft';

interface ModelFieldProps {
  draft: EndpointDraft;
  /** False while the host waits for confirmation: its model list is not asked for. */
  isApproved: boolean;
  apiKey: string;
  onModel: (model: string) => void;
}

/** The model id: free text, with suggestions from the endpoint's own model list. */
export function ModelField({ draft, isApproved, apiKey, onModel }: ModelFieldProps) {
  const { worker } = useServices();
  const id = useId();
  const [models, setModels] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const config = isApproved ? configForListing(draft) : null;

  const load = async () => {
    if (config === null) return;
    setStatus('Loading models…');
    noteHostUse(config.baseUrl, apiKey);
    try {
      const list = await worker.listModels(config, apiKey);
      setModels(list);
      setStatus(`${list.length} models listed; type to filter.`);
    } catch (error) {
      const appError = toAppError(error);
      setStatus(`Could not list models (${appError.kind}): ${appError.message}`);
    }
  };

  return (
    <div className="field">
      <label htmlFor={`${id}-model`}>Model id</label>
      <div className="inline-row">
        <input
          id={`${id}-model`}
          name="model"
          list={`${id}-models`}
          spellCheck={false}
          value={draft.model}
          onChange={(event) => onModel(event.target.value)}
        />
        <button type="button" onClick={() => void load()} disabled={config === null}>
          Load models
        </button>
      </div>
      <datalist id={`${id}-models`}>
        {models.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      {status !== null && (
        <span className="muted small" role="status">
          {status}
        </span>
      )}
    </div>
  );
}
