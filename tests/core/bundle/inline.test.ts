import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stripInlineComments } from '../../../src/core/markdown/scan.ts';
import { code, inline, isInlineStable } from '../../../src/core/bundle/inline.ts';

const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;

/** The reference: every pass, whatever the text (how `inline` worked before its shortcut for plain text). */
function fullInline(markdown: string): string {
  const collapsed = stripInlineComments(markdown).replace(/\s+/g, ' ').trim();
  const spans: string[] = [];
  const masked = collapsed.replace(CODE_SPAN, (m) => {
    spans.push(m);
    return `\u0000${spans.length - 1}\u0000`;
  });
  return masked
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[((?:[^\[\]\\]|\\.)*)\]\([^)]*\)/g, '$1')
    .replace(/\[((?:[^\[\]\\]|\\.)*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^<>]*>/g, (tag) => code(tag))
    .replace(/\u0000(\d+)\u0000/g, (_m, n: string) => spans[Number(n)] ?? '');
}

describe('inline', () => {
  it('gives back plain text as it is, and rewrites the rest as before', () => {
    const cases = ['Use `x` and e.g. this.', 'a  b', ' a', 'a ', 'a\tb', '[t](u) and <b>', '<!-- c --> x', 'x \u0000 y', 'é 😀 `a`b`', ''];
    for (const c of cases) expect(inline(c), c).toBe(fullInline(c));
    expect(isInlineStable('Use `x` here.')).toBe(true);
    expect(isInlineStable('Use [x](y).')).toBe(false);
  });

  it('matches the full rewrite on generated text', () => {
    const piece = fc.constantFrom('a', 'B', ' ', '  ', '\n', '\t', '\u00a0', '`', '``', '[', ']', '(', ')', '!', '<', '>', '<b>', '</i>', '<!--', '-->', '<https://x.dev>', '\u0000', '0', '\\', 'é', '😀');
    const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(inline(t)).toBe(fullInline(t));
        if (isInlineStable(t)) expect(fullInline(t)).toBe(t);
      }),
      { numRuns: 5000 },
    );
  });
});
