import { Component, lazy, Suspense, type ReactNode } from 'react';
import { LongText } from '../../LongText';

const SafeMarkdown = lazy(() =>
  import('./SafeMarkdown').then((m) => ({ default: m.SafeMarkdown })),
);

/**
 * Above this size Markdown is not parsed: parsing and rendering take the main thread for about a
 * second per 100,000 characters (#10), and the plain text shows the same content.
 */
export const MARKDOWN_MAX_CHARS = 50_000;

const integer = new Intl.NumberFormat('en-US');

interface MarkdownViewProps {
  text: string;
  testId?: string | undefined;
}

/** Untrusted Markdown, rendered without raw HTML; plain text while loading, if rendering fails, or when long. */
export function MarkdownView({ text, testId }: MarkdownViewProps) {
  const plain = <LongText text={text} testId={testId} />;
  if (text.length > MARKDOWN_MAX_CHARS) {
    return (
      <>
        <p className="small muted">
          Too long to render as Markdown ({integer.format(text.length)} characters; the limit is{' '}
          {integer.format(MARKDOWN_MAX_CHARS)}): shown as plain text.
        </p>
        {plain}
      </>
    );
  }
  return (
    <PlainOnError fallback={plain}>
      <Suspense fallback={plain}>
        <div className="markdown-body" data-testid={testId}>
          <SafeMarkdown text={text} />
        </div>
      </Suspense>
    </PlainOnError>
  );
}

interface PlainOnErrorProps {
  fallback: ReactNode;
  children: ReactNode;
}

/** Falls back to plain text when the chunk fails to load (offline, stale deploy) or the parser throws on a hostile input. */
class PlainOnError extends Component<PlainOnErrorProps, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true };
  }

  override render() {
    return this.state.hasFailed ? this.props.fallback : this.props.children;
  }
}
