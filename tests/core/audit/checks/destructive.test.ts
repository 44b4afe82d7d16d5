import { describe, expect, it } from 'vitest';
import { base, brief, lineOf, run } from '../helpers.ts';

describe('destructive', () => {
  it('flags drop_table and drop_column on existing tables, batch mode included', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.drop_column('users', 'email')
with op.batch_alter_table('organizations') as batch_op:
    batch_op.drop_column('name')
op.drop_table('users')`,
        downgrade: 'raise NotImplementedError("data is gone")',
      },
    ]);
    const s = r.sources;
    expect(brief(r.of('destructive'))).toEqual([
      [lineOf(s, 'bbbbbbbbbbbb', "op.drop_column('users'"), 'error', false],
      [lineOf(s, 'bbbbbbbbbbbb', "batch_op.drop_column('name')"), 'error', false],
      [lineOf(s, 'bbbbbbbbbbbb', "op.drop_table('users')"), 'error', false],
    ]);
    expect(r.of('destructive')[0]!.message).toMatch(/users\.email/);
    expect(r.of('destructive')[1]!.message).toMatch(/organizations\.name/);
  });

  it('does not flag what the same migration created, nor drops in downgrade()', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.create_table('tmp_imports', sa.Column('id', sa.Integer(), primary_key=True))
op.add_column('users', sa.Column('scratch', sa.Text(), nullable=True))
op.drop_column('users', 'scratch')
op.drop_table('tmp_imports')`,
        downgrade: "op.drop_column('users', 'email')",
      },
    ]);
    expect(r.of('destructive')).toEqual([]);
    // The base migration's downgrade drops its tables: not flagged either.
  });

  it('flags a drop reached through a helper function, and says so', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        module: `def _drop_legacy():\n    op.drop_column('users', 'email')\n`,
        upgrade: '_drop_legacy()',
        downgrade: 'raise NotImplementedError("gone")',
      },
    ]);
    const [f] = r.of('destructive');
    expect(f?.line).toBe(lineOf(r.sources, 'bbbbbbbbbbbb', "op.drop_column('users'"));
    expect(f?.message).toMatch(/in _drop_legacy\(\), called from upgrade\(\)/);
  });
});
