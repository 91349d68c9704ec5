/** One column header per compared run; the runs after the first show their difference to it. */
export function RunColumnHeaders({ runs }: { runs: readonly { id: string; name: string }[] }) {
  return runs.map((run, i) => (
    <th key={run.id} scope="col" className="rs-num">
      {run.name}
      {i > 0 && ' (Δ)'}
    </th>
  ));
}
