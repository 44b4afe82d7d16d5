import { describe, expect, it } from 'vitest';
import { base, rules, run, type Mig } from './helpers.ts';

const migration: Mig = {
  rev: 'bbbbbbbbbbbb',
  upgrade: `
op.drop_column('users', 'email')
op.create_index('ix_users_created_at', 'users', ['created_at'])
op.create_table('Team', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('ownerId', sa.Integer()))`,
  downgrade: 'raise NotImplementedError("no way back")',
};

const file = rules(`---
checks:
  - check: destructive
    rule: DB-011
    severity: warning
  - check: index-lock
    severity: off
  - check: naming
    rule: DB-004
    table: plural_snake_case
  - check: naming
    rule: DB-005
    severity: info
    column: snake_case
  - check: no-such-check
    rule: DB-004
  - check: rename
    rule: DB-999
  - check: downgrade
    colour: blue
---
# Database rules

### DB-004: Name tables in plural snake_case

### DB-005: Name columns in snake_case

### DB-011: Drop only with an accepted ADR
`);

describe('configuration from the rules files', () => {
  const r = run([base, migration], { rules: [file] });

  it('maps checks to rules and names the rule in the message', () => {
    const [f] = r.of('destructive');
    expect(f?.rule).toBe('db-011');
    expect(f?.message).toMatch(/^DB-011 \(Drop only with an accepted ADR\): drop_column deletes users\.email/);
  });

  it('overrides the severity, and switches a check off', () => {
    expect(r.of('destructive').map((f) => f.severity)).toEqual(['warning']);
    expect(r.of('index-lock')).toEqual([]);
  });

  it('gives each part of a check the rule and severity of its own entry', () => {
    expect(r.of('naming').map((f) => [f.rule, f.severity, f.message.slice(0, 7)])).toEqual([
      ['db-004', 'warning', 'DB-004 '],
      ['db-005', 'info', 'DB-005 '],
    ]);
  });

  it('reports unknown checks, rules and options with file and line', () => {
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.path, d.line])).toEqual([
      ['audit/unknown-check', 'error', 'rules/DB.md', 15],
      ['audit/unknown-rule', 'warning', 'rules/DB.md', 17],
      ['audit/unknown-option', 'warning', 'rules/DB.md', 19],
    ]);
    expect(r.diagnostics[0]!.message).toMatch(/`no-such-check`.*destructive, downgrade/);
  });

  it('uses the defaults when nothing is declared', () => {
    const plain = run([base, migration]);
    expect(plain.of('destructive').map((f) => [f.severity, f.rule])).toEqual([['error', null]]);
    expect(plain.of('index-lock').map((f) => f.severity)).toEqual(['error']);
    expect(plain.of('destructive')[0]!.message).toMatch(/^drop_column deletes/);
  });

  it('reads a ```lore-checks block too', () => {
    const block = rules('# Rules\n\n### DB-011: Drop carefully\n\n```lore-checks\n- check: destructive\n  rule: DB-011\n  severity: info\n```\n');
    expect(run([base, migration], { rules: [block] }).of('destructive').map((f) => [f.severity, f.rule])).toEqual([['info', 'db-011']]);
  });
});
