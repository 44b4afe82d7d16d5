import { describe, expect, it } from 'vitest';
import { base, brief, lineOf, run } from '../helpers.ts';

describe('constraint-validate', () => {
  it('flags foreign keys and check constraints added to existing tables without NOT VALID', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.add_column('users', sa.Column('organization_id', sa.BigInteger(), nullable=True))
op.create_foreign_key(op.f('fk_users_organization_id_organizations'), 'users', 'organizations', ['organization_id'], ['id'])
op.create_check_constraint('ck_organizations_name', 'organizations', 'length(name) > 0')`,
        downgrade: "op.drop_column('users', 'organization_id')",
      },
    ]);
    expect(brief(r.of('constraint-validate'))).toEqual([
      [lineOf(r.sources, 'bbbbbbbbbbbb', 'op.create_foreign_key'), 'warning', false],
      [lineOf(r.sources, 'bbbbbbbbbbbb', 'op.create_check_constraint'), 'warning', false],
    ]);
    expect(r.of('constraint-validate')[0]!.message).toMatch(/fk_users_organization_id_organizations to existing table users.*\(and organizations\).*postgresql_not_valid=True/);
  });

  it('accepts NOT VALID, and constraints on a table created in the same migration', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.create_check_constraint('ck_organizations_name', 'organizations', 'length(name) > 0', postgresql_not_valid=True)
op.create_table('teams', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('organization_id', sa.BigInteger()))
op.create_foreign_key('fk_teams_organization_id_organizations', 'teams', 'organizations', ['organization_id'], ['id'])`,
        downgrade: "op.drop_table('teams')",
      },
    ]);
    expect(r.of('constraint-validate')).toEqual([]);
  });
});
