import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffLines } from '../../../src/core/bundle/diff.ts';
import { unifiedDiff } from '../../../src/core/bundle/index.ts';

/** Applies a unified diff produced by unifiedDiff to `old` (test oracle). */
function patch(old: string, diff: string): string {
  const a = old === '' ? [] : old.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let i = 0;
  const lines = diff.replace(/\n$/, '').split('\n').slice(2);
  for (const l of lines) {
    const h = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(l);
    if (h) {
      const start = Number(h[2]) === 0 ? Number(h[1]) : Number(h[1]) - 1;
      while (i < start) out.push(a[i++]!);
      continue;
    }
    if (l.startsWith(' ')) out.push(a[i++]!);
    else if (l.startsWith('-')) i++;
    else if (l.startsWith('+')) out.push(l.slice(1));
  }
  while (i < a.length) out.push(a[i++]!);
  return out.length ? `${out.join('\n')}\n` : '';
}

describe('unifiedDiff', () => {
  it('is empty for equal texts and shows a small change with context', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'a/x', 'b/x')).toBe('');
    const text = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n') + '\n';
    const d = unifiedDiff(text, text.replace('5', 'five'), 'a/x', 'b/x');
    expect(d).toBe(['--- a/x', '+++ b/x', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', ''].join('\n'));
  });

  it('marks a missing file and a missing final newline', () => {
    expect(unifiedDiff(null, 'x\n', 'a/f', 'b/f')).toBe('--- /dev/null\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n');
    expect(unifiedDiff('x', 'x\n', 'a/f', 'b/f')).toContain('-x\n\\ No newline at end of file\n+x\n');
  });

  it('round-trips: applying the diff to the old text gives the new one, and the edit script is minimal-ish', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const old = x.length ? `${x.join('\n')}\n` : '';
        const next = y.length ? `${y.join('\n')}\n` : '';
        expect(patch(old, unifiedDiff(old, next, 'a', 'b'))).toBe(next);
        const edits = diffLines(x, y);
        expect(edits.filter((e) => e.op !== '+').map((e) => e.line)).toEqual(x);
        expect(edits.filter((e) => e.op !== '-').map((e) => e.line)).toEqual(y);
        expect(edits.filter((e) => e.op !== ' ').length).toBeLessThanOrEqual(x.length + y.length);
      }),
      { numRuns: 500 },
    );
  });
});
