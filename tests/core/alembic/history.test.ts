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
