import { describe, expect, it } from 'vitest';
import { base, brief, lineOf, rules, run } from '../helpers.ts';

describe('index-lock', () => {
  it('flags create_index / drop_index on existing tables without CONCURRENTLY, batch mode included', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.create_index(op.f('ix_users_email'), 'users', ['email'], unique=True)
with op.batch_alter_table('organizations') as batch_op:
    batch_op.create_index('ix_organizations_name', ['name'])`,
        downgrade: `
op.drop_index('ix_organizations_name', table_name='organizations')
op.drop_index(op.f('ix_users_email'), table_name='users')`,
      },
    ]);
    const s = r.sources;
    expect(brief(r.of('index-lock'))).toEqual([
      [lineOf(s, 'bbbbbbbbbbbb', 'op.create_index('), 'error', false],
      [lineOf(s, 'bbbbbbbbbbbb', 'batch_op.create_index('), 'error', false],
      [lineOf(s, 'bbbbbbbbbbbb', "op.drop_index('ix_organizations_name'"), 'error', false],
      [lineOf(s, 'bbbbbbbbbbbb', "op.drop_index(op.f('ix_users_email')"), 'error', false],
    ]);
    expect(r.of('index-lock')[0]!.message).toMatch(/ix_users_email on existing table users.*postgresql_concurrently=True inside op\.get_context\(\)\.autocommit_block\(\)/);
  });

  it('accepts concurrent operations inside autocommit_block(), and indexes on a table created in the same migration', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.create_table('teams', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('name', sa.Text()))
op.create_index(op.f('ix_teams_name'), 'teams', ['name'])
with op.get_context().autocommit_block():
    op.create_index(
        op.f('ix_users_email'),
        'users',
        ['email'],
        postgresql_concurrently=True,
    )`,
        downgrade: `
with op.get_context().autocommit_block():
    op.drop_index(op.f('ix_users_email'), table_name='users', postgresql_concurrently=True)
op.drop_index(op.f('ix_teams_name'), table_name='teams')
op.drop_table('teams')`,
      },
    ]);
    expect(r.of('index-lock')).toEqual([]);
  });

  it('flags CONCURRENTLY outside autocommit_block() as an error, even when configured as a warning', () => {
    const config = `---\nchecks:\n  - check: index-lock\n    severity: warning\n---\n# Rules\n`;
    const r = run(
      [
        base,
        {
          rev: 'bbbbbbbbbbbb',
          upgrade: `
op.create_table('teams', sa.Column('id', sa.Integer(), primary_key=True))
op.create_index('ix_teams_id', 'teams', ['id'], postgresql_concurrently=True)
op.create_index('ix_users_email', 'users', ['email'])`,
          downgrade: "op.drop_table('teams')",
        },
      ],
      { rules: [rules(config)] },
    );
    expect(brief(r.of('index-lock'))).toEqual([
      [lineOf(r.sources, 'bbbbbbbbbbbb', "'ix_teams_id'"), 'error', false],
      [lineOf(r.sources, 'bbbbbbbbbbbb', "'ix_users_email'"), 'warning', false],
    ]);
    expect(r.of('index-lock')[0]!.message).toMatch(/inside the migration's transaction/);
  });

  it('flags a unique constraint added to an existing table (it builds an index under lock)', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb', upgrade: "op.create_unique_constraint('uq_users_email', 'users', ['email'])", downgrade: "op.drop_constraint('uq_users_email', 'users')" }]);
    expect(r.of('index-lock').map((f) => f.message)).toEqual([expect.stringMatching(/UNIQUE constraint to existing table users.*USING INDEX/)]);
  });
});
