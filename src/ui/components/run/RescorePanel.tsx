import { useId, useState } from 'react';
import type { Normalisation } from '../../../core/envs/mtsamples/judge';
import { validateJudgeTemplate } from '../../../core/envs/mtsamples/judgeTemplate';
import { envOf } from '../../../core/envs/registry';
import type { JudgeVisibility } from '../../../core/envs/mtsamples/prompt';
import type { RunRecord, RunSettings } from '../../../core/schema/run';
import { originOf } from '../../../core/endpointOrigin';
import { useHosts } from '../../hooks/useKeys';
import { isHostApproved } from '../../keys/hostStore';
import { checkEndpoint, draftFromConfig, type EndpointDraft } from './endpointDraft';
import { EndpointsEditor } from './EndpointsEditor';
import { JudgeTemplateField } from './JudgeTemplateField';

interface RescoreRequest {
  judges: RunSettings['judges'];
  judgeTemplate: string;
  judgeSees: JudgeVisibility;
  normalisation: Normalisation;
}

interface RescorePanelProps {
  run: RunRecord;
  onSubmit: (request: RescoreRequest, name: string) => void;
  onClose: () => void;
}

/** A new run that reuses this run's responses and asks other judges (or the same, differently). */
export function RescorePanel({ run, onSubmit, onClose }: RescorePanelProps) {
  const id = useId();
  const [judges, setJudges] = useState<EndpointDraft[]>(() =>
    run.settings.judges.map(draftFromConfig),
  );
  const [template, setTemplate] = useState(run.settings.judgeTemplate);
  const [judgeSees, setJudgeSees] = useState(run.settings.judgeSees);
  const [normalisation, setNormalisation] = useState(run.settings.normalisation);
  const [name, setName] = useState(`${run.name} (re-scored)`);
  const checks = judges.map(checkEndpoint);
  const configs = checks.flatMap((check) => (check.ok ? [check.config] : []));
  const isJury = envOf(run.settings.envId).scoring.kind === 'jury';
  const hosts = useHosts();
  // A judge on a host the user has not confirmed gets nothing: the re-score cannot start (issue 10).
  const hostsOk = configs.every((config) => isHostApproved(hosts, originOf(config.baseUrl)));
  const isValid =
    configs.length === judges.length &&
    hostsOk &&
    (!isJury || validateJudgeTemplate(template).length === 0);

  return (
    <section className="panel rescore" aria-labelledby={`${id}-title`} data-testid="rescore-panel">
      <h3 id={`${id}-title`}>Re-score with other judges</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name of the new run</label>
        <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <EndpointsEditor
        judges={judges}
        onJudges={setJudges}
        role={isJury ? 'jury' : 'grader'}
        source={run.origin === 'imported' ? 'This imported run' : 'This run'}
      />
      {isJury && (
        <>
          <div className="field-grid">
            <div className="field">
              <label htmlFor={`${id}-sees`}>Judges see</label>
              <select
                id={`${id}-sees`}
                value={judgeSees}
                onChange={(event) => setJudgeSees(event.target.value as JudgeVisibility)}
              >
                <option value="full">the full response</option>
                <option value="after_think">only the text after &lt;/think&gt;</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-norm`}>Reward normalisation</label>
              <select
                id={`${id}-norm`}
                value={normalisation}
                onChange={(event) => setNormalisation(event.target.value as Normalisation)}
              >
                <option value="fraction">score / 5</option>
                <option value="minus_one">(score − 1) / 4</option>
              </select>
            </div>
          </div>
          <JudgeTemplateField template={template} onChange={setTemplate} />
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="rescore-start"
          disabled={!isValid}
          onClick={() =>
            onSubmit({ judges: configs, judgeTemplate: template, judgeSees, normalisation }, name)
          }
        >
          Start the re-score
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
