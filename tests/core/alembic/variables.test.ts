import { describe, expect, it } from 'vitest';
import { parsePython } from '../../../src/core/alembic/python.ts';
import { readRevisionIdentity, readVariables, type Constants } from '../../../src/core/alembic/variables.ts';

const vars = (code: string, constants: Constants = {}) => readVariables(parsePython(code), constants);
const identity = (code: string, path = 'x.py', constants: Constants = {}) => readRevisionIdentity(parsePython(code), path, constants);

describe('readVariables: which statements count (§4.4)', () => {
  it('plain and annotated assignments; annotations are ignored', () => {
    const v = vars('revision: str = "a"\ndown_revision: Union[str, None] = ("b", "c")\nbranch_labels: None = None\ndepends_on = None\n');
    expect(v.revision).toEqual({ status: 'resolved', value: { kind: 'str', value: 'a' }, line: 1 });
    expect(v.down_revision).toMatchObject({ status: 'resolved', value: { kind: 'seq', items: ['b', 'c'] } });
    expect(v.branch_labels).toMatchObject({ status: 'resolved', value: { kind: 'none' } });
  });

  it('statements separated by semicolons', () => {
    const v = vars('revision = "a"; down_revision = "b"\n');
    expect(v.revision).toMatchObject({ status: 'resolved', value: { kind: 'str', value: 'a' } });
    expect(v.down_revision).toMatchObject({ status: 'resolved', value: { kind: 'str', value: 'b' } });
  });

  it('annotation without a value sets nothing', () => {
    expect(vars('revision: str\n').revision).toEqual({ status: 'missing' });
  });

  it('last one wins, chained and unpacking assignments', () => {
    const v = vars('revision = "tmp"\nrevision = "b"\nrevision, down_revision = "x", "y"\nbranch_labels = depends_on = "l"\n[revision, down_revision] = ("p", "q")\n');
    expect(v.revision).toMatchObject({ status: 'resolved', value: { kind: 'str', value: 'p' }, line: 5 });
    expect(v.down_revision).toMatchObject({ value: { kind: 'str', value: 'q' } });
    expect(v.branch_labels).toMatchObject({ value: { kind: 'str', value: 'l' } });
    expect(v.depends_on).toMatchObject({ value: { kind: 'str', value: 'l' } });
  });

  it('unpacking a non-literal or a different length is unresolved', () => {
    expect(vars('revision, down_revision = ids\n').revision).toMatchObject({ status: 'unresolved', text: 'ids' });
    expect(vars('revision, down_revision = "a", "b", "c"\n').down_revision).toMatchObject({ status: 'unresolved' });
    expect(vars('revision, *down_revision = "a", "b"\n').revision).toMatchObject({ status: 'unresolved' });
  });

  it('assignments inside def and class bodies are ignored', () => {
    expect(vars('def f():\n    revision = "x"\nclass C:\n    revision = "y"\n').revision).toEqual({ status: 'missing' });
  });

  it('a conditional assignment after the last unconditional one makes the value unresolved', () => {
    expect(vars('revision = "a"\nif X:\n    revision = "b"\n').revision).toMatchObject({ status: 'unresolved', why: 'conditional', line: 3 });
    expect(vars('try:\n    revision = "a"\nexcept E:\n    pass\n').revision).toMatchObject({ status: 'unresolved', why: 'conditional' });
    expect(vars('if X: revision = "b"\n').revision).toMatchObject({ status: 'unresolved', why: 'conditional' });
    expect(vars('with x:\n    for y in z:\n        revision = "a"\n').revision).toMatchObject({ status: 'unresolved' });
    expect(vars('match x:\n    case 1:\n        revision = "a"\n').revision).toMatchObject({ status: 'unresolved' });
  });

  it('a conditional assignment before the last unconditional one does not matter', () => {
    expect(vars('if X:\n    revision = "b"\nrevision = "a"\n').revision).toMatchObject({ status: 'resolved', value: { kind: 'str', value: 'a' } });
  });

  it('other bindings make the value unresolved', () => {
    for (const code of [
      'from x import revision\n',
      'import a as revision\n',
      'import revision\n',
      'for revision in ids: pass\n',
      'with f() as revision: pass\n',
      'revision = "a"\ndel revision\n',
      'revision = "a"\nrevision += "b"\n',
      'revision = "a"\n(revision := "b")\n',
      'def revision(): pass\n',
      'revision = "a"\ntry:\n    pass\nexcept E as revision:\n    pass\n',
    ]) {
      expect(vars(code).revision, code).toMatchObject({ status: 'unresolved' });
    }
    expect(vars('from x import revision\nrevision = "a"\n').revision).toMatchObject({ status: 'resolved' });
  });
});

describe('readVariables: literal-only evaluation (§4.5)', () => {
  it('evaluates strings, concatenation, None, tuples, lists, sets, parentheses', () => {
    const value = (expr: string) => {
      const s = vars(`revision = ${expr}\n`).revision;
      return s.status === 'resolved' ? s.value : s.status;
    };
    expect(value('u"a" r"\\d" "c"')).toEqual({ kind: 'str', value: 'a\\dc' });
    expect(value('("a1b2c3"\n    "d4e5f6")')).toEqual({ kind: 'str', value: 'a1b2c3d4e5f6' });
    expect(value('((None))')).toEqual({ kind: 'none' });
    expect(value('()')).toEqual({ kind: 'seq', items: [] });
    expect(value('("a",)')).toEqual({ kind: 'seq', items: ['a'] });
    expect(value('["b", "a",]')).toEqual({ kind: 'seq', items: ['b', 'a'] });
    expect(value('"b", "a"')).toEqual({ kind: 'seq', items: ['b', 'a'] });
    expect(value('{"b", "a", "b"}')).toEqual({ kind: 'seq', items: ['a', 'b'] });
  });

  it('does not evaluate names, attributes, calls, operators, f-strings, bytes, numbers, booleans', () => {
    for (const expr of ['PARENT', 'settings.CORE', 'get()', '"b" + "1"', 'f"x"', 'b"x"', '1', 'True', '("a", X)', '[x for x in y]', '"a" f"b"']) {
      expect(vars(`down_revision = ${expr}\n`).down_revision, expr).toMatchObject({ status: 'unresolved', text: expr, why: 'expression' });
    }
  });

  it('uses the constants mapping for whole values and for sequence elements', () => {
    const c: Constants = { 'settings.CORE': 'core', PARENTS: ['a', 'b'], NOTHING: null };
    expect(vars('down_revision = settings.CORE\n', c).down_revision).toMatchObject({ status: 'resolved', value: { kind: 'str', value: 'core' } });
    expect(vars('down_revision = PARENTS\n', c).down_revision).toMatchObject({ value: { kind: 'seq', items: ['a', 'b'] } });
    expect(vars('down_revision = NOTHING\n', c).down_revision).toMatchObject({ value: { kind: 'none' } });
    expect(vars('branch_labels = (settings.CORE, "x")\n', c).branch_labels).toMatchObject({ value: { kind: 'seq', items: ['core', 'x'] } });
  });
});

describe('readRevisionIdentity: normalisation and load-time checks (§4.6, §7)', () => {
  it('normalises None, strings, one-element tuples, lists and the empty string', () => {
    expect(identity('revision = "b"\ndown_revision = ("a",)\n').downRevisions).toEqual(['a']);
    expect(identity('revision = "b"\ndown_revision = None\n').downRevisions).toEqual([]);
    expect(identity('revision = "b"\ndown_revision = []\n').downRevisions).toEqual([]);
    expect(identity('revision = "b"\ndown_revision = ""\n').downRevisions).toEqual(['']);
    const r = identity('revision = "m"\ndown_revision = ["x", "y"]\nbranch_labels = "lbl"\ndepends_on = ("d1", "d2")\n');
    expect([r.revision, r.downRevisions, r.declaredBranchLabels, r.dependsOn, r.placeable, r.line]).toEqual(['m', ['x', 'y'], ['lbl'], ['d1', 'd2'], true, 1]);
  });

  it('unresolved values: revision → not placeable, down_revision → null, labels/deps → empty', () => {
    const r = identity('revision = REV\ndown_revision = PARENT\nbranch_labels = LABEL\ndepends_on = DEP\n');
    expect(r.revision).toBeNull();
    expect(r.placeable).toBe(false);
    expect(r.downRevisions).toBeNull();
    expect(r.unresolved).toEqual({ revision: 'REV', down_revision: 'PARENT', branch_labels: 'LABEL', depends_on: 'DEP' });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['migration/unresolved-value', 'warning', 1],
      ['migration/unresolved-value', 'warning', 2],
      ['migration/unresolved-value', 'warning', 3],
      ['migration/unresolved-value', 'warning', 4],
    ]);
    expect(r.diagnostics[1]!.message).toContain('PARENT');
  });

  it('missing revision: legacy hex names give the id, others are not revisions', () => {
    expect(identity('down_revision = None\n', 'versions/1f2e3d.py')).toMatchObject({ revision: '1f2e3d', placeable: true, diagnostics: [] });
    expect(identity('down_revision = None\n', 'versions/1F2E3D.py')).toMatchObject({ revision: null, placeable: false });
    expect(identity('down_revision = None\n', 'versions/1f2e3d_x.py').diagnostics.map((d) => d.code)).toEqual(['migration/not-a-revision']);
    expect(identity('revision = X\ndown_revision = None\n', 'abc.py')).toMatchObject({ revision: null, placeable: false });
  });

  it('missing down_revision, self-loops and illegal ids leave the file out', () => {
    expect(identity('revision = "a"\n').diagnostics.map((d) => d.code)).toEqual(['migration/missing-down-revision']);
    expect(identity('down_revision: str\n', 'abc123.py').diagnostics.map((d) => d.code)).toEqual(['migration/missing-down-revision']);
    expect(identity('revision = "a"\ndown_revision = ("b", "a")\n')).toMatchObject({ placeable: false, revision: 'a' });
    expect(identity('revision = "a"\ndown_revision = None\ndepends_on = ["a"]\n').diagnostics.map((d) => [d.code, d.line])).toEqual([['migration/self-loop', 3]]);
    for (const id of ['a@b', 'a-b', 'a+b', 'a:b']) {
      const r = identity(`revision = "${id}"\ndown_revision = None\n`);
      expect(r.placeable, id).toBe(false);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['migration/illegal-revision-id']);
    }
    expect(identity('revision = None\ndown_revision = None\n').diagnostics.map((d) => d.code)).toEqual(['migration/illegal-revision-id']);
  });

  it('ids are taken exactly (no trimming or case folding)', () => {
    expect(identity('revision = " Ab1 "\ndown_revision = None\n').revision).toBe(' Ab1 ');
  });
});
