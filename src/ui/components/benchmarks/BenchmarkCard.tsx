import { useState } from 'react';
import type { EnvModule } from '../../../core/envs/types';
import type { DatasetRecord } from '../../../core/schema/dataset';
import type { SourceSettings } from '../../../core/schema/sourceSettings';
import type { BenchmarkLoadState } from '../../hooks/useBenchmarkLoad';
import { hrefFor } from '../../hooks/useHashRoute';
import { revisionProblem, variantRequest } from './benchmarkRequest';
import { RevisionOverride } from './RevisionOverride';
import { VariantCard } from './VariantCard';

interface BenchmarkCardProps {
  env: EnvModule;
  datasets: readonly DatasetRecord[];
  loads: BenchmarkLoadState;
  settings: SourceSettings;
}

/** One benchmark: what it is, its licence, and each variant with its load state. */
export function BenchmarkCard({ env, datasets, loads, settings }: BenchmarkCardProps) {
  const [override, setOverride] = useState('');
  const problem = revisionProblem(override);
  const headingId = `benchmark-${env.id}`;
  const { source } = env;
  return (
    <section
      className="panel benchmark-card"
      aria-labelledby={headingId}
      data-testid={`benchmark-card-${env.id}`}
    >
      <h2 id={headingId}>{env.label}</h2>
      <p>{env.description}</p>
      <dl className="benchmark-facts">
        {source.kind !== 'github-notes' && (
          <>
            <div>
              <dt>Licence</dt>
              <dd data-testid="benchmark-licence">{source.licence}</dd>
            </div>
            <div>
              <dt>Homepage</dt>
              <dd>
                <a href={source.homepage} target="_blank" rel="noreferrer">
                  {source.homepage.replace(/^https?:\/\//, '')}
                </a>
              </dd>
            </div>
          </>
        )}
        <div>
          <dt>Results by</dt>
          <dd>{env.groupLabel}</dd>
        </div>
        {env.medarc?.commit !== undefined && (
          <div>
            <dt>Reproduces</dt>
            <dd data-testid="benchmark-reference">
              MedARC med-lm-envs <code>{env.medarc.envId}</code> @{' '}
              <code>{env.medarc.commit.slice(0, 7)}</code>
            </dd>
          </div>
        )}
      </dl>
      {source.kind === 'github-files' && (
        <p className="muted small" data-testid="benchmark-github-source">
          Read from GitHub at a pinned commit; each file must have the git blob id the reference’s
          file has.
        </p>
      )}
      {env.leftOut !== undefined && (
        <p className="muted small" data-testid="benchmark-left-out">
          Not offered here: {env.leftOut}
        </p>
      )}
      {source.kind === 'github-notes' ? (
        <p>
          Downloaded from GitHub at a pinned commit on the{' '}
          <a href={hrefFor('dataset')} data-testid="benchmark-dataset-link">
            Dataset page
          </a>
          , which also imports your own notes.
        </p>
      ) : (
        <>
          <RevisionOverride
            envId={env.id}
            value={override}
            onChange={setOverride}
            problem={problem}
          />
          <div className="variant-list">
            {source.variants.map((variant) => {
              const request = variantRequest(env.id, variant, override);
              return (
                <VariantCard
                  key={variant.id}
                  variant={variant}
                  request={request}
                  record={datasets.find((d) => d.id === request.datasetId)}
                  loads={loads}
                  settings={settings}
                  blockedReason={problem}
                />
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
