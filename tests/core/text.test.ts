import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodePoints } from '../../src/core/text.ts';

/** The definition: compare the strings code point by code point (a lone surrogate is its own value). */
function reference(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return Math.sign(x.length - y.length);
}

// Units around the places where UTF-16 order and code-point order part: ASCII, the top of the
// BMP (above the surrogates), surrogate pairs, and lone surrogates.
const unit = fc.constantFrom('a', 'b', 'z', '\u00e9', '\ud7ff', '\ue000', '\uffff', '\ud83d\ude00', '\ud800\udc00', '\udbff\udfff', '\ud800', '\udc00');
const text = fc.array(unit, { maxLength: 6 }).map((parts) => parts.join(''));

describe('compareCodePoints', () => {
  it('orders by code point, not by UTF-16 unit', () => {
    expect(compareCodePoints('\ud83d\ude00', '\uffff')).toBeGreaterThan(0); // U+1F600 after U+FFFF
    expect('\ud83d\ude00' < '\uffff').toBe(true); // what plain string order says
    expect(compareCodePoints('ab', 'abc')).toBe(-1);
    expect(compareCodePoints('b', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });

  it('agrees in sign with comparing code point by code point', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(reference(a, b)));
      }),
      { numRuns: 5000 },
    );
  });
});
