// Renders untrusted Markdown (model responses, judge replies) safely. This module is only ever loaded
// lazily (MarkdownView), which keeps react-markdown out of the initial bundle.
import type { ComponentProps } from 'react';
import Markdown, { defaultUrlTransform, type Components, type ExtraProps } from 'react-markdown';
import { remarkAnswerTags } from './remarkAnswerTags';

// No raw HTML: no rehype-raw, and `skipHtml` drops HTML nodes entirely (the Raw view shows the exact
// text). URLs go through react-markdown's default transform, which blanks `javascript:`, `data:` and
// every other protocol outside http(s), mailto, tel, irc(s) and xmpp. The one exception to dropping
// HTML: `<answer>` tags are shown as text (remarkAnswerTags), since they are what a reply is scored by.

function SafeLink({ href, children }: ComponentProps<'a'> & ExtraProps) {
  // A blanked (unsafe) or missing URL keeps its text but is no link.
  if (href === undefined || href === '') return <span className="md-dead-link">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

/** An image is shown as its alt text and URL, never fetched: a URL in a model's answer must not make the browser request it. */
function ImageAsText({ src, alt }: ComponentProps<'img'> & ExtraProps) {
  const label = alt === undefined || alt === '' ? '[image]' : `[image: ${alt}]`;
  const url = typeof src === 'string' && src !== '' ? ` (${src})` : '';
  return <span className="md-image">{label + url}</span>;
}

const COMPONENTS: Components = { a: SafeLink, img: ImageAsText };
const REMARK_PLUGINS = [remarkAnswerTags];

export function SafeMarkdown({ text }: { text: string }) {
  return (
    <Markdown
      skipHtml
      urlTransform={defaultUrlTransform}
      components={COMPONENTS}
      remarkPlugins={REMARK_PLUGINS}
    >
      {text}
    </Markdown>
  );
}
