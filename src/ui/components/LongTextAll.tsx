// The whole of a long text in a scroll box of fixed height, virtualised: only the pieces in view
// (core/text/longText: a line, or part of a very long one) are in the DOM. Loaded lazily by LongText.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { textPieces } from '../../core/text/longText';

/** A line longer than this is shown in pieces of this size (each a few dozen screen lines). */
const PIECE_CHARS = 2_000;
/** For the first estimate of a piece's height, before it is measured. */
const LINE_PX = 18;
const CHARS_PER_LINE = 80;

/** The whole text in a scroll box of fixed height; pieces are rendered as they scroll into view. */
export function LongTextAll({ text, className }: { text: string; className: string }) {
  const pieces = useMemo(() => textPieces(text, PIECE_CHARS), [text]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack's hook returns functions the React Compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: pieces.starts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const length = (pieces.ends[index] ?? 0) - (pieces.starts[index] ?? 0);
      return LINE_PX * Math.max(1, Math.ceil(length / CHARS_PER_LINE));
    },
    overscan: 6,
  });
  return (
    <div
      ref={scrollRef}
      className={`${className} long-text-all`}
      data-testid="long-text-all"
      role="region"
      aria-label="Full text"
      // A scrollable region must be reachable by keyboard to be scrolled (axe:
      // scrollable-region-focusable); jsx-a11y does not know the region scrolls.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      <div className="long-text-space" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="long-text-piece"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            {text.slice(pieces.starts[item.index], pieces.ends[item.index])}
          </div>
        ))}
      </div>
    </div>
  );
}
