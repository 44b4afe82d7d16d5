import { describe, expect, it } from 'vitest';
import type { ParsedRevisionFile } from '../../../src/core/model.ts';
import { buildGraph } from '../../../src/core/alembic/graph.ts';

let nextLine = 1;
function file(revision: string | null, down: string[] | null, extra: Partial<ParsedRevisionFile> = {}): ParsedRevisionFile {
  return {
    path: `${revision ?? 'x'}_${nextLine}.py`,
    revision,
    downRevisions: down,
    dependsOn: [],
    declaredBranchLabels: [],
    message: `msg ${revision}`,
    longdoc: `msg ${revision}`,
    docLine: 1,
    unresolved: {},
    line: nextLine++,
    header: { revisionId: null, revises: null, createDate: null },
    createDate: null,
    upgrade: [],
    downgrade: [],
    downgradeShape: { kind: 'missing' },
    comments: [],
    loadable: true,
    diagnostics: [],
    ...extra,
  };
}

const codes = (g: ReturnType<typeof buildGraph>): string[] => g.diagnostics.map((d) => d.code);
const byId = (g: ReturnType<typeof buildGraph>, id: string) => g.revisions.find((r) => r.revision === id)!;

describe('buildGraph', () => {
  it('builds a linear chain with heads, bases, history and lines', () => {
    const g = buildGraph([file('a1', []), file('b1', ['a1']), file('c1', ['b1'])]);
    expect(g.heads).toEqual(['c1']);
    expect(g.bases).toEqual(['a1']);
    expect(g.history).toEqual(['c1', 'b1', 'a1']);
    expect(g.historyLines).toEqual(['b1 -> c1 (head), msg c1', 'a1 -> b1, msg b1', '<base> -> a1, msg a1']);
    expect(byId(g, 'a1').children).toEqual(['b1']);
    expect(g.diagnostics).toEqual([]);
  });

  it('keeps both files of a duplicated id; the later one wins and the earlier one dangles as a head', () => {
    const first = file('b1', ['a1'], { path: 'b_one.py', message: 'first' });
    const second = file('b1', ['a1'], { path: 'b_two.py', message: 'second' });
    const g = buildGraph([file('a1', []), first, second, file('c1', ['b1'])]);
    expect(g.revisions.map((r) => r.path)).toEqual([expect.any(String), 'b_one.py', 'b_two.py', expect.any(String)]);
    expect(g.revisions[1]!.isHead).toBe(true);
    expect(g.revisions[2]!.isHead).toBe(false);
    expect(g.revisions[2]!.children).toEqual(['c1']);
    expect(g.heads).toEqual(['b1', 'c1']);
    expect(g.history).toEqual(['c1', 'b1', 'a1']);
    expect(g.historyLines[1]).toBe('a1 -> b1, second');
    const dup = g.diagnostics.find((d) => d.code === 'migration/duplicate-revision')!;
    expect(dup.path).toBe('b_two.py');
    expect(dup.message).toContain('b_one.py');
  });

  it('leaves out files that are not loadable', () => {
    const g = buildGraph([file('a1', []), file(null, null, { loadable: false }), file('b1', ['a1'], { loadable: false })]);
    expect(g.revisions.map((r) => r.revision)).toEqual(['a1']);
  });

  it('resolves depends_on by label to the declaring revision and propagates labels', () => {
    const g = buildGraph([
      file('a1', [], { declaredBranchLabels: ['core'] }),
      file('b1', ['a1']),
      file('m1', ['n1'], { dependsOn: ['core'] }),
      file('n1', [], { declaredBranchLabels: ['networking'] }),
      file('o1', ['m1'], { dependsOn: ['a1', 'b1'] }),
    ]);
    expect(g.diagnostics).toEqual([]);
    expect(g.history).toEqual(['o1', 'm1', 'n1', 'b1', 'a1']);
    expect(g.historyLines).toEqual([
      'm1 (a1, b1) -> o1 (networking) (head), msg o1',
      'n1 (core) -> m1 (networking), msg m1',
      '<base> -> n1 (networking), msg n1',
      'a1 -> b1 (core) (effective head), msg b1',
      '<base> -> a1 (core), msg a1',
    ]);
    expect(byId(g, 'b1').isRealHead).toBe(false);
    expect(byId(g, 'b1').isHead).toBe(true);
  });

  it('stops the downward label walk at a branch point and labels the chain below a lineage', () => {
    const fork = buildGraph([file('r', []), file('a', ['r'], { declaredBranchLabels: ['x'] }), file('b', ['r'], { declaredBranchLabels: ['y'] })]);
    expect(byId(fork, 'r').branchLabels).toEqual([]);
    expect(byId(fork, 'a').branchLabels).toEqual(['x']);
    expect(byId(fork, 'b').branchLabels).toEqual(['y']);
    expect(byId(fork, 'r').isBranchPoint).toBe(true);
    const chain = buildGraph([file('r', []), file('s', ['r']), file('t', ['s'], { declaredBranchLabels: ['z'] }), file('u', ['t'])]);
    expect(chain.revisions.map((r) => r.branchLabels)).toEqual([['z'], ['z'], ['z'], ['z']]);
  });

  it('rejects a branch label declared twice or equal to a revision id', () => {
    const g = buildGraph([file('a1', [], { declaredBranchLabels: ['x'] }), file('b1', [], { declaredBranchLabels: ['x', 'a1'] })]);
    const dups = g.diagnostics.filter((d) => d.code === 'migration/duplicate-branch-label');
    expect(dups).toHaveLength(2);
    expect(dups.every((d) => d.path === g.revisions[1]!.path)).toBe(true);
    expect(byId(g, 'b1').branchLabels).toEqual([]);
    expect(byId(g, 'b1').declaredBranchLabels).toEqual(['x', 'a1']);
    expect(codes(g)).not.toContain('migration/multiple-heads');
  });

  it('drops a missing parent: the child is orphaned, not a base', () => {
    const g = buildGraph([file('a1', []), file('b1', ['zzz']), file('c1', ['lbl']), file('d1', [''])]);
    const missing = g.diagnostics.filter((d) => d.code === 'migration/missing-parent');
    expect(missing.map((d) => d.path)).toEqual(g.revisions.slice(1).map((r) => r.path));
    expect(byId(g, 'b1').orphaned).toBe(true);
    expect(byId(g, 'b1').isBase).toBe(false);
    expect(byId(g, 'd1').downRevisions).toEqual(['']);
    expect(g.bases).toEqual(['a1']);
    expect(codes(g)).not.toContain('migration/multiple-heads');
    expect(codes(g)).not.toContain('migration/cycle');
  });

  it('says when a down_revision names a branch label', () => {
    const g = buildGraph([file('a1', [], { declaredBranchLabels: ['lbl'] }), file('b1', ['lbl'])]);
    expect(g.diagnostics.find((d) => d.code === 'migration/missing-parent')!.message).toContain('branch label');
  });

  it('drops a missing dependency and a dependency on itself through its own label', () => {
    const g = buildGraph([file('a1', []), file('b1', ['a1'], { dependsOn: ['nope'] }), file('c1', ['b1'], { dependsOn: ['mine'], declaredBranchLabels: ['mine'] })]);
    expect(codes(g)).toContain('migration/missing-dependency');
    expect(codes(g)).toContain('migration/self-loop');
    expect(g.history).toEqual(['c1', 'b1', 'a1']);
  });

  it('normalises dependencies an ancestor already declared', () => {
    const g = buildGraph([file('a1', []), file('b1', ['a1'], { dependsOn: ['x1'] }), file('c1', ['b1'], { dependsOn: ['x1'] }), file('x1', [])]);
    expect(g.heads).toEqual(['c1', 'x1']);
    expect(g.bases).toEqual(['a1', 'x1']);
    expect(g.history).toEqual(['c1', 'b1', 'a1', 'x1']);
    expect(g.historyLines[3]).toBe('<base> -> x1 (effective head), msg x1');
    expect(g.diagnostics).toEqual([]);
  });

  it('reports a parent cycle, lists its members and leaves them out of history', () => {
    const g = buildGraph([file('a1', ['b1']), file('b1', ['a1']), file('r1', [])]);
    const cycle = g.diagnostics.filter((d) => d.code === 'migration/cycle');
    expect(cycle).toHaveLength(1);
    expect(cycle[0]!.message).toContain('a1, b1');
    expect(cycle[0]!.path).toBeNull();
    expect(g.history).toEqual(['r1']);
  });

  it('reports everything as a cycle when there is no base at all', () => {
    const g = buildGraph([file('a1', ['b1']), file('b1', ['a1'])]);
    expect(codes(g)).toEqual(['migration/cycle']);
    expect(g.history).toEqual([]);
  });

  it('reports a dependency cycle', () => {
    const g = buildGraph([file('a1', []), file('b1', ['a1'], { dependsOn: ['c1'] }), file('c1', ['b1'])]);
    const cycle = g.diagnostics.filter((d) => d.code === 'migration/cycle');
    expect(cycle).toHaveLength(1);
    expect(cycle[0]!.message).toContain('depends_on');
  });

  it('warns about unmerged heads, and only informs when each head has its own label', () => {
    const plain = buildGraph([file('a1', []), file('b1', ['a1']), file('c1', ['a1'])]);
    expect(plain.diagnostics.map((d) => [d.code, d.severity])).toEqual([['migration/multiple-heads', 'warning']]);
    const labelled = buildGraph([file('a1', []), file('b1', ['a1'], { declaredBranchLabels: ['x'] }), file('c1', ['a1'], { declaredBranchLabels: ['y'] })]);
    expect(labelled.diagnostics.map((d) => [d.code, d.severity])).toEqual([['migration/multiple-heads', 'info']]);
  });

  it('does not count effective heads as multiple heads', () => {
    const g = buildGraph([file('a1', []), file('b1', [], { dependsOn: ['a1'] })]);
    expect(g.heads).toEqual(['a1', 'b1']);
    expect(g.history).toEqual(['b1', 'a1']);
    expect(g.historyLines).toEqual(['<base> (a1) -> b1 (head), msg b1', '<base> -> a1 (effective head), msg a1']);
    expect(g.diagnostics).toEqual([]);
  });

  it('keeps a revision whose down_revision is unknown, without edges and not as a base', () => {
    const g = buildGraph([file('a1', []), file('b1', ['a1']), file('c1', null), file('d1', ['c1'])]);
    expect(byId(g, 'c1').isBase).toBe(false);
    expect(byId(g, 'c1').downRevisions).toEqual([]);
    expect(g.bases).toEqual(['a1']);
    expect(codes(g)).toEqual([]);
    expect(g.history).toEqual(['b1', 'a1', 'd1', 'c1']);
  });

  it('counts a declared duplicate parent as a merge point', () => {
    const g = buildGraph([file('a1', []), file('b1', ['a1', 'a1'])]);
    expect(byId(g, 'b1').isMergePoint).toBe(true);
    expect(byId(g, 'a1').isBranchPoint).toBe(false);
    expect(g.history).toEqual(['b1', 'a1']);
  });

  it('breaks history ties by load order across a three-way merge', () => {
    const g = buildGraph([file('a1', []), file('b1', ['a1']), file('c1', ['a1']), file('d1', ['a1']), file('e1', ['b1', 'c1', 'd1'])]);
    expect(g.history).toEqual(['e1', 'b1', 'c1', 'd1', 'a1']);
    expect(g.historyLines[0]).toBe('b1, c1, d1 -> e1 (head) (mergepoint), msg e1');
    expect(g.branchPoints).toEqual(['a1']);
    expect(g.mergePoints).toEqual(['e1']);
  });
});
