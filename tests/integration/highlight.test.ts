import { describe, it, expect } from 'vitest';
import { escapeHtml, highlightPython } from '../../src/integration/highlight.ts';

describe('highlightPython', () => {
  it('keeps every character, escaped, one anchored line per source line', () => {
    const source = 'def upgrade():\n    # <script>alert(1)</script>\n    op.execute("a & b < c")\n\n    return 1\n';
    const { html, lines } = highlightPython(source);
    expect(lines).toBe(5);
    expect([...html.matchAll(/<span class="line" id="L(\d+)">/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(html).not.toContain('<script');
    const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(text).toBe(source.replace(/\n$/, ''));
  });

  it('marks keywords, strings, comments and numbers', () => {
    const { html } = highlightPython('def f():\n    return "s"  # c\nx = 42\n');
    expect(html).toContain('<span class="tok-keyword">def</span>');
    expect(html).toContain('<span class="tok-string">&quot;s&quot;</span>');
    expect(html).toContain('<span class="tok-comment"># c</span>');
    expect(html).toContain('<span class="tok-number">42</span>');
  });

  it('escapeHtml escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
