// The notes beside a model response that depend on how its benchmark scores it: what the scorer saw of
// a reply with think blocks, and what an empty reply means. Jury (MTSamples) texts are the originals.
import { judgeVisibleText } from '../../../../core/envs/mtsamples/prompt';
import type { EnvSummaryKind } from '../../../../core/envs/types';
import { summaryKindOf } from '../../../../core/results/envSummary';
import type { RolloutRecord, RunRecord } from '../../../../core/schema/run';

export const EMPTY_NOTES: Record<EnvSummaryKind, string> = {
  jury: 'The response was empty: the judges were not called, and it scores 1 on every criterion.',
  accuracy: 'The response was empty: there is no answer to read.',
  rubric: 'The response was empty.',
  metrics: 'The response was empty.',
};

/** What the scorer saw of a reply with think blocks: judges per `judgeSees`, code after `</think>`. */
export function scoredNote(run: RunRecord, rollout: RolloutRecord): string {
  const content = rollout.generation?.content ?? '';
  switch (summaryKindOf(run.settings, [rollout])) {
    case 'jury':
      return judgeVisibleText(content, run.settings.judgeSees) === content
        ? 'The judges were shown the full text, reasoning included.'
        : 'The judges were shown only the text after </think>.';
    case 'accuracy':
      return 'Only the text after the last </think> was scored.';
    case 'rubric':
      return 'The grader was shown the full text, reasoning included.';
    case 'metrics':
      return 'Scored by the environment that wrote the file, not by this app.';
  }
}
