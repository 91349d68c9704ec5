import type { SkipRecord } from '../../core/schema/dataset';

export function SkippedList({ skips }: { skips: SkipRecord[] }) {
  if (skips.length === 0) return <p className="muted">No file was skipped.</p>;
  return (
    <table className="data-table" data-testid="skipped-table">
      <thead>
        <tr>
          <th>File</th>
          <th>Why it was skipped</th>
        </tr>
      </thead>
      <tbody>
        {skips.map((skip) => (
          <tr key={skip.name}>
            <td>{skip.name}</td>
            <td>{skip.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
