// A one-sentence "what was decided": first sentence of the Decision section, else of the body.

import type { AdrSection } from '../model.ts';
import { scanMarkdown, stripInlineComments } from '../markdown/scan.ts';

// Line-based on purpose: remark costs milliseconds per file, too slow for thousands of ADRs
// on the check path (see Lore's decision record on scanning markdown by lines).

export const SUMMARY_MAX = 200;

const LIST_ITEM = /^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)/;
const TABLE_OR_RULE = /^\s*\||^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Plain text of the first paragraph (or first list item) that has any text. */
export function firstParagraph(markdown: string): string | null {
  const scan = scanMarkdown(markdown);
  const headingLines = new Set<number>();
  for (const h of scan.headings) for (let i = h.start; i <= h.end; i++) headingLines.add(i);
  let parts: string[] = [];
  let size = 0;
  const flush = (): string | null => {
    const text = markdownToPlainText(parts.join(' '));
    parts = [];
    size = 0;
    return text === '' ? null : text;
  };
  for (let i = 0; i < scan.lines.length; i++) {
    const line = scan.lines[i]!;
    const text = line.text.replace(/^(?: {0,3}>[ \t]?)+/, '');
    const blocked = line.code || line.comment || headingLines.has(i) || TABLE_OR_RULE.test(text);
    const item = LIST_ITEM.exec(text);
    if (blocked || text.trim() === '' || (item && parts.length > 0)) {
      const found = parts.length > 0 ? flush() : null;
      if (found !== null) return found;
      if (blocked || text.trim() === '') continue;
    }
    parts.push(item ? text.slice(item[0].length) : text);
    size += text.length;
    // The summary is one sentence of at most SUMMARY_MAX characters: a huge paragraph need not be read whole.
    if (size > PARAGRAPH_MAX) {
      const found = flush();
      if (found !== null) return found;
    }
  }
  return parts.length > 0 ? flush() : null;
}

const PARAGRAPH_MAX = 64 * 1024;

/** Plain text of inline markdown: links → their text, no emphasis, code marks or HTML. */
export function markdownToPlainText(markdown: string): string {
  const code: string[] = [];
  let text = stripInlineComments(markdown).replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, body: string) => {
    code.push(body.trim());
    return `\u0000${code.length - 1}\u0000`;
  });
  text = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([\s\S]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([\s\S]*?\S)_(?!\w)/g, '$1$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\u0000(\d+)\u0000/g, (_m, n: string) => code[Number(n)] ?? '');
  return collapse(text);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const ABBREVIATIONS = new Set(['e.g.', 'i.e.', 'etc.', 'vs.', 'cf.', 'approx.', 'incl.', 'no.', 'esp.', 'resp.']);

const SENTENCE_END = /[.!?](?=["'”’)\]]*(?:\s+[^\s\p{Ll}]|\s*$))/gu;
const CLOSING = /["'”’)\]]*/y;

/**
 * Where the sentence starting at `from` ends: just past the first `.`, `!` or `?` (and any closing
 * quotes or brackets) that is followed by the end or by a space and a non-lower-case word, skipping
 * abbreviations. -1 when the sentence runs to the end of the text.
 */
export function sentenceEnd(text: string, from = 0): number {
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const word = (/\S+$/.exec(text.slice(from, m.index + 1))?.[0] ?? '').toLowerCase().replace(/^[("'“‘[]+/, '');
    if (m[0] === '.' && ABBREVIATIONS.has(word)) continue;
    CLOSING.lastIndex = m.index + 1;
    return m.index + 1 + CLOSING.exec(text)![0].length;
  }
  return -1;
}

/** The first sentence of `text` (see `sentenceEnd`), trimmed. */
export function firstSentence(text: string): string {
  const end = sentenceEnd(text);
  return (end < 0 ? text : text.slice(0, end)).trim();
}

/** Cuts at a word boundary and adds `…` so the result has at most `max` characters. */
export function clampText(text: string, max = SUMMARY_MAX): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.search(/\s\S*$/);
  const cut = (space > 0 ? head.slice(0, space) : head).replace(/[\s,;:.–—-]+$/, '');
  return `${cut}…`;
}

const ABSTRACT_HEADINGS = new Set(['abstract', 'summary', 'tl;dr', 'tldr', 'overview']);
const NOISE_HEADINGS = new Set(['changelog', 'change log', 'history', 'revision history', 'revisions', 'updates']);

function headingKey(heading: string): string {
  return heading.replace(/[*_`]/g, '').replace(/:\s*$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Sections such as `## Changelog` whose text never says what was decided. */
export function isNoiseHeading(heading: string): boolean {
  return NOISE_HEADINGS.has(headingKey(heading));
}

export interface SummaryInput {
  sections: AdrSection[];
  /** Body markdown with metadata lines (title, header fields, status section, changelog) blanked out; only called when needed. */
  bodyWithoutMetadata: () => string;
  /** Front-matter `summary`, if any. */
  declared: string | null;
  title: string;
}

export function summarize(input: SummaryInput): string {
  if (input.declared !== null) {
    const text = markdownToPlainText(input.declared);
    if (text !== '') return clampText(text);
  }
  for (const section of input.sections) {
    if (section.role !== 'decision') continue;
    const paragraph = firstParagraph(section.markdown);
    if (paragraph !== null) return clampText(firstSentence(paragraph));
  }
  for (const section of input.sections) {
    if (!ABSTRACT_HEADINGS.has(headingKey(section.heading))) continue;
    const paragraph = firstParagraph(section.markdown);
    if (paragraph !== null) return clampText(firstSentence(paragraph));
  }
  const paragraph = firstParagraph(input.bodyWithoutMetadata());
  if (paragraph !== null) return clampText(firstSentence(paragraph));
  return clampText(input.title);
}
