import { describe, expect, it } from 'vitest';
import { base, brief, lineOf, run } from '../helpers.ts';

describe('set-not-null', () => {
  it('flags alter_column(nullable=False) on an existing column, batch mode included', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.alter_column('organizations', 'name', existing_type=sa.String(64), nullable=False)
with op.batch_alter_table('users') as batch_op:
    batch_op.alter_column('email', nullable=False)`,
        downgrade: "op.alter_column('organizations', 'name', nullable=True)",
      },
    ]);
    expect(brief(r.of('set-not-null'))).toEqual([
      [lineOf(r.sources, 'bbbbbbbbbbbb', "op.alter_column('organizations'"), 'warning', false],
      [lineOf(r.sources, 'bbbbbbbbbbbb', "batch_op.alter_column('email'"), 'warning', false],
    ]);
  });

  it('accepts nullable=True and tightening a column added in the same migration', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.alter_column('organizations', 'name', nullable=True)
op.add_column('users', sa.Column('locale', sa.String(8), nullable=True))
op.execute("UPDATE users SET locale = 'en' WHERE locale IS NULL")
op.alter_column('users', 'locale', nullable=False)`,
        downgrade: "op.drop_column('users', 'locale')",
      },
    ]);
    expect(r.of('set-not-null')).toEqual([]);
  });
});
