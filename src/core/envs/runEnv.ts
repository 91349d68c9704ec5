import { AppError } from '../errors';
import type { RunSettings } from '../schema/run';
import { envOf, findEnv } from './registry';
import type { EnvModule } from './types';

export interface RunEnv {
  env: EnvModule;
  /** The run's env settings over the env's defaults, checked by its schema. */
  envSettings: Record<string, unknown>;
}

/**
 * The benchmark a run belongs to and its settings; a run stored before issue 6 is MTSamples, and a
 * setting a stored run lacks takes the env's legacy value before its default (a new run: the default).
 */
export function resolveRunEnv(
  settings: Pick<RunSettings, 'envId' | 'envSettings'>,
  opts: { isNewRun?: boolean } = {},
): RunEnv {
  if (settings.envId !== undefined && findEnv(settings.envId) === undefined) {
    throw new AppError(
      'bad_request',
      `This run is for a benchmark this app does not know ("${settings.envId}").`,
      {
        nextStep: 'Open it with the version of medeval that made it.',
      },
    );
  }
  const env = envOf(settings.envId);
  const parsed = env.settings.schema.safeParse({
    ...env.settings.defaults,
    ...(opts.isNewRun === true ? {} : env.settings.legacy),
    ...settings.envSettings,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'bad_request',
      `${env.label} settings are invalid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
      { nextStep: 'Correct the setting and start again.' },
    );
  }
  return { env, envSettings: parsed.data };
}

/** What a benchmark needs of the run's judges list, in words (null when it is satisfied). */
export function judgesProblem(env: EnvModule, judgeCount: number): string | null {
  switch (env.scoring.kind) {
    case 'jury':
      return judgeCount >= 1 ? null : 'Add at least one judge.';
    case 'rubric':
      return judgeCount === 1 ? null : 'Choose exactly one grader endpoint.';
    case 'exact':
      return judgeCount === 0 ? null : 'This benchmark is scored in code: it takes no judges.';
  }
}
