// What a split looks like before anything is loaded (viewer capabilities, splits, sizes, licence and
// features), and pages of its rows: read from IndexedDB when the split is loaded, else 100 at a time
// from the viewer's `/rows`.
import {
  featuresFromColumns,
  toCorpusFeature,
  type CorpusFeature,
} from '../../core/corpora/features';
import { isAborted, toAppError } from '../../core/errors';
import type { CorpusTarget } from '../../core/schema/corpus';
import { findReadyCorpus, readCorpusRange } from '../../data/corpusStore';
import { getInfo, getRows, getSize, isValid, listSplits, type HfDeps } from '../hf/viewerApi';
import { hfDepsOf, type CorporaContext, type CorpusPage } from './corporaContext';

export interface ViewerStatus {
  preview: boolean;
  viewer: boolean;
  search: boolean;
  filter: boolean;
}

export interface CorpusOverview {
  dataset: string;
  status: ViewerStatus;
  splits: {
    config: string;
    split: string;
    numRows: number | null;
    numBytesParquet: number | null;
  }[];
  /** For the asked config; null when the viewer could not describe it (see `problems`). */
  info: { description: string | null; licence: string | null; features: CorpusFeature[] } | null;
  /** What could not be learnt, as messages with the host and status (the rest is still shown). */
  problems: string[];
}

/** Viewer capabilities per dataset, asked once per worker (one API call each). */
export class ViewerStatusCache {
  private readonly known = new Map<string, ViewerStatus>();

  async get(deps: HfDeps, dataset: string, signal: AbortSignal): Promise<ViewerStatus> {
    const key = `${deps.bases.viewerBase} ${dataset}`;
    const cached = this.known.get(key);
    if (cached !== undefined) return cached;
    const status = await isValid(deps, dataset, signal);
    this.known.set(key, status);
    return status;
  }
}

async function settle<T>(work: Promise<T>, problems: string[]): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (isAborted(error)) throw error;
    problems.push(toAppError(error).message);
    return null;
  }
}

type SizeReply = Awaited<ReturnType<typeof getSize>>;
type InfoReply = Awaited<ReturnType<typeof getInfo>>;

function overviewSplits(
  splits: { config: string; split: string }[] | null,
  size: SizeReply | null,
): CorpusOverview['splits'] {
  const sizeOf = (config: string, split: string) =>
    size?.splits.find((s) => s.config === config && s.split === split);
  return (splits ?? size?.splits ?? []).map(({ config, split }) => ({
    config,
    split,
    numRows: sizeOf(config, split)?.numRows ?? null,
    numBytesParquet: sizeOf(config, split)?.numBytesParquet ?? null,
  }));
}

function overviewInfo(info: InfoReply | null): CorpusOverview['info'] {
  if (info === null) return null;
  return {
    description: info.description,
    licence: info.license,
    features: Object.entries(info.features).map(([name, type]) => toCorpusFeature(name, type)),
  };
}

export async function corpusOverview(
  ctx: CorporaContext,
  statuses: ViewerStatusCache,
  target: { dataset: string; config: string },
  signal: AbortSignal,
): Promise<CorpusOverview> {
  const deps = await hfDepsOf(ctx);
  const { preview, viewer, search, filter } = await statuses.get(deps, target.dataset, signal);
  const problems: string[] = [];
  const [splits, size, info] = await Promise.all([
    settle(listSplits(deps, target.dataset, signal), problems),
    settle(getSize(deps, target.dataset, signal), problems),
    settle(getInfo(deps, target.dataset, target.config, signal), problems),
  ]);
  return {
    dataset: target.dataset,
    status: { preview, viewer, search, filter },
    splits: overviewSplits(splits, size),
    info: overviewInfo(info),
    problems,
  };
}

async function browseRemote(
  ctx: CorporaContext,
  target: CorpusTarget,
  offset: number,
  length: number,
  signal: AbortSignal,
): Promise<CorpusPage> {
  const deps = await hfDepsOf(ctx);
  const page = await getRows(deps, { ...target, offset, length }, signal);
  return {
    source: 'remote',
    corpusId: null,
    features: page.features.map((f) => toCorpusFeature(f.name, f.type)),
    rows: page.rows,
    total: page.numRowsTotal,
    offset,
  };
}

/** A page of the split: local when it is loaded (no API call), remote otherwise. */
export async function browseCorpus(
  ctx: CorporaContext,
  target: CorpusTarget,
  offset: number,
  length: number,
  signal: AbortSignal,
): Promise<CorpusPage> {
  const loaded = await findReadyCorpus(ctx.db, target);
  if (loaded === undefined) return browseRemote(ctx, target, offset, length, signal);
  const rows = await readCorpusRange(ctx.db, loaded.id, offset, length);
  return {
    source: 'local',
    corpusId: loaded.id,
    features: featuresFromColumns(loaded.columns),
    rows: rows.map(({ rowIdx, row }) => ({ rowIdx, row, truncatedCells: [] })),
    total: loaded.rowsDone,
    offset,
  };
}
