import type { SuiteRunRecord } from '../../../core/suites/suiteRun';
import { hrefFor } from '../../hooks/useHashRoute';

/** Earlier suite runs, newest first. */
export function SuiteRunsList({ runs }: { runs: readonly SuiteRunRecord[] }) {
  return (
    <section className="panel" aria-labelledby="suite-runs-title">
      <h2 id="suite-runs-title">Suite runs</h2>
      <ul>
        {runs.map((run) => (
          <li key={run.id}>
            <a href={hrefFor('suites', new URLSearchParams({ suite: run.suite.id, run: run.id }))}>
              {run.name}
            </a>{' '}
            <span className="muted small">{new Date(run.createdAt).toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
