import { originOf } from '../../../core/endpointOrigin';
import { useHosts } from '../../hooks/useKeys';
import { hostStore, isHostApproved } from '../../keys/hostStore';
import { draftFromPreset, type EndpointDraft } from './endpointDraft';
import { EndpointEditor } from './EndpointEditor';
import { HostConfirm, type HostToConfirm } from './HostConfirm';

const MAX_JUDGES = 8;

interface EndpointsEditorProps {
  /** Absent when only judges are edited (a re-score keeps the model's generations). */
  model?: EndpointDraft | undefined;
  judges: EndpointDraft[];
  onModel?: ((draft: EndpointDraft) => void) | undefined;
  onJudges: (judges: EndpointDraft[]) => void;
  /** `jury`: one or more judges (MTSamples); `grader`: exactly one (HealthBench); `none`: scored in code. */
  role?: 'jury' | 'grader' | 'none';
  /** Who filled these endpoints, for the host confirmation: "This link", "Your last run". */
  source?: string;
}

interface Shown {
  label: string;
  draft: EndpointDraft;
}

/** Hosts the shown endpoints point at that the user has not chosen, with who uses each. */
function hostsToConfirm(
  shown: readonly Shown[],
  isApproved: (origin: string) => boolean,
): HostToConfirm[] {
  const found: { origin: string; labels: string[] }[] = [];
  for (const { label, draft } of shown) {
    const origin = originOf(draft.baseUrl);
    if (origin === null || isApproved(origin)) continue;
    const entry = found.find((candidate) => candidate.origin === origin);
    if (entry === undefined) found.push({ origin, labels: [label] });
    else entry.labels.push(label);
  }
  return found;
}

/** The model under test and its judges; endpoints on one host share that host's key. */
export function EndpointsEditor(props: EndpointsEditorProps) {
  const { model, onModel, onJudges, role = 'jury', source = 'These settings' } = props;
  const judges = role === 'jury' ? props.judges : role === 'grader' ? props.judges.slice(0, 1) : [];
  const hosts = useHosts();
  const judgeTitle = (index: number) =>
    role === 'grader' ? 'Grader (one call per rubric item)' : `Judge ${index + 1}`;
  const shown: Shown[] = [
    ...(model === undefined ? [] : [{ label: 'Model under test', draft: model }]),
    ...judges.map((draft, index) => ({ label: judgeTitle(index), draft })),
  ];
  const toConfirm = hostsToConfirm(shown, (origin) => isHostApproved(hosts, origin));
  const sharedWith = (self: Shown) => {
    const origin = originOf(self.draft.baseUrl);
    const others = shown
      .filter(
        (other) => other !== self && origin !== null && originOf(other.draft.baseUrl) === origin,
      )
      .map((other) => other.label.toLowerCase());
    return others.length === 0 ? undefined : others.join(', ');
  };
  const setJudge = (index: number, draft: EndpointDraft) =>
    onJudges(judges.map((judge, i) => (i === index ? draft : judge)));
  const removeJudge = (index: number) => onJudges(judges.filter((_, i) => i !== index));
  // Declining a host puts the default provider back on every endpoint that pointed there.
  const reject = (origin: string) => {
    const fallback = (draft: EndpointDraft) =>
      originOf(draft.baseUrl) === origin ? draftFromPreset('openai') : draft;
    if (model !== undefined && onModel !== undefined && originOf(model.baseUrl) === origin)
      onModel({ ...draftFromPreset('openai'), model: '' });
    if (judges.some((judge) => originOf(judge.baseUrl) === origin))
      onJudges(props.judges.map(fallback));
  };

  return (
    <div className="endpoints">
      {toConfirm.length > 0 && (
        <HostConfirm
          hosts={toConfirm}
          source={source}
          onConfirm={(origin) => hostStore.confirm([origin])}
          onReject={reject}
        />
      )}
      {model !== undefined && onModel !== undefined && (
        <EndpointEditor
          title="Model under test"
          testId="endpoint-model"
          draft={model}
          onChange={onModel}
          sharedWith={shown[0] === undefined ? undefined : sharedWith(shown[0])}
        />
      )}
      {judges.map((judge, index) => {
        const self = shown[index + (model === undefined ? 0 : 1)];
        return (
          <EndpointEditor
            // Judges have no identity but their position; keys belong to hosts, not positions.
            key={index}
            title={judgeTitle(index)}
            testId={`endpoint-judge-${index}`}
            draft={judge}
            onChange={(draft) => setJudge(index, draft)}
            sharedWith={self === undefined ? undefined : sharedWith(self)}
            onRemove={role === 'jury' && judges.length > 1 ? () => removeJudge(index) : undefined}
          />
        );
      })}
      {role === 'none' && (
        <p className="muted small">
          This benchmark is scored in code against its answer key: no judge.
        </p>
      )}
      {role === 'jury' && (
        <button
          type="button"
          data-testid="add-judge"
          disabled={judges.length >= MAX_JUDGES}
          onClick={() => onJudges([...props.judges, draftFromPreset('openai')])}
        >
          Add a judge
        </button>
      )}
    </div>
  );
}
