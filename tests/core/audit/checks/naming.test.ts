import { describe, expect, it } from 'vitest';
import { base, lineOf, rules, run } from '../helpers.ts';

const messages = (r: ReturnType<typeof run>) => r.of('naming').map((f) => f.message);

describe('naming', () => {
  it('passes the conventions: plural snake_case tables, snake_case columns, <parent>_id, ix_ names via op.f', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.create_table(
    'invoice_line_items',
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('organization_id', sa.BigInteger(), sa.ForeignKey('organizations.id')),
    sa.Column('actor_user_id', sa.BigInteger(), sa.ForeignKey('users.id')),
    sa.Column('category_id', sa.BigInteger(), sa.ForeignKey('billing.categories.id')),
)
op.create_index(op.f('ix_invoice_line_items_organization_id'), 'invoice_line_items', ['organization_id'])
op.create_index(op.f('ix_invoice_line_items_organization_id_actor_user_id'), 'invoice_line_items', ['organization_id', 'actor_user_id'])
op.create_unique_constraint('users_email_key', 'users', ['email'])`,
        downgrade: "op.drop_table('invoice_line_items')",
      },
    ]);
    expect(messages(r)).toEqual([]);
  });

  it('flags tables, columns, foreign-key columns and index names, with a suggestion', () => {
    const r = run([
      base,
      {
        rev: 'bbbbbbbbbbbb',
        upgrade: `
op.create_table(
    'InvoiceLineItem',
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('unitPrice', sa.Integer()),
    sa.Column('owner', sa.BigInteger(), sa.ForeignKey('users.id')),
)
op.create_table('audit_log', sa.Column('id', sa.Integer(), primary_key=True))
op.create_index('idx_users_email', 'users', ['email'])
op.rename_table('organizations', 'company')
op.alter_column('users', 'email', new_column_name='eMail')`,
        downgrade: 'pass',
      },
    ]);
    const s = r.sources;
    expect(r.of('naming').map((f) => [f.line, f.severity])).toEqual([
      [lineOf(s, 'bbbbbbbbbbbb', "'InvoiceLineItem'") - 1, 'warning'],
      [lineOf(s, 'bbbbbbbbbbbb', "'unitPrice'"), 'warning'],
      [lineOf(s, 'bbbbbbbbbbbb', "'owner'"), 'warning'],
      [lineOf(s, 'bbbbbbbbbbbb', "'audit_log'"), 'warning'],
      [lineOf(s, 'bbbbbbbbbbbb', 'idx_users_email'), 'warning'],
      [lineOf(s, 'bbbbbbbbbbbb', "'company'"), 'warning'],
      [lineOf(s, 'bbbbbbbbbbbb', "'eMail'"), 'warning'],
    ]);
    expect(messages(r)).toEqual([
      expect.stringMatching(/table name "InvoiceLineItem" is not plural snake_case; name it like "invoice_line_items"/),
      expect.stringMatching(/column name "InvoiceLineItem.unitPrice" is not snake_case; name it "unit_price"/),
      expect.stringMatching(/foreign-key column "InvoiceLineItem.owner" references users.id; name it "user_id"/),
      expect.stringMatching(/"audit_log" is not plural snake_case; name it like "audit_logs"/),
      expect.stringMatching(/index name "idx_users_email" does not follow ix_\{table\}_\{column\}; name it "ix_users_email"/),
      expect.stringMatching(/"company" is not plural snake_case; name it like "companies"/),
      expect.stringMatching(/"users.eMail" is not snake_case; name it "e_mail"/),
    ]);
  });

  it('flags identifiers longer than 63 bytes (UTF-8)', () => {
    const long = `ix_${'a'.repeat(61)}`;
    const r = run([
      base,
      { rev: 'bbbbbbbbbbbb', upgrade: `op.add_column('users', sa.Column('${'é'.repeat(32)}', sa.Text(), nullable=True))\nop.create_index('${long}', 'users', ['email'])`, downgrade: 'pass' },
    ]);
    // Same line: ordered by message.
    expect(messages(r)).toEqual([
      expect.stringMatching(/column name "users\.é+" is not snake_case; use lower-case ASCII words/),
      expect.stringMatching(/column name "é+" is 64 bytes; PostgreSQL cuts identifiers to 63 bytes/),
      expect.stringMatching(/index name "ix_a+" does not follow/),
      expect.stringMatching(/index name "ix_a+" is 64 bytes/),
    ]);
  });

  it('checks constraint names only when a template is configured, and honours options and aliases', () => {
    const config = rules(`---
checks:
  - check: naming
    rule: DB-2
    uq: "uq_{table}_{column}"
    ck: "ck_{table}_{name}"
    index: "{table}_{column}_idx"
    table: snake_case
---
# Rules

### DB-2: Constraint names follow the convention
`);
    const r = run(
      [
        base,
        {
          rev: 'bbbbbbbbbbbb',
          upgrade: `
op.create_unique_constraint('users_email_key', 'users', ['email'])
op.create_unique_constraint(op.f('uq_users_email'), 'users', ['email'])
op.create_check_constraint('ck_users_email_lower', 'users', 'email = lower(email)', postgresql_not_valid=True)
op.create_check_constraint('email_lower', 'users', 'email = lower(email)', postgresql_not_valid=True)
op.create_index('users_email_idx', 'users', ['email'])
op.create_table('audit_log', sa.Column('id', sa.Integer(), primary_key=True))`,
          downgrade: 'pass',
        },
      ],
      { rules: [config] },
    );
    expect(r.diagnostics).toEqual([]);
    expect(messages(r)).toEqual([
      expect.stringMatching(/^DB-2 \(Constraint names follow the convention\): unique constraint name "users_email_key" does not follow uq_\{table\}_\{column\}; name it "uq_users_email"/),
      expect.stringMatching(/check constraint name "email_lower" does not follow ck_\{table\}_\{name\}\./),
    ]);
    expect(r.of('naming').every((f) => f.rule === 'db-2')).toBe(true);
  });

  it('reports a bad template as a diagnostic and switches that part off', () => {
    const config = rules(`---\nchecks:\n  - check: naming\n    index: "ix_{tbl}"\n    table: plural\n---\n# Rules\n`);
    const r = run([base, { rev: 'bbbbbbbbbbbb', upgrade: "op.create_index('whatever', 'users', ['email'])", downgrade: 'pass' }], { rules: [config] });
    expect(r.diagnostics.map((d) => [d.code, d.path, d.line])).toEqual([
      ['audit/bad-option', 'rules/DB.md', 3],
      ['audit/bad-option', 'rules/DB.md', 3],
    ]);
    expect(r.diagnostics[0]!.message).toMatch(/unknown placeholder \{tbl\}/);
    expect(messages(r)).toEqual([]);
  });

  it('does not check downgrade()', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb', upgrade: 'pass', downgrade: "op.create_table('Legacy', sa.Column('id', sa.Integer()))" }]);
    expect(messages(r)).toEqual([]);
  });
});
