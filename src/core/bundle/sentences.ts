// Splitting a paragraph of inline Markdown (already passed through `inline`) into sentences.
import { sentenceEnd } from '../adr/summary.ts';
import { CODE_SPAN, PLACEHOLDER, firstSentenceOf, isInlineStable } from './inline.ts';

/** Sentences of a paragraph, as Markdown: what `firstSentenceOf` takes off the front, again and again. */
export function sentences(paragraph: string): string[] {
  return isInlineStable(paragraph) ? sentencesInOnePass(paragraph) : sentencesByPeeling(paragraph);
}

/** The first sentence only (equal to `firstSentenceOf(paragraph)` for text `inline` already gave back). */
export function firstSentenceOfInline(paragraph: string): string {
  return isInlineStable(paragraph) ? (sentencesInOnePass(paragraph, 1)[0] ?? '') : firstSentenceOf(paragraph);
}

/** The general case: re-reads the rest of the paragraph for every sentence. */
export function sentencesByPeeling(paragraph: string): string[] {
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
 * scanning for sentence ends (`sentenceEnd`, the rule of `firstSentence`) gives the same cuts as peeling.
 */
function sentencesInOnePass(paragraph: string, limit = Number.POSITIVE_INFINITY): string[] {
  const spans: string[] = [];
  const masked = paragraph.replace(CODE_SPAN, (m) => {
    spans.push(m);
    return `\u0000${spans.length - 1}\u0000`;
  });
  const unmask = (text: string): string => text.replace(PLACEHOLDER, (_m, n: string) => spans[Number(n)] ?? '');
  const out: string[] = [];
  let start = 0;
  while (out.length < limit && start < masked.length) {
    const cut = sentenceEnd(masked, start);
    if (cut < 0) {
      out.push(unmask(masked.slice(start)));
      break;
    }
    out.push(unmask(masked.slice(start, cut)));
    start = cut + 1;
  }
  return out;
}
