import { describe, expect, it } from 'vitest';
import { base, brief, lineOf, run } from '../helpers.ts';

describe('not-null-without-default', () => {
  it('flags a NOT NULL column without server_default on an existing table, batch mode included', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.add_column(
    'users',
    sa.Column('locale', sa.String(8), nullable=False),
)
with op.batch_alter_table('organizations') as batch_op:
    batch_op.add_column(sa.Column('plan', sa.String(16), nullable=False))`,
        downgrade: "op.drop_column('users', 'locale')",
      },
    ]);
    expect(brief(r.of('not-null-without-default'))).toEqual([
      [lineOf(r.sources, 'bbbbbbbbbbbb', "sa.Column('locale'"), 'error', false],
      [lineOf(r.sources, 'bbbbbbbbbbbb', "sa.Column('plan'"), 'error', false],
    ]);
    expect(r.of('not-null-without-default')[0]!.message).toMatch(/users\.locale.*server_default/);
  });

  it('accepts a server_default, a nullable column, and a column on a table created in the same migration', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.add_column('users', sa.Column('locale', sa.String(8), server_default='en', nullable=False))
op.add_column('users', sa.Column('bio', sa.Text(), nullable=True))
op.create_table('teams', sa.Column('id', sa.Integer(), primary_key=True))
op.add_column('teams', sa.Column('name', sa.Text(), nullable=False))`,
        downgrade: "op.drop_table('teams')",
      },
    ]);
    expect(r.of('not-null-without-default')).toEqual([]);
  });

  it('treats server_default=None as no default', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb', upgrade: "op.add_column('users', sa.Column('x', sa.Text(), server_default=None, nullable=False))", downgrade: "op.drop_column('users', 'x')" }]);
    expect(r.of('not-null-without-default')).toHaveLength(1);
  });
});
