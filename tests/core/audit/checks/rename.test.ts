import { describe, expect, it } from 'vitest';
import { base, brief, lineOf, run } from '../helpers.ts';

describe('rename', () => {
  it('flags rename_table and alter_column(new_column_name=...) in upgrade and downgrade', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.rename_table('organizations', 'companies')
op.alter_column('users', 'email', new_column_name='email_address')`,
        downgrade: `
op.alter_column('users', 'email_address', new_column_name='email')
op.rename_table('companies', 'organizations')`,
      },
    ]);
    const s = r.sources;
    expect(brief(r.of('rename'))).toEqual([
      [lineOf(s, 'bbbbbbbbbbbb', "op.rename_table('organizations'"), 'error', false],
      [lineOf(s, 'bbbbbbbbbbbb', "new_column_name='email_address'"), 'error', false],
      [lineOf(s, 'bbbbbbbbbbbb', "new_column_name='email')"), 'error', false],
      [lineOf(s, 'bbbbbbbbbbbb', "op.rename_table('companies'"), 'error', false],
    ]);
    expect(r.of('rename')[0]!.message).toMatch(/organizations to companies/);
  });

  it('does not flag renaming what the same migration created', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.create_table('team', sa.Column('id', sa.Integer(), primary_key=True))
op.rename_table('team', 'teams')
op.add_column('users', sa.Column('nick', sa.Text(), nullable=True))
op.alter_column('users', 'nick', new_column_name='nickname')`,
        downgrade: "op.drop_table('teams')",
      },
    ]);
    expect(r.of('rename')).toEqual([]);
  });
});
