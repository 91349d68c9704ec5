import { useMemo, useState, type KeyboardEvent } from 'react';
import type { RolloutRow } from '../../../../core/results/rolloutRow';

const PAGE = 20;
const NEEDS_REVIEW: ReadonlySet<string> = new Set(['unscored', 'error']);

export interface GridKeyboard {
  activeIndex: number;
  setActiveKey: (key: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * The active row of the results grid (announced through aria-activedescendant): ↑/↓, Page Up/Down,
 * Home/End move it, Enter opens it, `n` jumps to the next rollout that is unscored or failed.
 */
export function useGridKeyboard(
  rows: readonly RolloutRow[],
  openKey: string | null,
  onOpen: (key: string) => void,
  scrollToIndex: (index: number) => void,
): GridKeyboard {
  const [activeKey, setActiveKey] = useState<string | null>(openKey);
  const activeIndex = useMemo(() => {
    const wanted = activeKey ?? openKey;
    const index = wanted === null ? -1 : rows.findIndex((row) => row.key === wanted);
    return index === -1 ? Math.min(0, rows.length - 1) : index;
  }, [rows, activeKey, openKey]);

  const moveTo = (index: number) => {
    const row = rows[index];
    if (row === undefined) return;
    setActiveKey(row.key);
    scrollToIndex(index);
  };

  const nextNeedingReview = (): number => {
    for (let step = 1; step <= rows.length; step++) {
      const index = (activeIndex + step) % rows.length;
      if (NEEDS_REVIEW.has(rows[index]?.status ?? '')) return index;
    }
    return -1;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const last = rows.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(activeIndex + 1, last),
      ArrowUp: () => Math.max(activeIndex - 1, 0),
      PageDown: () => Math.min(activeIndex + PAGE, last),
      PageUp: () => Math.max(activeIndex - PAGE, 0),
      Home: () => 0,
      End: () => last,
      n: nextNeedingReview,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      moveTo(move());
    } else if (event.key === 'Enter') {
      const row = rows[activeIndex];
      if (row === undefined) return;
      event.preventDefault();
      onOpen(row.key);
    }
  };

  return { activeIndex, setActiveKey, onKeyDown };
}
