import { ENVS } from '../../core/envs/registry';
import { BenchmarkCard } from '../components/benchmarks/BenchmarkCard';
import { LinkSettingsNotice } from '../components/LinkSettingsNotice';
import { useBenchmarkLoad } from '../hooks/useBenchmarkLoad';
import { useDatasets } from '../hooks/useDatasets';
import { hrefFor } from '../hooks/useHashRoute';
import { useSourceSettings } from '../hooks/useSourceSettings';
import '../benchmarks.css';

/** Every benchmark the app offers, each variant loadable into this browser from its pinned source. */
export function BenchmarksPage() {
  const source = useSourceSettings();
  const datasets = useDatasets();
  const loads = useBenchmarkLoad();
  return (
    <div className="page">
      <LinkSettingsNotice source={source} />
      <section className="panel" aria-labelledby="benchmarks-title">
        <h2 id="benchmarks-title">Benchmarks</h2>
        <p className="muted">
          Load a benchmark once and it stays in this browser. Rows are read straight from Hugging
          Face or GitHub at a pinned revision; the addresses used can be changed in{' '}
          <a href={hrefFor('settings')}>Settings</a>.
        </p>
      </section>
      {datasets === undefined || !source.isLoaded ? (
        <p className="muted">Loading…</p>
      ) : (
        ENVS.map((env) => (
          <BenchmarkCard
            key={env.id}
            env={env}
            datasets={datasets}
            loads={loads}
            settings={source.effective}
          />
        ))
      )}
    </div>
  );
}
