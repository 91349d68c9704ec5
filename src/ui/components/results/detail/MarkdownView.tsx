import { Component, lazy, Suspense, type ReactNode } from 'react';

const SafeMarkdown = lazy(() => import('./SafeMarkdown'));

/**
 * Above this size Markdown is not parsed: a megabyte-long reply would block the main thread, and the
 * plain text shows the same content.
 */
export const MARKDOWN_MAX_CHARS = 200_000;

interface MarkdownViewProps {
  text: string;
  testId?: string;
}

/** Untrusted Markdown, rendered without raw HTML; plain text while loading or if rendering fails. */
export function MarkdownView({ text, testId }: MarkdownViewProps) {
  const plain = (
    <pre className="text-block" data-testid={testId}>
      {text}
    </pre>
  );
  if (text.length > MARKDOWN_MAX_CHARS) return plain;
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
