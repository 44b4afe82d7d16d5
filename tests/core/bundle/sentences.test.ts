import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstSentenceOf, inline } from '../../../src/core/bundle/inline.ts';
import { firstSentenceOfInline, sentences, sentencesByPeeling } from '../../../src/core/bundle/sentences.ts';

// The reference: take `firstSentenceOf` off the front until nothing is left (how sentences were
// split before the one-pass splitter).
const peel = sentencesByPeeling;

const CASES = [
  'We will use X. It is fast! Is it safe? Yes.',
  'Use `a. B` spans. They hold `x.y()` calls. Then `` a ` b `` double ticks. End',
  'Unclosed `tick. Then more. And ``two` mixed`` runs. Done.',
  'Prefer e.g. PostgreSQL over i.e. MySQL, etc. Then stop. No. 5 is fine vs. Six.',
  'He said "Stop." Then left. (See the ADR.) Next one. [Bracket.] More… And “quoted.” Last’s.',
  'Ellipsis… Then more... And lower. case after a stop. Numbers 3.14 and v1.2 stay. Fin.',
  'See [the docs](http://x.dev/a.b) first. Then <b>bold</b> text. <https://x.dev/y.z> works.',
  'A link [a [b](c)](d) nested. Then ![img.](p.png) Image. Done.',
  'Spaces  doubled. Here\ttab. And\nnewline. Trailing ',
  ' Leading space. Second.',
  'Comment <!-- a. B --> here. After.',
  'Placeholder \u00001\u0000 text. Again \u0000x\u0000. Ok.',
  'Surrogates 😀. Next 😀! Done? Yes.',
  'no end at all',
  '',
  '.',
  'A. B. C.',
  'Dots `.` and `!` and `?` inside. Out.',
  'Is `a` b? `C` starts. `d` lower. E',
  'Q: "Why?" Because. (Really.) ‘Yes.’ [No.] End.',
];

describe('sentences', () => {
  it('gives the sentences peeling gave, on hand-picked text', () => {
    for (const text of [...CASES, ...CASES.map((c) => inline(c))]) {
      expect(sentences(text), text).toEqual(peel(text));
      expect(firstSentenceOfInline(text), text).toBe(firstSentenceOf(text));
    }
  });

  it('splits plainly', () => {
    expect(sentences('We use `a.b`. Then e.g. this one! Why? Because.')).toEqual(['We use `a.b`.', 'Then e.g. this one!', 'Why?', 'Because.']);
  });

  it('gives the sentences peeling gave, on generated text', () => {
    const token = fc.constantFrom(
      'a', 'B', 'word', 'Word', 'e.g.', 'etc.', 'No.', 'i.e.', ' ', ' ', ' ', '  ', '\n', '.', '!', '?', '…', '`', '``', '`x.`', '`Y`', '"', '”', '’', "'", ')', '(', ']', '[',
      '[t](u)', '[t.](u. v)', '<b>', '<!--', '-->', '<https://x.dev/a.b>', '\u0000', '0', 'é', 'É', '😀', '\u00a0',
    );
    const text = fc.array(token, { maxLength: 40 }).map((t) => t.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(sentences(t)).toEqual(peel(t));
        expect(firstSentenceOfInline(t)).toBe(firstSentenceOf(t));
        const p = inline(t);
        expect(sentences(p)).toEqual(peel(p));
        expect(firstSentenceOfInline(p)).toBe(firstSentenceOf(p));
      }),
      { numRuns: 3000 },
    );
  });
});
