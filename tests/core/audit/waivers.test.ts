import { describe, expect, it } from 'vitest';
import type { Link } from '../../../src/core/model.ts';
import { adr, base, lineOf, pathOf, run, type Mig } from './helpers.ts';

const drop = (upgrade: string, extra: Partial<Mig> = {}): Mig => ({ rev: 'bbbbbbbbbbbb', upgrade, downgrade: 'raise NotImplementedError("gone for good")', ...extra });

describe('comment waivers', () => {
  it('waive on the line of the call, or in the comment block directly above it', () => {
    const r = run([
      base,
      drop(`
op.drop_column('users', 'email')  # lore: ignore[destructive] nothing reads email since 2024.10
# lore: ignore[destructive] organizations.name moved to legal_names
# (reviewed by the billing team)
op.drop_column(
    'organizations',
    'name',
)`),
    ]);
    const s = r.sources;
    expect(r.of('destructive').map((f) => f.waiver)).toEqual([
      { by: 'comment', reason: 'nothing reads email since 2024.10', ref: null, line: lineOf(s, 'bbbbbbbbbbbb', "op.drop_column('users'") },
      { by: 'comment', reason: 'organizations.name moved to legal_names', ref: null, line: lineOf(s, 'bbbbbbbbbbbb', '# lore: ignore[destructive] organizations') },
    ]);
  });

  it('waive a finding inside a multi-line call from a comment above its line', () => {
    const r = run([
      base,
      drop(`
op.create_table(
    'events',
    sa.Column('id', sa.Integer(), primary_key=True),
    # lore: ignore[naive-datetime] copied verbatim from the vendor's UTC-only export
    sa.Column('vendor_time', sa.DateTime()),
    sa.Column('other_time', sa.DateTime()),
)`),
    ]);
    expect(r.of('naive-datetime').map((f) => f.waiver?.by ?? null)).toEqual(['comment', null]);
  });

  it('take several ids, and do not reach across a blank line or from the previous call', () => {
    const r = run([
      base,
      drop(`
# lore: ignore[destructive, index-lock] table is empty: the feature never shipped
op.drop_column('users', 'email')
op.drop_index('ix_users_email', table_name='users')  # lore: ignore[index-lock] tiny table, 12 rows
op.drop_column('organizations', 'name')
# lore: ignore[destructive] too far away

op.drop_table('users')`),
    ]);
    expect(r.of('destructive').map((f) => f.waiver?.reason ?? null)).toEqual(['table is empty: the feature never shipped', null, null]);
    expect(r.of('index-lock').map((f) => f.waiver?.reason ?? null)).toEqual(['tiny table, 12 rows']);
  });

  it('a waiver without a reason is a finding of its own and waives nothing', () => {
    const r = run([base, drop(`# lore: ignore[destructive]\nop.drop_column('users', 'email')`)]);
    expect(r.of('destructive').map((f) => f.waiver)).toEqual([null]);
    expect(r.of('waiver-without-reason').map((f) => [f.line, f.severity, f.path])).toEqual([[lineOf(r.sources, 'bbbbbbbbbbbb', '# lore: ignore'), 'warning', pathOf('bbbbbbbbbbbb')]]);
    expect(r.of('waiver-without-reason')[0]!.message).toMatch(/gives no reason/);
  });

  it('an unknown check id is a diagnostic; the known ids of the same waiver still apply', () => {
    const r = run([base, drop(`# lore: ignore[destrutive, destructive] legacy column, unused\nop.drop_column('users', 'email')`)]);
    expect(r.diagnostics.map((d) => [d.code, d.path, d.line])).toEqual([['audit/unknown-check', pathOf('bbbbbbbbbbbb'), lineOf(r.sources, 'bbbbbbbbbbbb', '# lore: ignore')]]);
    expect(r.diagnostics[0]!.message).toMatch(/`destrutive`/);
    expect(r.of('destructive')[0]!.waiver?.by).toBe('comment');
  });
});

describe('docstring waivers', () => {
  it('waive every finding of the check in the migration, upgrade and downgrade', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        doc: 'lore: ignore[rename] the only reader is renamed in the same deploy',
        upgrade: "op.alter_column('users', 'email', new_column_name='login')",
        downgrade: "op.alter_column('users', 'login', new_column_name='email')",
      },
    ]);
    expect(r.of('rename').map((f) => [f.waiver?.by, f.waiver?.reason, f.waiver?.line])).toEqual([
      ['docstring', 'the only reader is renamed in the same deploy', lineOf(r.sources, 'bbbbbbbbbbbb', 'lore: ignore[rename]')],
      ['docstring', 'the only reader is renamed in the same deploy', lineOf(r.sources, 'bbbbbbbbbbbb', 'lore: ignore[rename]')],
    ]);
  });

  it('without a reason they are a finding', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb', doc: 'lore: ignore[rename]', upgrade: "op.alter_column('users', 'email', new_column_name='login')" }]);
    expect(r.of('rename').map((f) => f.waiver)).toEqual([null]);
    expect(r.of('waiver-without-reason')).toHaveLength(1);
  });
});

describe('ADR waivers', () => {
  const accepted = adr('---\nstatus: accepted\naccepts: [destructive]\n---\n# Drop the legacy email column\n', 'adr/0007-drop-legacy-email.md');
  const migration = (doc = ''): Mig => drop("op.drop_column('users', 'email')", { doc });

  it('a cited ADR (implements link) whose front matter accepts the check waives it', () => {
    const link: Link = { from: 'migration:default/bbbbbbbbbbbb', to: `adr:${accepted.id}`, kind: 'implements', source: { path: 'adr/0007-drop-legacy-email.md', line: 1 }, text: 'bbbbbbbbbbbb' };
    const r = run([base, migration()], { adrs: [accepted], links: [link] });
    expect(r.of('destructive')[0]!.waiver).toEqual({ by: 'adr', reason: 'ADR-0007 accepts destructive: Drop the legacy email column', ref: 'adr:0007-drop-legacy-email', line: null });
  });

  it('a `Decisions:` trailer cites the ADR too', () => {
    const r = run([base, migration('Decisions: ADR-0007')], { adrs: [accepted] });
    expect(r.of('destructive')[0]!.waiver?.by).toBe('adr');
    expect(r.of('destructive')[0]!.waiver?.line).toBe(lineOf(r.sources, 'bbbbbbbbbbbb', 'Decisions: ADR-0007'));
  });

  it('does not waive other checks, nor when the ADR is only proposed or not cited', () => {
    const proposed = adr('---\nstatus: proposed\naccepts: [destructive]\n---\n# Drop it\n', 'adr/0007-drop-legacy-email.md');
    expect(run([base, migration('Decisions: ADR-0007')], { adrs: [proposed] }).of('destructive')[0]!.waiver).toBeNull();
    expect(run([base, migration()], { adrs: [accepted] }).of('destructive')[0]!.waiver).toBeNull();
    const rename = run([base, { rev: 'bbbbbbbbbbbb', doc: 'Decisions: ADR-0007', upgrade: "op.alter_column('users', 'email', new_column_name='login')" }], { adrs: [accepted] });
    expect(rename.of('rename')[0]!.waiver).toBeNull();
  });

  it('a comment waiver wins over the docstring and the ADR', () => {
    const r = run([base, drop("op.drop_column('users', 'email')  # lore: ignore[destructive] the column was never written", { doc: 'Decisions: ADR-0007\nlore: ignore[destructive] whole migration' })], { adrs: [accepted] });
    expect(r.of('destructive')[0]!.waiver?.by).toBe('comment');
  });
});
