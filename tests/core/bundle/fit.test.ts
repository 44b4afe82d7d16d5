import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { finish, fitKnobs, measure, type Step } from '../../../src/core/bundle/budget.ts';

interface K {
  a: number;
  b: number;
}

const steps: Step<K>[] = [
  { knob: 'a', floor: (f) => Math.min(2, f.a) },
  { knob: 'b', floor: () => 0 },
  { knob: 'a', floor: () => 0 },
];

/** A layout whose size grows with the knobs; some lines hold line breaks, some are long. */
function layout(seed: number[]) {
  return (k: K): string[] => {
    const lines = ['# Title', ''];
    for (let i = 0; i < k.a; i++) lines.push(`- a${i}${seed[i % seed.length]! % 3 === 0 ? '\nwrapped' : ''}`);
    for (let i = 0; i < k.b; i++) lines.push(`- b${i} ${'é'.repeat(seed[(i + 1) % seed.length]! % 7)}`);
    lines.push('', '');
    return lines;
  };
}

describe('fitKnobs with a lower bound of the line count', () => {
  it('picks the same layout as measuring every one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(20), { minLength: 1, maxLength: 8 }),
        fc.record({ a: fc.nat(30), b: fc.nat(30) }),
        fc.record({ maxLines: fc.integer({ min: 1, max: 80 }), maxBytes: fc.integer({ min: 10, max: 900 }) }),
        fc.nat(5),
        (seed, full, budget, slack) => {
          const draft = layout(seed);
          let measured = 0;
          const plain = fitKnobs(draft, full, budget, steps);
          // Any true lower bound: the element count, less some slack.
          const bound = (k: K): number => Math.max(0, draft(k).length - 2 - slack);
          const cheap = fitKnobs(
            (k) => {
              measured++;
              return draft(k);
            },
            full,
            budget,
            steps,
            bound,
          );
          expect(cheap).toEqual(plain);
          expect(cheap.content).toBe(finish(draft(cheap.knobs)));
          expect({ lines: cheap.lines, bytes: cheap.bytes }).toEqual(measure(cheap.content));
          expect(measured).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('does not lay out a text the bound already puts over the budget', () => {
    let drafts = 0;
    const draft = (k: K): string[] => {
      drafts++;
      return Array.from({ length: 10 + k.a + k.b }, (_v, i) => `line ${i}`);
    };
    const fit = fitKnobs(draft, { a: 5, b: 5 }, { maxLines: 3, maxBytes: 1000 }, steps, (k) => 10 + k.a + k.b);
    expect(fit.fits).toBe(false);
    expect(fit.knobs).toEqual({ a: 0, b: 0 });
    // Only the chosen layout, once, to write its text.
    expect(drafts).toBe(1);
  });
});
