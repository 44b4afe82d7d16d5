import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyLine, historyOrder, verboseEntry, type HistoryEntry, type HistoryNode } from '../../../src/core/alembic/history.ts';

function nodes(spec: Record<string, string[]>, deps: Record<string, string[]> = {}): HistoryNode[] {
  return Object.entries(spec).map(([id, parents], loadIndex) => {
    const d = deps[id] ?? [];
    return { id, loadIndex, parentsPlus: [...new Set([...parents, ...d])], plainStep: d.length === 0 && parents.length === 1 };
  });
}

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  revision: 'r1',
  downRevisions: [],
  dependsOn: [],
  branchLabels: [],
  isHead: false,
  isRealHead: false,
  isBranchPoint: false,
  isMergePoint: false,
  message: 'msg',
  ...over,
});

describe('historyOrder', () => {
  it('walks a chain newest first', () => {
    expect(historyOrder(nodes({ a: [], b: ['a'], c: ['b'] }), ['c'])).toEqual(['c', 'b', 'a']);
  });

  it('finishes each branch before the shared ancestor, ties by load order', () => {
    const n = nodes({ a: [], b: ['a'], c: ['a'], x: [] });
    expect(historyOrder(n, ['b', 'c', 'x'])).toEqual(['b', 'c', 'a', 'x']);
    // heads are sorted by load index, not by the order given
    expect(historyOrder(n, ['x', 'c', 'b'])).toEqual(['b', 'c', 'a', 'x']);
  });

  it('expands a merge into its parents in declared order', () => {
    const n = nodes({ a: [], b: ['a'], c: ['a'], m: ['c', 'b'] });
    expect(historyOrder(n, ['m'])).toEqual(['m', 'c', 'b', 'a']);
  });

  it('reaches a revision that is only depended upon through its dependent', () => {
    const n = nodes({ a: [], b: [] }, { b: ['a'] });
    expect(historyOrder(n, ['b'])).toEqual(['b', 'a']);
  });

  it('goes to another line of descent first when it still needs the current revision', () => {
    // c depends on b: after c, both a and b are pending; a waits because b's line still needs it.
    const n = nodes({ a: [], b: ['a'], c: ['a'], d: ['c'] }, { c: ['b'] });
    expect(historyOrder(n, ['d'])).toEqual(['d', 'c', 'b', 'a']);
  });

  it('orders long runs between forks and merges as a walk of the parents does', () => {
    // A trunk that forks into two runs, merges, and forks again; a run that depends on the trunk.
    const n = nodes(
      { a: [], b: ['a'], c: ['b'], d: ['c'], e: ['c'], f: ['e'], m: ['d', 'f'], x: ['m'], y: ['m'], z: ['y'], q: [], r: ['q'] },
      { r: ['b'] },
    );
    const heads = ['x', 'z', 'r'];
    // Anything in `skip` makes historyOrder walk parent sets instead of its per-run bitsets.
    expect(historyOrder(n, heads)).toEqual(historyOrder(n, heads, new Set(['not-a-revision'])));
    expect(historyOrder(n, heads)).toEqual(['x', 'z', 'y', 'm', 'd', 'f', 'e', 'r', 'q', 'c', 'b', 'a']);
  });

  it('gives the same order with its per-run reach table as with walking parents, on random acyclic graphs', () => {
    // Revision i only names earlier revisions as parents or dependencies, so the graph is acyclic.
    const graph = fc
      .array(fc.record({ parents: fc.array(fc.nat(), { maxLength: 3 }), deps: fc.array(fc.nat(), { maxLength: 1 }), chain: fc.boolean() }), { minLength: 1, maxLength: 40 })
      .map((specs) => {
        const parents: Record<string, string[]> = {};
        const deps: Record<string, string[]> = {};
        specs.forEach((s, i) => {
          const id = `r${i}`;
          const pick = (list: number[]): string[] => (i === 0 ? [] : [...new Set(list.map((k) => `r${k % i}`))]);
          // Mostly single-parent steps, so long runs form as in real histories.
          parents[id] = s.chain && i > 0 ? [`r${i - 1}`] : pick(s.parents);
          deps[id] = pick(s.deps);
        });
        return nodes(parents, deps);
      });
    fc.assert(
      fc.property(graph, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (n, headPicks) => {
        const heads = headPicks.map((k) => n[k % n.length]!.id);
        expect(historyOrder(n, heads)).toEqual(historyOrder(n, heads, new Set(['not-a-revision'])));
      }),
      { numRuns: 300 },
    );
  });

  it('skips cycle members and terminates', () => {
    const n = nodes({ a: ['b'], b: ['a'], r: [] });
    expect(historyOrder(n, ['r'], new Set(['a', 'b']))).toEqual(['r']);
  });
});

describe('historyLine', () => {
  it('formats a base, a plain step and a merge', () => {
    expect(historyLine(entry({ revision: 'a1' }))).toBe('<base> -> a1, msg');
    expect(historyLine(entry({ revision: 'b1', downRevisions: ['a1'], isHead: true, isRealHead: true }))).toBe('a1 -> b1 (head), msg');
    expect(historyLine(entry({ revision: 'e1', downRevisions: ['b1', 'c1'], isHead: true, isRealHead: true, isMergePoint: true }))).toBe('b1, c1 -> e1 (head) (mergepoint), msg');
  });

  it('prints declared dependencies, labels, effective heads and branch points in order', () => {
    const line = historyLine(entry({ revision: 'm1', downRevisions: ['n1'], dependsOn: ['core', 'x1'], branchLabels: ['net'], isHead: true, isBranchPoint: true }));
    expect(line).toBe('n1 (core, x1) -> m1 (net) (effective head) (branchpoint), msg');
  });

  it('ends in ", " for an empty message and keeps embedded newlines', () => {
    expect(historyLine(entry({ message: '' }))).toBe('<base> -> r1, ');
    expect(historyLine(entry({ message: 'one\ntwo' }))).toBe('<base> -> r1, one\ntwo');
  });

  it('prints <base> for a lone empty-string parent, as Alembic does', () => {
    expect(historyLine(entry({ downRevisions: [''] }))).toBe('<base> -> r1, msg');
  });
});

describe('verboseEntry', () => {
  it('prints the -v block', () => {
    const text = verboseEntry({
      ...entry({ revision: 'a1', isHead: false, isBranchPoint: true, branchLabels: ['core'], dependsOn: ['x1'] }),
      path: 'a1_base.py',
      longdoc: 'Base\n\nRevision ID: a1',
      children: ['b1', 'c1'],
    });
    expect(text).toBe(
      'Rev: a1 (branchpoint)\nParent: <base>\nAlso depends on: x1\nBranches into: b1, c1\nBranch names: core\nPath: a1_base.py\n\n    Base\n    \n    Revision ID: a1\n',
    );
  });

  it('uses Merges: for a merge point', () => {
    const text = verboseEntry({ ...entry({ revision: 'm', downRevisions: ['a', 'b'], isMergePoint: true, isHead: true }), path: 'm.py', longdoc: '', children: [] });
    expect(text).toBe('Rev: m (head) (mergepoint)\nMerges: a, b\nPath: m.py\n\n\n');
  });
});
