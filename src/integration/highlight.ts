// Python source → highlighted HTML at build time, with the same parser the readers use
// (@lezer/python). Much faster than a TextMate highlighter on thousands of migration pages, and
// themed with CSS classes (`tok-keyword`, `tok-string`, …) for light and dark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@lezer/python';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { decodeText } from '../core/text.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

export interface HighlightedSource {
  /** One `<span class="line" id="L<n>">` per line; every character of the source is escaped. */
  html: string;
  lines: number;
}

export function highlightPython(source: string): HighlightedSource {
  const text = source.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const tree = parser.parse(text);
  const lines: string[] = [];
  let current = '';
  highlightCode(
    text,
    tree,
    classHighlighter,
    (code, classes) => {
      current += classes ? `<span class="${classes}">${escapeHtml(code)}</span>` : escapeHtml(code);
    },
    () => {
      lines.push(current);
      current = '';
    },
  );
  lines.push(current);
  return {
    html: lines.map((l, i) => `<span class="line" id="L${i + 1}">${l}</span>`).join('\n'),
    lines: lines.length,
  };
}

/** The highlighted source of a repository file, or null when it cannot be read. */
export function highlightFile(root: string, path: string): HighlightedSource | null {
  try {
    return highlightPython(decodeText(readFileSync(join(root, path))).text);
  } catch {
    return null;
  }
}
