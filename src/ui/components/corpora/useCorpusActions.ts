import { useState } from 'react';
import { toAppError, type AppError } from '../../../core/errors';
import type { CorpusTarget } from '../../../core/schema/corpus';
import type {
  CorpusExport,
  CorpusSample,
  ExportRequest,
  LoadSummary,
} from '../../../worker/workerApi';
import { useServices } from '../../appContext';
import { downloadBlob } from '../../download';
import { useCorpusJob, type CorpusJob } from './useCorpusJob';

export interface CorpusActions {
  load: CorpusJob<LoadSummary>;
  sample: CorpusJob<CorpusSample>;
  exporter: CorpusJob<CorpusExport>;
  /** The size and seed of the last sample taken (what "export the sample" exports). */
  sampled: { size: number; seed: string } | null;
  deleteError: AppError | null;
  startLoad: () => void;
  takeSample: (size: number, seed: string) => void;
  startExport: (request: ExportRequest) => void;
  deleteCopy: (corpusId: string) => void;
}

/** Load, sample, export and delete for one split; each a cancellable worker job. */
export function useCorpusActions(target: CorpusTarget): CorpusActions {
  const { worker } = useServices();
  const load = useCorpusJob<LoadSummary>();
  const sample = useCorpusJob<CorpusSample>();
  const exporter = useCorpusJob<CorpusExport>();
  const [sampled, setSampled] = useState<{ size: number; seed: string } | null>(null);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  return {
    load,
    sample,
    exporter,
    sampled,
    deleteError,
    startLoad: () => void load.run((jobId) => worker.corpusLoad(jobId, target)),
    takeSample: (size, seed) =>
      void sample
        .run((jobId) => worker.corpusSample(jobId, { target, size, seed }))
        .then((result) => {
          if (result !== null) setSampled({ size, seed });
        }),
    startExport: (request) =>
      void exporter
        .run((jobId) => worker.corpusExport(jobId, request))
        .then((result) => {
          if (result !== null) downloadBlob(result.filename, result.blob);
        }),
    deleteCopy: (corpusId) => {
      setDeleteError(null);
      worker.corpusDelete(corpusId).catch((error: unknown) => setDeleteError(toAppError(error)));
    },
  };
}
