import type { SuiteRunRecord } from '../../../core/suites/suiteRun';
import { hrefFor } from '../../hooks/useHashRoute';
import type { RunProgress } from './useSuiteRunProgress';

/** Each entry of the suite run: its run's status and counts, or why it has no run. */
export function SuiteRunTable({
  record,
  progress,
}: {
  record: SuiteRunRecord;
  progress: readonly RunProgress[];
}) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">Status</th>
            <th scope="col">Finished</th>
            <th scope="col">Failed / unscored</th>
          </tr>
        </thead>
        <tbody>
          {record.entries.map((entry) => {
            const p = progress.find((item) => item.run.id === entry.runId);
            return (
              <tr
                key={entry.key}
                data-testid="suite-run-entry"
                data-status={p?.run.status ?? 'none'}
              >
                <th scope="row">
                  {entry.runId === undefined ? (
                    entry.key
                  ) : (
                    <a href={hrefFor('run', new URLSearchParams({ run: entry.runId }))}>
                      {entry.key}
                    </a>
                  )}
                </th>
                <td>{p === undefined ? (entry.reason ?? '—') : p.run.status}</td>
                <td className="num">
                  {p === undefined ? '' : `${p.done + p.failed + p.unscored} / ${p.total}`}
                </td>
                <td className="num">{p === undefined ? '' : `${p.failed} / ${p.unscored}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
