// Inline Markdown for bundle lines: one line, no HTML, code spans kept, links reduced to their text.
import { stripInlineComments } from '../markdown/scan.ts';
import { firstSentence } from '../adr/summary.ts';

export const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
export const PLACEHOLDER = /\u0000(\d+)\u0000/g;

/** Runs `fn` on the text outside code spans; code spans come back unchanged. */
function outsideCode(text: string, fn: (prose: string) => string): string {
  const spans: string[] = [];
  const masked = text.replace(CODE_SPAN, (m) => {
    spans.push(m);
    return `\u0000${spans.length - 1}\u0000`;
  });
  return fn(masked).replace(PLACEHOLDER, (_m, n: string) => spans[Number(n)] ?? '');
}

/** A code span that survives backticks inside the value. */
export function code(value: string): string {
  const runs = value.match(/`+/g) ?? [];
  const longest = runs.reduce((n, r) => Math.max(n, r.length), 0);
  const ticks = '`'.repeat(longest + 1);
  const pad = longest > 0 || value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${value}${pad}${ticks}`;
}

/**
 * Text `inline` gives back unchanged, and so (up to `trim`) every piece of it: single spaces only,
 * none at either end, and nothing a link, tag, comment or code-span placeholder starts with.
 */
const UNSTABLE = /[[<\u0000]|[^\S ]| {2}|^ | $/;

export function isInlineStable(text: string): boolean {
  return !UNSTABLE.test(text);
}

/**
 * One line of agent-facing Markdown from a source snippet: whitespace collapsed, links and images
 * reduced to their text, HTML comments dropped, and anything tag-like outside code turned into a
 * code span so the bundle holds no HTML.
 */
export function inline(markdown: string): string {
  if (isInlineStable(markdown)) return markdown;
  const collapsed = stripInlineComments(markdown).replace(/\s+/g, ' ').trim();
  return outsideCode(collapsed, (prose) =>
    prose
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[((?:[^\[\]\\]|\\.)*)\]\([^)]*\)/g, '$1')
      .replace(/\[((?:[^\[\]\\]|\\.)*)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/<\/?[A-Za-z][^<>]*>/g, (tag) => code(tag)),
  );
}

/** Removes ` (…)` asides outside code spans: `the features we need (JSONB, …) are` → `the features we need are`. */
export function dropAsides(text: string): string {
  return outsideCode(text, (prose) => prose.replace(/\s*\([^()]*\)/g, '')).replace(/\s+([,;:.])/g, '$1');
}

/** Cuts at a word boundary so the result has at most `max` characters, ending in `…`; never leaves a code span open. */
export function clampInline(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  let head = chars.slice(0, max - 1).join('');
  const space = head.search(/\s\S*$/);
  if (space > 0) head = head.slice(0, space);
  // A clause boundary near the end reads better than a word cut mid-clause.
  const clause = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', '), head.lastIndexOf(' — '));
  if (clause > head.length * 0.6) head = head.slice(0, clause);
  // An odd number of backticks means a code span was cut: end before it.
  if ((head.match(/`/g) ?? []).length % 2 === 1) head = head.slice(0, head.lastIndexOf('`'));
  return `${head.replace(/[\s,;:.(–—-]+$/, '')}…`;
}

export function capitalize(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  return ch.toUpperCase() + text.slice(ch.length);
}

/** First sentence of a Markdown snippet, kept as Markdown (code spans are not split). */
export function firstSentenceOf(markdown: string): string {
  const spans: string[] = [];
  const masked = inline(markdown).replace(CODE_SPAN, (m) => {
    spans.push(m);
    return `\u0000${spans.length - 1}\u0000`;
  });
  return firstSentence(masked).replace(PLACEHOLDER, (_m, n: string) => spans[Number(n)] ?? '');
}

/** Ends a line of prose with a full stop unless it already ends with punctuation or `…`. */
export function withStop(text: string): string {
  return /[.!?…:)`"”']$/.test(text) ? text : `${text}.`;
}

/** Fits text into `max` characters: asides go first, then the tail is cut. */
export function shorten(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const plain = dropAsides(text);
  return [...plain].length <= max ? plain : clampInline(plain, max);
}
