// parseRevisionFile end to end on inline files: encodings, syntax errors, comments, size.

import { describe, expect, it } from 'vitest';
import { parseRevisionFile } from '../../../src/core/alembic/file.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const TEMPLATE = `"""Add users table

Revision ID: a1b2c3d4e5f6
Revises:
Create Date: 2024-05-02 09:15:00.123456

"""
from alembic import op  # noqa
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "a1b2c3d4e5f6"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # lore: ignore[require-downgrade] see ADR-0004
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("users")  # "quoted" # twice
`;

describe('parseRevisionFile', () => {
  it('reads the standard template', () => {
    const file = parseRevisionFile(enc(TEMPLATE), 'versions/a1b2c3d4e5f6_add_users.py');
    expect(file).toMatchObject({
      path: 'versions/a1b2c3d4e5f6_add_users.py',
      revision: 'a1b2c3d4e5f6',
      downRevisions: [],
      dependsOn: [],
      declaredBranchLabels: [],
      message: 'Add users table',
      docLine: 1,
      line: 12,
      header: { revisionId: 'a1b2c3d4e5f6', revises: [], createDate: '2024-05-02 09:15:00.123456' },
      createDate: '2024-05-02T09:15:00',
      downgradeShape: { kind: 'operations', line: 23 },
      loadable: true,
      diagnostics: [],
      unresolved: {},
    });
    expect(file.upgrade.map((o) => [o.kind, o.table, o.line])).toEqual([['create_table', 'users', 20]]);
    expect(file.downgrade.map((o) => [o.kind, o.table, o.line])).toEqual([['drop_table', 'users', 24]]);
    expect(file.comments).toEqual([
      { line: 8, text: 'noqa' },
      { line: 11, text: 'revision identifiers, used by Alembic.' },
      { line: 19, text: 'lore: ignore[require-downgrade] see ADR-0004' },
      { line: 24, text: '"quoted" # twice' },
    ]);
  });

  it('never takes a # inside a string for a comment', () => {
    const file = parseRevisionFile(enc('"""doc # not a comment"""\nrevision = "a"  # real\ndown_revision = "#x"\n'), 'a.py');
    expect(file.comments).toEqual([{ line: 2, text: 'real' }]);
    expect(file.downRevisions).toEqual(['#x']);
  });

  it('decodes a latin-1 file with bytes 0x80-0x9F as Python does', () => {
    const bytes = new Uint8Array([
      ...enc('# -*- coding: latin-1 -*-\n"""caf'),
      0xe9,
      0x96,
      ...enc(' migration"""\nrevision = "g1"\ndown_revision = None\n'),
    ]);
    const file = parseRevisionFile(bytes, 'g1.py');
    expect(file.message).toBe('café\u0096 migration');
    expect(file.loadable).toBe(true);
  });

  it('handles a BOM and CRLF line endings without shifting lines', () => {
    const text = '\ufeff"""crlf message\r\n\r\nRevision ID: l1\r\n"""\r\nrevision = "l1"\r\ndown_revision = "k1"\r\n\r\ndef upgrade():\r\n    op.drop_table("t")\r\n';
    const file = parseRevisionFile(enc(text), 'l1.py');
    expect(file.message).toBe('crlf message');
    expect(file.longdoc).toBe('crlf message\n\nRevision ID: l1');
    expect(file.line).toBe(5);
    expect(file.upgrade[0]!.line).toBe(9);
    expect(file.diagnostics).toEqual([]);
  });

  it('an undecodable file is an error and is left out', () => {
    const file = parseRevisionFile(new Uint8Array([...enc('revision = "a"\ndown_revision = "'), 0xff, ...enc('"\n')]), 'bad.py');
    expect(file.loadable).toBe(false);
    expect(file.revision).toBeNull();
    expect(file.diagnostics).toHaveLength(1);
    expect(file.diagnostics[0]).toMatchObject({ code: 'migration/unresolved-value', severity: 'error', path: 'bad.py', line: 2 });
    expect(file.diagnostics[0]!.message).toContain('file could not be decoded');
  });

  it('a syntax error is an error, the file is left out, but what can be read is kept', () => {
    const text = `"""broken file"""
from alembic import op
revision = "b1"
down_revision = "a1"

def upgrade():
    op.add_column("t", sa.Column("x", sa.Integer()))
    x = = 3

def downgrade():
    raise NotImplementedError("one way")
`;
    const file = parseRevisionFile(enc(text), 'broken.py');
    expect(file.loadable).toBe(false);
    expect(file.revision).toBe('b1');
    expect(file.downRevisions).toEqual(['a1']);
    expect(file.message).toBe('broken file');
    expect(file.upgrade.map((o) => o.column)).toEqual(['x']);
    expect(file.downgradeShape).toEqual({ kind: 'one-way', line: 11, reason: 'one way' });
    const errors = file.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'migration/unresolved-value', line: 8 });
    expect(errors[0]!.message).toMatch(/^Python syntax error at line 8/);
  });

  it('flags syntax that lezer accepts but Python 3 rejects', () => {
    const lineOfError = (code: string) => parseRevisionFile(enc(`revision = "a"\ndown_revision = None\n${code}`), 'x.py').diagnostics.find((d) => d.severity === 'error')?.line ?? null;
    expect(lineOfError('x = "unterminated\n')).toBe(3);
    expect(lineOfError('print "hello"\n')).toBe(3);
    expect(lineOfError('try:\n    pass\nexcept E, e:\n    pass\n')).toBe(5);
    expect(lineOfError('x = 0777\n')).toBe(3);
    expect(lineOfError('x = u"a" b"b"\n')).toBe(3);
    expect(lineOfError('if a <> b: pass\n')).toBe(3);
    expect(lineOfError('x = 0\ny = 0.5\nz = "ok"\n')).toBeNull();
    expect(lineOfError('with (open(a) as f, open(b) as g):\n    pass\n')).toBeNull();
  });

  it('reads an unresolved revision as a file that cannot be placed', () => {
    const file = parseRevisionFile(enc('"""x"""\nrevision = make_id()\ndown_revision = None\n'), 'x.py');
    expect(file).toMatchObject({ revision: null, loadable: false, unresolved: { revision: 'make_id()' }, line: 2 });
    expect(file.diagnostics.map((d) => [d.code, d.severity])).toEqual([['migration/unresolved-value', 'warning']]);
  });

  it('passes constants through to value resolution', () => {
    const file = parseRevisionFile(enc('"""x"""\nrevision = "b"\ndown_revision = settings.BASE\n'), 'x.py', { constants: { 'settings.BASE': 'a' } });
    expect(file.downRevisions).toEqual(['a']);
    expect(file.diagnostics).toEqual([]);
  });

  it('parses a 1 MB file', () => {
    const body = Array.from({ length: 13000 }, (_, i) => `    op.add_column("t${i % 50}", sa.Column("c${i}", sa.String(length=${i})))  # n${i}`).join('\n');
    const text = `${TEMPLATE}\n\ndef upgrade():\n${body}\n`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const file = parseRevisionFile(enc(text), 'big.py');
    const elapsed = performance.now() - started;
    expect(file.upgrade).toHaveLength(13000);
    expect(file.upgrade[12999]).toMatchObject({ kind: 'add_column', table: 't49', column: "c12999" });
    expect(file.comments.length).toBe(4 + 13000);
    expect(file.loadable).toBe(true);
    expect(elapsed).toBeLessThan(10_000);
  });
});
