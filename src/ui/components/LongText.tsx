// Shows untrusted text of any length without freezing the page (#10: a 10 MB reply laid out at once
// blocked the main thread 12 s). Up to PREVIEW_CHARS it is a plain block, as before; beyond, a
// preview with "Show all", which renders the whole text virtualised: only the lines in view are in
// the DOM (LongTextAll). Text only, never markup (React text nodes).
import { lazy, Suspense, useState } from 'react';
import { previewEnd } from '../../core/text/longText';

// The virtualised view (and @tanstack/react-virtual) loads only when someone asks for all of a long
// text, which keeps it out of the initial bundle.
const AllText = lazy(() => import('./LongTextAll').then((m) => ({ default: m.LongTextAll })));

/** Longer texts start as a preview; laying out this much takes a few milliseconds. */
export const PREVIEW_CHARS = 20_000;
const integer = new Intl.NumberFormat('en-US');

interface LongTextProps {
  text: string;
  testId?: string | undefined;
  /** Extra class for the text block (e.g. `small`). */
  className?: string;
}

export function LongText({ text, testId, className }: LongTextProps) {
  const [isAll, setIsAll] = useState(false);
  const blockClass = className === undefined ? 'text-block' : `text-block ${className}`;
  if (text.length <= PREVIEW_CHARS) {
    return (
      <pre className={blockClass} data-testid={testId}>
        {text}
      </pre>
    );
  }
  const shown = previewEnd(text, PREVIEW_CHARS);
  return (
    <div className="long-text" data-testid={testId}>
      {isAll ? (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <AllText text={text} className={blockClass} />
        </Suspense>
      ) : (
        <pre className={blockClass}>
          {text.slice(0, shown)}
          <span className="long-text-cut" aria-hidden="true">
            {' '}
            …
          </span>
        </pre>
      )}
      <p className="small muted long-text-bar">
        {isAll
          ? `All ${integer.format(text.length)} characters; only the lines in view are drawn.`
          : `Showing the first ${integer.format(shown)} of ${integer.format(text.length)} characters.`}{' '}
        <button
          type="button"
          className="link-button"
          data-testid="long-text-toggle"
          onClick={() => setIsAll((all) => !all)}
        >
          {isAll ? 'Show the beginning only' : 'Show all'}
        </button>{' '}
        <CopyButton text={text} />
      </p>
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className="link-button" onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy all'}
    </button>
  );
}
