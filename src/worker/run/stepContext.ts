// What every scoring step of a rollout shares: its context, how a failure is recorded, and how a
// rollout's change is written (through the run's journal, stamped; resolves once committed).
import type { AppError, AppErrorKind } from '../../core/errors';
import type { EnvModule } from '../../core/envs/types';
import type { ExampleRecord } from '../../core/schema/dataset';
import type { CallError, RolloutRecord, RunSettings } from '../../core/schema/run';
import type { CallContext, EndpointContext } from './callEndpoint';
import type { RolloutJournal } from './rolloutJournal';

/** Failures that retrying cannot fix and that every later request would repeat: stop the run. */
const RUN_STOPPING_KINDS: ReadonlySet<AppErrorKind> = new Set<AppErrorKind>(['auth', 'not_found']);

/**
 * Whether a failure stops the whole run. A bad key or an unknown model fails every request. A 400 does
 * too when the configuration is wrong (an unsupported parameter), which shows on the first requests;
 * once any request of this run has succeeded, a 400 is about one example (say, context too long) and
 * is recorded on that rollout, so it cannot block every resume.
 */
export function stopsTheRun(error: AppError, progress: RunProgress): boolean {
  if (error.kind === 'bad_request') return !progress.hasSucceeded;
  return RUN_STOPPING_KINDS.has(error.kind);
}

/** Shared by the lanes of one execution of a run. */
export interface RunProgress {
  hasSucceeded: boolean;
}

export interface StepContext extends CallContext {
  journal: RolloutJournal;
  progress: RunProgress;
  settings: RunSettings;
  model: EndpointContext;
  /** MTSamples' judges, or HealthBench's grader (index 0). */
  judges: EndpointContext[];
  /** The example as stored (MTSamples: patient notes and reference plan; others: payload). */
  example: ExampleRecord;
  env: EnvModule;
  /** The run's env settings, parsed with the env's schema. */
  envSettings: Record<string, unknown>;
}

export function callError(error: AppError): CallError {
  return {
    ...error.toStored(),
    ...(error.attempts === undefined ? {} : { attempts: error.attempts }),
  };
}

/** Writes a change of the rollout; resolves once it is committed (durable). */
export function save(
  ctx: StepContext,
  rollout: RolloutRecord,
  change: (r: RolloutRecord) => RolloutRecord,
): Promise<RolloutRecord | undefined> {
  return ctx.journal.update(rollout.key, (current) => ({
    ...change(current),
    updatedAt: ctx.now(),
  }));
}
