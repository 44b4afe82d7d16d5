import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodePoints } from '../../../src/core/text.ts';
import { sortCodePoints, sortedByCodePoints } from '../../../src/core/bundle/order.ts';

// Characters around the places where UTF-16 order and code-point order part: surrogates and U+E000–U+FFFF.
const char = fc.constantFrom('a', 'b', 'A', '\u0000', 'é', '\uD7FF', '\uE000', '\uFFFF', '\uFF5E', '😀', '😁', '\u{10FFFF}', '\uD800', '\uDC00', '\uDBFF');
const text = fc.array(char, { maxLength: 6 }).map((c) => c.join(''));

describe('code-point order helpers', () => {
  it('sort as a stable sort by compareCodePoints does', () => {
    const item = fc.record({ key: text, id: fc.nat() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const expected = [...items].sort((a, b) => compareCodePoints(a.key, b.key));
        const got = sortedByCodePoints(items, (x) => x.key);
        expect(got).toEqual(expected);
        expect(got).not.toBe(items);
        expect(sortCodePoints(items.map((x) => x.key))).toEqual(expected.map((x) => x.key));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves an already sorted list in its order (ties too)', () => {
    const items = [{ k: 'a', n: 2 }, { k: 'a', n: 1 }, { k: 'b', n: 0 }];
    expect(sortedByCodePoints(items, (x) => x.k).map((x) => x.n)).toEqual([2, 1, 0]);
  });
});
