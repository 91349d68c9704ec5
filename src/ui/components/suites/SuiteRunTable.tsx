import type { SuiteRunRecord } from '../../../core/suites/suiteRun';
import { hrefFor } from '../../hooks/useHashRoute';
import type { RunProgress } from './useSuiteRunProgress';

/**
 * Each entry of the suite run: its run's status and counts, or why it has no run. A run deleted since
 * (hidden, or purged before its entry was updated) reads "deleted", without a link.
 */
export function SuiteRunTable({
  record,
  progress,
}: {
  record: SuiteRunRecord;
  /** Undefined while it is read. */
  progress: readonly RunProgress[] | undefined;
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
            const p = progress?.find((item) => item.run.id === entry.runId);
            const isDeleted =
              entry.runId !== undefined && progress !== undefined && p === undefined;
            return (
              <tr
                key={entry.key}
                data-testid="suite-run-entry"
                data-status={p?.run.status ?? (isDeleted ? 'deleted' : 'none')}
              >
                <th scope="row">
                  {entry.runId === undefined || isDeleted ? (
                    entry.key
                  ) : (
                    <a href={hrefFor('run', new URLSearchParams({ run: entry.runId }))}>
                      {entry.key}
                    </a>
                  )}
                </th>
                <td>
                  {p !== undefined
                    ? p.run.status
                    : isDeleted
                      ? 'deleted'
                      : entry.runId === undefined
                        ? (entry.reason ?? '—')
                        : ''}
                </td>
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
