// The full record of one rollout — what was sent, what came back, what each judge said, the gold
// plan — and the reviewer's own note and ratings. Everything shown is untrusted text: it goes through
// React text nodes or the HTML-free Markdown renderer (detail/SafeMarkdown), never raw HTML.
import { useLiveQuery } from 'dexie-react-hooks';
import { isJuryRun } from '../../../core/results/envSummary';
import type { RolloutRecord, RunRecord } from '../../../core/schema/run';
import { useServices } from '../../appContext';
import { ChoiceScoreCard } from './detail/ChoiceScoreCard';
import { FileRowSection } from './detail/FileRowSection';
import { RewardScoreCard } from './detail/RewardScoreCard';
import { JudgeCard } from './detail/JudgeCard';
import { MessagesSection } from './detail/MessagesSection';
import { ReferenceSection } from './detail/ReferenceSection';
import { ResponseSection } from './detail/ResponseSection';
import { ReviewEditor } from './detail/ReviewEditor';
import { RolloutHeader } from './detail/RolloutHeader';
import { RubricGradesSection } from './detail/RubricGradesSection';
import '../../results.css';

export interface RolloutDetailPanelProps {
  run: RunRecord;
  rolloutKey: string;
  onClose: () => void;
}

export function RolloutDetailPanel({ run, rolloutKey, onClose }: RolloutDetailPanelProps) {
  const { db } = useServices();
  // A point read: Dexie re-runs it only when this rollout is written.
  const rollout = useLiveQuery(
    async () => (await db.rollouts.get([run.id, rolloutKey])) ?? null,
    [db, run.id, rolloutKey],
  );
  return (
    <aside
      className="detail rd-panel"
      aria-label={`Rollout ${rolloutKey}`}
      data-testid="rollout-detail"
    >
      <header className="detail-header">
        <h3>Rollout {rolloutKey}</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {rollout === undefined && <p className="muted">Loading…</p>}
      {rollout === null && (
        <p className="banner">This rollout is not stored (the run may have been deleted).</p>
      )}
      {rollout !== undefined && rollout !== null && <RolloutBody run={run} rollout={rollout} />}
    </aside>
  );
}

function RolloutBody({ run, rollout }: { run: RunRecord; rollout: RolloutRecord }) {
  const isJury = isJuryRun(run.settings, [rollout]);
  return (
    <>
      <RolloutHeader run={run} rollout={rollout} />
      <MessagesSection rollout={rollout} />
      <ResponseSection run={run} rollout={rollout} />
      <ReferenceSection run={run} rollout={rollout} />
      {rollout.envScore?.kind === 'choice' && <ChoiceScoreCard score={rollout.envScore} />}
      {rollout.envScore?.kind === 'reward' && <RewardScoreCard score={rollout.envScore} />}
      {rollout.grades !== undefined && (
        <RubricGradesSection rollout={rollout} grader={run.settings.judges[0]?.model} />
      )}
      {isJury && <JudgesSection run={run} rollout={rollout} />}
      <FileRowSection rollout={rollout} />
      <ReviewEditor
        key={rollout.key}
        runId={run.id}
        rolloutKey={rollout.key}
        stored={{ notes: rollout.notes, ratings: rollout.ratings }}
        hasRatings={isJury}
      />
    </>
  );
}

function JudgesSection({ run, rollout }: { run: RunRecord; rollout: RolloutRecord }) {
  const judgeCount = Math.max(run.settings.judges.length, rollout.judges.length);
  return (
    <section className="rd-section" aria-label="Judges">
      <h4>Judges</h4>
      <div className="rd-judges">
        {Array.from({ length: judgeCount }, (_, index) => {
          const call = rollout.judges[index] ?? null;
          return (
            <JudgeCard
              key={index}
              index={index}
              model={run.settings.judges[index]?.model ?? call?.model ?? 'unknown'}
              call={call}
              isNotCalled={rollout.emptyResponse === true}
            />
          );
        })}
      </div>
    </section>
  );
}
