import { describe, expect, it } from 'vitest';
import { base, brief, lineOf, run } from '../helpers.ts';

describe('type-change', () => {
  it('flags alter_column(type_=...) on an existing column', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: "op.alter_column('organizations', 'name', existing_type=sa.String(64), type_=sa.Text())",
        downgrade: "op.alter_column('organizations', 'name', existing_type=sa.Text(), type_=sa.String(64))",
      },
    ]);
    expect(brief(r.of('type-change'))).toEqual([
      [lineOf(r.sources, 'bbbbbbbbbbbb', 'type_=sa.Text()'), 'warning', false],
      [lineOf(r.sources, 'bbbbbbbbbbbb', 'type_=sa.String(64)'), 'warning', false],
    ]);
    expect(r.of('type-change')[0]!.message).toMatch(/organizations\.name to sa\.Text\(\)/);
  });

  it('ignores existing_type alone and columns added in the same migration', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.alter_column('organizations', 'name', existing_type=sa.String(64), comment='legal name')
op.add_column('users', sa.Column('score', sa.Integer(), nullable=True))
op.alter_column('users', 'score', type_=sa.BigInteger())`,
        downgrade: "op.drop_column('users', 'score')",
      },
    ]);
    expect(r.of('type-change')).toEqual([]);
  });
});
