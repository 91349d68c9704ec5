import { useLiveQuery } from 'dexie-react-hooks';
import type {
  DatasetRecord,
  ExampleRecord,
  NoteRecord,
  SkipRecord,
} from '../../core/schema/dataset';
import { useServices } from '../appContext';

// Live views of stored datasets: they re-render when the worker writes, with no messaging.

export function useDatasets(): DatasetRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => db.datasets.orderBy('updatedAt').reverse().toArray(), [db]);
}

export function useExamples(datasetId: string | undefined): ExampleRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    () =>
      datasetId === undefined
        ? []
        : db.examples
            .where('[datasetId+example_id]')
            .between([datasetId, 0], [datasetId, Infinity])
            .toArray(),
    [db, datasetId],
  );
}

export function useSkips(datasetId: string | undefined): SkipRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    () => (datasetId === undefined ? [] : db.skips.where('datasetId').equals(datasetId).toArray()),
    [db, datasetId],
  );
}

export function useNote(datasetId: string, name: string): NoteRecord | null | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (await db.notes.get([datasetId, name])) ?? null,
    [db, datasetId, name],
  );
}
