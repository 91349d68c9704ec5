// Search and column filters over a split. Loaded: a scan of the stored rows (case-insensitive
// substring over the chosen columns, AND the filters), counting every match and keeping one page.
// Not loaded: the viewer's `/search` (its own full-text search over all text columns) or `/filter`
// (whole-value comparisons), after checking `/is-valid` says it can; one or the other, not both.
import { featuresFromColumns, toCorpusFeature } from '../../core/corpora/features';
import { compileRowQuery, filtersToWhere, isEmptyQuery } from '../../core/corpora/rowQuery';
import { AppError } from '../../core/errors';
import type { CorpusRecord, CorpusTarget, RowQuery } from '../../core/schema/corpus';
import { findReadyCorpus, forEachCorpusChunk } from '../../data/corpusStore';
import { filterRows, searchRows, type RowsPage } from '../hf/viewerApi';
import { browseCorpus, type ViewerStatusCache } from './browseCorpus';
import { hfDepsOf, type CorporaContext, type CorpusPage, type CorpusRow } from './corporaContext';

const SCAN_CHUNK = 2_000;

export interface PageRequest {
  offset: number;
  length: number;
}

async function searchLocal(
  ctx: CorporaContext,
  corpus: CorpusRecord,
  query: RowQuery,
  page: PageRequest,
  signal: AbortSignal,
): Promise<CorpusPage> {
  const matches = compileRowQuery(query);
  const rows: CorpusRow[] = [];
  let total = 0;
  await forEachCorpusChunk(ctx.db, corpus.id, SCAN_CHUNK, (chunk) => {
    if (signal.aborted) throw new AppError('aborted', 'Cancelled.');
    for (const { rowIdx, row } of chunk) {
      if (!matches(row)) continue;
      if (total >= page.offset && rows.length < page.length) {
        rows.push({ rowIdx, row, truncatedCells: [] });
      }
      total += 1;
    }
    return 'continue';
  });
  return {
    source: 'local',
    corpusId: corpus.id,
    features: featuresFromColumns(corpus.columns),
    rows,
    total,
    offset: page.offset,
  };
}

function cannot(what: string): AppError {
  return new AppError('bad_request', `The dataset viewer cannot ${what} this dataset.`, {
    nextStep: 'Load the whole split to search it in the browser, or browse it page by page.',
  });
}

function remotePage(reply: RowsPage, page: PageRequest, note: string): CorpusPage {
  return {
    source: 'remote',
    corpusId: null,
    features: reply.features.map((f) => toCorpusFeature(f.name, f.type)),
    rows: reply.rows,
    total: reply.numRowsTotal,
    offset: page.offset,
    note,
  };
}

async function searchRemote(
  ctx: CorporaContext,
  statuses: ViewerStatusCache,
  request: { target: CorpusTarget; query: RowQuery; page: PageRequest },
  signal: AbortSignal,
): Promise<CorpusPage> {
  const { target, query, page } = request;
  const text = query.text.trim();
  if (text !== '' && query.filters.length > 0) {
    throw new AppError('bad_request', 'The dataset viewer searches or filters, not both at once.', {
      nextStep: 'Clear the search text or the filters, or load the whole split to combine them.',
    });
  }
  const deps = await hfDepsOf(ctx);
  const status = await statuses.get(deps, target.dataset, signal);
  const rowsQuery = { ...target, ...page };
  if (text !== '') {
    if (!status.search) throw cannot('search');
    const reply = await searchRows(deps, { ...rowsQuery, query: text }, signal);
    return remotePage(
      reply,
      page,
      'The viewer’s full-text search (whole words, all text columns).',
    );
  }
  if (!status.filter) throw cannot('filter');
  const where = filtersToWhere(query.filters);
  if ('problem' in where) {
    throw new AppError('bad_request', where.problem, {
      nextStep: 'Use "equals", or load the whole split to filter by "contains".',
    });
  }
  const reply = await filterRows(deps, { ...rowsQuery, where: where.where }, signal);
  return remotePage(reply, page, 'The viewer’s filter (whole-value comparison).');
}

/** Searches the loaded copy when there is one, else the viewer; an empty query is a plain page. */
export async function searchCorpus(
  ctx: CorporaContext,
  statuses: ViewerStatusCache,
  request: { target: CorpusTarget; query: RowQuery; page: PageRequest },
  signal: AbortSignal,
): Promise<CorpusPage> {
  const { target, query, page } = request;
  if (isEmptyQuery(query)) return browseCorpus(ctx, target, page.offset, page.length, signal);
  const loaded = await findReadyCorpus(ctx.db, target);
  if (loaded !== undefined) return searchLocal(ctx, loaded, query, page, signal);
  return searchRemote(ctx, statuses, request, signal);
}
