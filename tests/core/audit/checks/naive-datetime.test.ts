import { describe, expect, it } from 'vitest';
import { naiveType } from '../../../../src/core/audit/checks/naive-datetime.ts';
import { base, brief, lineOf, run } from '../helpers.ts';

describe('naive-datetime', () => {
  it('recognizes naive and aware types', () => {
    for (const naive of ['sa.DateTime()', 'sa.DateTime', 'DateTime()', 'sa.DateTime(timezone=False)', 'sa.TIMESTAMP()', 'postgresql.TIMESTAMP(precision=3)', 'sa.types.DateTime()', 'sa.ARRAY(sa.DateTime())']) {
      expect(naiveType(naive), naive).not.toBeNull();
    }
    for (const aware of ['sa.DateTime(timezone=True)', 'sa.DateTime(True)', 'postgresql.TIMESTAMP(timezone=True, precision=6)', 'sa.TIMESTAMP(timezone=True)', 'sa.Date()', 'sa.Text()', 'MyDateTimeish()', 'postgresql.TIMESTAMPTZ()']) {
      expect(naiveType(aware), aware).toBeNull();
    }
  });

  it('flags column types in create_table, add_column and alter_column(type_=...)', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.create_table(
    'events',
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('happened_at', sa.DateTime(), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True)),
)
op.add_column('users', sa.Column('last_seen', postgresql.TIMESTAMP(), nullable=True))
op.alter_column('users', 'created_at', type_=sa.DateTime())`,
        downgrade: "op.drop_table('events')",
      },
    ]);
    const s = r.sources;
    expect(brief(r.of('naive-datetime'))).toEqual([
      [lineOf(s, 'bbbbbbbbbbbb', "'happened_at'"), 'error', false],
      [lineOf(s, 'bbbbbbbbbbbb', "'last_seen'"), 'error', false],
      [lineOf(s, 'bbbbbbbbbbbb', "'created_at', type_"), 'error', false],
    ]);
    expect(r.of('naive-datetime')[0]!.message).toMatch(/events\.happened_at is declared sa\.DateTime\(\).*timezone=True/);
  });

  it('ignores existing_type and downgrade()', () => {
    const r = run([
      base,
      { rev: 'bbbbbbbbbbbb', upgrade: "op.alter_column('users', 'created_at', existing_type=sa.DateTime(), comment='x')", downgrade: "op.add_column('users', sa.Column('old', sa.DateTime()))" },
    ]);
    expect(r.of('naive-datetime')).toEqual([]);
  });
});
