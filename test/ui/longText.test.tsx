// Long untrusted texts render as a preview (#10) and never as markup.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LongText, PREVIEW_CHARS } from '../../src/ui/components/LongText';
import {
  MARKDOWN_MAX_CHARS,
  MarkdownView,
} from '../../src/ui/components/results/detail/MarkdownView';

const EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">';
const render = (element: React.ReactElement) => renderToString(element).replaceAll('<!-- -->', '');

describe('LongText', () => {
  it('shows a short text whole, as text', () => {
    const html = render(<LongText text={EVIL} testId="t" />);
    expect(html).toMatch(/^<pre class="text-block" data-testid="t">/);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).not.toContain('Show all');
  });

  it('shows the beginning of a long text, says how much is left out, and offers the rest', () => {
    const text = `${EVIL}\n${'x'.repeat(10 * 1024 * 1024)}\nTHE END`;
    const html = render(<LongText text={text} testId="t" />);
    expect(html.length).toBeLessThan(PREVIEW_CHARS + 2_000);
    expect(html).toContain(`Showing the first ${PREVIEW_CHARS.toLocaleString('en-US')} of 10,485,`);
    expect(html).toContain('Show all');
    expect(html).not.toContain('THE END');
    expect(html).not.toMatch(/<script|<img/);
  });
});

describe('MarkdownView', () => {
  it('does not parse Markdown above its limit, says so, and shows a preview', () => {
    const text = `# Title\n\n${'**bold** '.repeat(MARKDOWN_MAX_CHARS / 8)}`;
    const html = render(<MarkdownView text={text} testId="r" />);
    expect(html).toContain('Too long to render as Markdown');
    expect(html).not.toContain('<h1>');
    expect(html).not.toContain('<strong>');
    expect(html).toContain('Showing the first');
  });
});
