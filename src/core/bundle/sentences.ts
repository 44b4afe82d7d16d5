// Splitting a paragraph of inline Markdown (already passed through `inline`) into sentences.
import { firstSentenceOf, isInlineStable } from './inline.ts';

const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const PLACEHOLDER = /\u0000(\d+)\u0000/g;
const ABBREVIATIONS = new Set(['e.g.', 'i.e.', 'etc.', 'vs.', 'cf.', 'approx.', 'incl.', 'no.', 'esp.', 'resp.']);

/** Sentences of a paragraph, as Markdown: what `firstSentenceOf` takes off the front, again and again. */
export function sentences(paragraph: string): string[] {
  return isInlineStable(paragraph) ? sentencesInOnePass(paragraph) : sentencesByPeeling(paragraph);
}

/** The first sentence only (equal to `firstSentenceOf(paragraph)` for text `inline` already gave back). */
export function firstSentenceOfInline(paragraph: string): string {
  return isInlineStable(paragraph) ? (sentencesInOnePass(paragraph, 1)[0] ?? '') : firstSentenceOf(paragraph);
}

/** The general case: re-reads the rest of the paragraph for every sentence. */
function sentencesByPeeling(paragraph: string): string[] {
  const out: string[] = [];
  let rest = paragraph;
  while (rest.trim() !== '') {
    const s = firstSentenceOf(rest);
    if (s === '' || s.length >= rest.length) {
      out.push(rest.trim());
      break;
    }
    const at = rest.indexOf(s);
    if (at < 0) {
      out.push(rest.trim());
      break;
    }
    out.push(s);
    rest = rest.slice(at + s.length);
  }
  return out;
}

/**
 * For stable text (see `isInlineStable`) `inline(rest)` is `rest.trim()`, and every cut falls
 * outside code spans and before a space, so masking the code spans of the whole paragraph once and
 * scanning for sentence ends once gives the same cuts as peeling (the rule of `firstSentence`).
 */
function sentencesInOnePass(paragraph: string, limit = Number.POSITIVE_INFINITY): string[] {
  const spans: string[] = [];
  const masked = paragraph.replace(CODE_SPAN, (m) => {
    spans.push(m);
    return `\u0000${spans.length - 1}\u0000`;
  });
  const unmask = (text: string): string => text.replace(PLACEHOLDER, (_m, n: string) => spans[Number(n)] ?? '');
  const out: string[] = [];
  const end = /[.!?](?=["'”’)\]]*(?:\s+[^\s\p{Ll}]|\s*$))/gu;
  const closing = /["'”’)\]]*/y;
  let start = 0;
  for (let m = end.exec(masked); m && out.length < limit; m = end.exec(masked)) {
    if (m[0] === '.' && isAbbreviation(masked, start, m.index)) continue;
    closing.lastIndex = m.index + 1;
    const cut = m.index + 1 + closing.exec(masked)![0].length;
    out.push(unmask(masked.slice(start, cut)));
    start = cut + 1;
    end.lastIndex = start;
  }
  if (out.length < limit && start < masked.length) out.push(unmask(masked.slice(start)));
  return out;
}

/** The word ending at the `.` at `dot` (not reaching before `from`), as `firstSentence` checks it. */
function isAbbreviation(text: string, from: number, dot: number): boolean {
  let i = dot;
  while (i > from && text[i - 1] !== ' ') i--;
  const word = text.slice(i, dot + 1).toLowerCase().replace(/^[("'“‘[]+/, '');
  return ABBREVIATIONS.has(word);
}
