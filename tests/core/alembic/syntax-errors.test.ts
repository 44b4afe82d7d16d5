// Where Python would reject a migration, and how lore says so: the lines match CPython's
// (checked against CPython 3.11 when these cases were written).
import { describe, expect, it } from 'vitest';
import { parseRevisionFile } from '../../../src/core/alembic/file.ts';

const head = "revision = 'a'\ndown_revision = None\n\ndef upgrade():\n";

function syntax(body: string): { line: number | null; what: string } | null {
  const r = parseRevisionFile(Buffer.from(head + body), 'versions/a.py');
  const d = r.diagnostics.find((x) => x.message.startsWith('Python syntax error'));
  return d ? { line: d.line, what: /\((.*)\)/.exec(d.message)![1]! } : null;
}

describe('syntax errors', () => {
  it('names the bracket that is never closed, not the line where the parser gave up', () => {
    expect(syntax("    op.drop_column('users', 'name'\n    if True\n        pass\n\ndef downgrade():\n    pass\n")).toEqual({ line: 5, what: "'(' was never closed" });
    expect(syntax('    op.execute([1, 2\n    x = 3\n')).toEqual({ line: 5, what: "'[' was never closed" });
    expect(syntax("    x = {'a': 1\n\ndef downgrade():\n    pass\n")).toEqual({ line: 5, what: "'{' was never closed" });
    expect(syntax('    x = (1,\n    2\n    y = 3\n')).toEqual({ line: 5, what: "'(' was never closed" });
  });

  it('finds indentation Python refuses', () => {
    expect(syntax('    return\n  pass\n')).toEqual({ line: 6, what: 'unindent does not match any outer indentation level' });
    expect(syntax('    if x:\n        a = 1\n      b = 2\n')?.line).toBe(7);
    expect(syntax('    if x:\n\ta = 1\n        b = 2\n')).toEqual({ line: 6, what: 'inconsistent use of tabs and spaces in indentation' });
    expect(syntax('    x = 1\n        y = 2\n')?.line).toBe(6);
  });

  it('accepts what Python accepts', () => {
    for (const ok of [
      '    if x:\n        # c\n        a = 1\n    b = 2\n',
      '    x = (1,\n  2)\n    y = 3\n',
      '    s = """\nabc\n  """\n    y = 3\n',
      '    if x: a = 1\n    b = 2\n',
      '    x = 1; y = 2\n    z = 3\n',
      '    if x:\n        a = 1\n\n  # comment\n        b = 2\n',
      '    try:\n        a = 1\n    except E:\n        pass\n    else:\n        c = 1\n',
      '    @dec\n    def f():\n        return 1\n    class A:\n        x = 1\n',
      '\tif x:\n\t\tpass\n\telse:\n\t\tpass\n',
    ]) {
      expect(syntax(ok), ok).toBeNull();
    }
  });

  it('keeps what can be read from a broken file: identity and the operations before the error', () => {
    const r = parseRevisionFile(Buffer.from("revision = 'abc'\ndown_revision = 'def'\n\ndef upgrade():\n    op.add_column('t', sa.Column('c', sa.Text()))\n    op.drop_column('t', 'd'\n"), 'v/abc.py');
    expect(r.loadable).toBe(false);
    expect(r.revision).toBe('abc');
    expect(r.downRevisions).toEqual(['def']);
    expect(r.upgrade[0]).toMatchObject({ kind: 'add_column', table: 't', line: 5 });
  });
});
