import { useState } from 'react';
import type { DatasetRecord } from '../../../core/schema/dataset';
import { loadQueues, runQueues } from '../../../core/suites/loadQueues';
import type { DatasetNeed } from '../../../core/suites/suitePlan';
import { useBenchmarkLoad } from '../../hooks/useBenchmarkLoad';
import { useSourceSettings } from '../../hooks/useSourceSettings';
import { LinkSettingsNotice } from '../LinkSettingsNotice';
import { suiteDatasetLine } from './suiteDatasetLine';

interface SuiteDatasetsProps {
  needs: readonly DatasetNeed[];
  datasets: readonly DatasetRecord[];
}

/**
 * The datasets the runnable entries need, with one "Load all": one load at a time per host, the
 * hosts side by side (core/suites/loadQueues), a failure skipping to the next of its host.
 */
export function SuiteDatasets({ needs, datasets }: SuiteDatasetsProps) {
  const loads = useBenchmarkLoad();
  const source = useSourceSettings();
  const [isLoadingAll, setIsLoadingAll] = useState(false);
  const recordOf = (id: string) => datasets.find((d) => d.id === id);
  const missing = needs.filter((need) => recordOf(need.datasetId)?.status !== 'ready');

  const loadAll = async () => {
    setIsLoadingAll(true);
    try {
      // A dataset that fails (or is cancelled) says so and the rest still load; a host that is down
      // holds up only its own datasets, not those of the other hosts.
      const settings = source.effective;
      await runQueues(loadQueues(missing, settings), (need) =>
        loads.load(settings, {
          envId: need.envId,
          variantId: need.variantId,
          datasetId: need.datasetId,
        }),
      );
    } finally {
      setIsLoadingAll(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="suite-datasets-title" data-testid="suite-datasets">
      <h2 id="suite-datasets-title">Datasets</h2>
      {/* "Load all" uses a link's dataset hosts as the other pages do: say so here too (#10). */}
      <LinkSettingsNotice source={source} />
      <ul>
        {needs.map((need) => {
          const line = suiteDatasetLine(
            need,
            recordOf(need.datasetId),
            loads.isRunning(need.datasetId),
            loads.errorOf(need.datasetId)?.error.message ?? null,
          );
          return (
            <li
              key={need.datasetId}
              data-testid="suite-dataset"
              data-status={recordOf(need.datasetId)?.status ?? 'missing'}
            >
              {need.envLabel} — {need.variantLabel}: {line.status}
              {line.callError !== null && <span className="field-error"> {line.callError}</span>}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        data-testid="suite-load-all"
        disabled={missing.length === 0 || isLoadingAll || !source.isLoaded}
        onClick={() => void loadAll()}
      >
        {missing.length === 0 ? 'All datasets loaded' : `Load all datasets (${missing.length})`}
      </button>
    </section>
  );
}
