import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { finish, finishedLines, finishedLinesAtLeast, measure, measureLines } from '../../../src/core/bundle/budget.ts';

describe('measuring lines before they are joined', () => {
  it('counts what measure(finish(lines)) counts', () => {
    const cases = [[], [''], ['', ' \t'], ['a'], ['a', '', ''], ['a\nb', 'c', '\u00a0'], ['é😀', '\uD800', 'x\n'], ['\n'], ['a', ' ', 'b', '  ']];
    for (const lines of cases) {
      expect(measureLines(lines)).toEqual(measure(finish(lines)));
      expect(finishedLines(lines)).toBe(measure(finish(lines)).lines);
    }
  });

  it('counts what measure(finish(lines)) counts, on generated lines', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '\t', '', '\u00a0', 'é', '😀', '\uD800', '\uDC00', '\u2028', '\r');
    const line = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        expect(measureLines(lines)).toEqual(measure(finish(lines)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the cheap lower bound of the line count', () => {
  it('never says more lines than there are', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '', '\u00a0');
    const line = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        expect(finishedLinesAtLeast(lines)).toBeLessThanOrEqual(measure(finish(lines)).lines);
      }),
      { numRuns: 2000 },
    );
    expect(finishedLinesAtLeast(['a', 'b\nc', ''])).toBe(2);
  });
});
