import { describe, expect, it } from 'vitest';
import { parseRevisionFile } from '../../../src/core/alembic/file.ts';
import { dedent } from '../../../src/core/alembic/operations.ts';
import type { Operation, ParsedRevisionFile } from '../../../src/core/model.ts';

const HEAD = `"""test"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None
`;

function parse(code: string, head = HEAD): ParsedRevisionFile {
  return parseRevisionFile(new TextEncoder().encode(head + code), 'versions/a1_test.py');
}

/** Operations of `upgrade()` whose body is `body` (indented by the caller with 4 spaces). */
function upgrade(body: string, extra = ''): Operation[] {
  const file = parse(`${extra}\ndef upgrade():\n${body}\n`);
  expect(file.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return file.upgrade;
}

function only(body: string): Operation {
  const ops = upgrade(body);
  expect(ops).toHaveLength(1);
  return ops[0]!;
}

describe('operations: each op kind, positional and keyword forms', () => {
  it('create_table with columns, types, flags, defaults, foreign keys and table constraints', () => {
    const op = only(`    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=True, server_default=sa.text("''")),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE")),
        sa.Column("tenant_id", sa.Integer()),
        sa.Column("code", type_=sa.Text(), primary_key=True),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        schema="billing",
    )`);
    expect(op).toMatchObject({ kind: 'create_table', call: 'create_table', table: 'accounts', schema: 'billing', line: 9, batch: false, via: null });
    expect(op.kwargs).toEqual({ schema: '"billing"' });
    expect(op.columnSpecs).toEqual([
      { name: 'id', type: 'sa.Integer()', nullable: false, primaryKey: true, serverDefault: null, foreignKey: null, line: 11 },
      { name: 'email', type: 'sa.String(length=255)', nullable: true, primaryKey: false, serverDefault: `sa.text("''")`, foreignKey: null, line: 12 },
      { name: 'owner_id', type: 'sa.Integer', nullable: null, primaryKey: false, serverDefault: null, foreignKey: 'users.id', line: 13 },
      { name: 'tenant_id', type: 'sa.Integer()', nullable: null, primaryKey: false, serverDefault: null, foreignKey: 'tenants.id', line: 14 },
      { name: 'code', type: 'sa.Text()', nullable: false, primaryKey: true, serverDefault: null, foreignKey: null, line: 15 },
    ]);
  });

  it('create_table with the table name as keyword and a module constant', () => {
    expect(only(`    op.create_table(table_name="t1")`).table).toBe('t1');
    const ops = upgrade(`    op.create_table(TABLE, sa.Column("id", sa.Integer))`, 'TABLE = "from_constant"');
    expect(ops[0]!.table).toBe('from_constant');
  });

  it('drop_table, rename_table', () => {
    expect(only(`    op.drop_table("users", schema="s", if_exists=True)`)).toMatchObject({ kind: 'drop_table', table: 'users', schema: 's', kwargs: { schema: '"s"', if_exists: 'True' } });
    expect(only(`    op.drop_table(table_name="users")`).table).toBe('users');
    expect(only(`    op.rename_table("old", "new")`)).toMatchObject({ kind: 'rename_table', table: 'old', newName: 'new' });
    expect(only(`    op.rename_table(old_table_name="old", new_table_name="new")`)).toMatchObject({ table: 'old', newName: 'new' });
  });

  it('add_column / drop_column / alter_column', () => {
    const add = only(`    op.add_column("users", sa.Column("age", sa.Integer(), nullable=True), schema=None)`);
    expect(add).toMatchObject({ kind: 'add_column', table: 'users', column: 'age', schema: null });
    expect(add.columnSpecs.map((c) => [c.name, c.type, c.nullable])).toEqual([['age', 'sa.Integer()', true]]);
    expect(only(`    op.add_column(table_name="users", column=sa.Column("age", sa.Integer()))`).column).toBe('age');
    expect(only(`    op.drop_column("users", "age")`)).toMatchObject({ kind: 'drop_column', table: 'users', column: 'age' });
    expect(only(`    op.drop_column(table_name="users", column_name="age")`)).toMatchObject({ table: 'users', column: 'age' });
    const alter = only(`    op.alter_column("users", "name", new_column_name="full_name", existing_type=sa.String(50), nullable=False)`);
    expect(alter).toMatchObject({ kind: 'alter_column', table: 'users', column: 'name', newName: 'full_name' });
    expect(alter.kwargs).toEqual({ new_column_name: '"full_name"', existing_type: 'sa.String(50)', nullable: 'False' });
  });

  it('indexes with op.f names', () => {
    const idx = only(`    op.create_index(op.f("ix_users_email"), "users", ["email", sa.text("lower(name)")], unique=True)`);
    expect(idx).toMatchObject({ kind: 'create_index', name: 'ix_users_email', table: 'users', columns: ['email', 'sa.text("lower(name)")'] });
    expect(only(`    op.create_index(index_name="ix", table_name="t", columns=("a",))`)).toMatchObject({ name: 'ix', table: 't', columns: ['a'] });
    expect(only(`    op.create_index("ix", "t", "a")`).columns).toEqual(['a']);
    expect(only(`    op.drop_index(op.f("ix_users_email"), table_name="users")`)).toMatchObject({ kind: 'drop_index', name: 'ix_users_email', table: 'users' });
    expect(only(`    op.drop_index("ix_x")`)).toMatchObject({ name: 'ix_x', table: null });
    expect(only(`    op.drop_index("ix_x", "t")`).table).toBe('t');
  });

  it('constraints', () => {
    expect(only(`    op.create_foreign_key("fk_a_b", "a", "b", ["b_id"], ["id"], ondelete="CASCADE", source_schema="s")`)).toMatchObject({
      kind: 'create_foreign_key',
      name: 'fk_a_b',
      table: 'a',
      referent: 'b',
      columns: ['b_id'],
      schema: 's',
    });
    expect(
      only(`    op.create_foreign_key(constraint_name=None, source_table="a", referent_table="b", local_cols=["b_id"], remote_cols=["id"])`),
    ).toMatchObject({ name: null, table: 'a', referent: 'b', columns: ['b_id'] });
    expect(only(`    op.create_unique_constraint("uq_email", "users", ["email"])`)).toMatchObject({ kind: 'create_unique_constraint', name: 'uq_email', table: 'users', columns: ['email'] });
    expect(only(`    op.create_primary_key("pk_t", "t", ["a", "b"])`)).toMatchObject({ kind: 'create_primary_key', name: 'pk_t', table: 't', columns: ['a', 'b'] });
    expect(only(`    op.create_check_constraint("ck_pos", "t", "amount > 0")`)).toMatchObject({ kind: 'create_check_constraint', name: 'ck_pos', table: 't' });
    expect(only(`    op.create_check_constraint("ck_pos", table_name="t", condition=sa.column("a") > 0)`).table).toBe('t');
    expect(only(`    op.create_exclude_constraint("ex_range", "bookings", ("room", "="), ("during", "&&"), using="gist")`)).toMatchObject({
      kind: 'create_exclude_constraint',
      name: 'ex_range',
      table: 'bookings',
      columns: ['room', 'during'],
    });
    expect(only(`    op.drop_constraint(op.f("fk_a_b"), "a", type_="foreignkey")`)).toMatchObject({ kind: 'drop_constraint', name: 'fk_a_b', table: 'a', kwargs: { type_: '"foreignkey"' } });
    expect(only(`    op.drop_constraint(constraint_name="uq", table_name="t")`)).toMatchObject({ name: 'uq', table: 't' });
  });

  it('table comments', () => {
    expect(only(`    op.create_table_comment("users", "People", existing_comment=None)`)).toMatchObject({ kind: 'create_table_comment', table: 'users' });
    expect(only(`    op.drop_table_comment(table_name="users")`)).toMatchObject({ kind: 'drop_table_comment', table: 'users' });
  });

  it('bulk_insert: table from sa.table(...) via a local variable, inline, or op.create_table', () => {
    const ops = upgrade(`    accounts = sa.table("accounts", sa.column("id", sa.Integer), schema="billing")
    op.bulk_insert(accounts, [{"id": 1}])
    op.bulk_insert(sa.Table("inline_t", sa.MetaData()), [])
    t = op.create_table("created", sa.Column("id", sa.Integer))
    op.bulk_insert(t, [])`);
    expect(ops.map((o) => [o.kind, o.table, o.schema])).toEqual([
      ['bulk_insert', 'accounts', 'billing'],
      ['bulk_insert', 'inline_t', null],
      ['create_table', 'created', null],
      ['bulk_insert', 'created', null],
    ]);
  });

  it('execute: literal, sa.text, text, dedent, variable, statement object', () => {
    const ops = upgrade(`    op.execute("UPDATE users SET active = true")
    op.execute(sa.text("DELETE FROM t WHERE x = :x"))
    op.execute(text('SELECT 1' ' + 1'))
    op.execute(textwrap.dedent("""
        UPDATE a
          SET b = 1
    """))
    stmt = "DROP VIEW v"
    op.execute(stmt)
    op.execute(users.update().values(active=True))
    op.execute(sqltext="VACUUM")
    op.execute(sa.text("UPDATE t SET a = :a").bindparams(a=1))`);
    expect(ops.map((o) => [o.kind, o.sql])).toEqual([
      ['execute', 'UPDATE users SET active = true'],
      ['execute', 'DELETE FROM t WHERE x = :x'],
      ['execute', 'SELECT 1 + 1'],
      ['execute', '\nUPDATE a\n  SET b = 1\n'],
      ['execute', 'DROP VIEW v'],
      ['execute', null],
      ['execute', 'VACUUM'],
      ['execute', 'UPDATE t SET a = :a'],
    ]);
  });

  it('plugin operations are kind other; helpers on op are not operations', () => {
    const ops = upgrade(`    conn = op.get_bind()
    ctx = op.get_context()
    v = op.inline_literal("x")
    op.sync_enum_values("public", "status", ["a", "b"], table_name="orders")
    op.create_view(view)
    op.run_async(fn)
    op.invoke(operation)`);
    expect(ops.map((o) => [o.kind, o.call, o.table])).toEqual([
      ['other', 'sync_enum_values', 'orders'],
      ['other', 'create_view', null],
    ]);
  });

  it('records lines, keeps source order, and scans nested blocks', () => {
    const ops = upgrade(`    if op.get_context().dialect.name == "postgresql":
        op.execute("SET x")
    for name in ("a", "b"):
        op.drop_table(name)
    try:
        op.drop_index("ix")
    except Exception:
        pass`);
    expect(ops.map((o) => [o.kind, o.line])).toEqual([
      ['execute', 10],
      ['drop_table', 12],
      ['drop_index', 14],
    ]);
  });

  it('ignores op calls outside upgrade/downgrade and helpers that are never called', () => {
    const file = parse(`conn = op.get_bind()
op.drop_table("module_level")

def unused():
    op.drop_table("never")

def upgrade():
    pass
`);
    expect(file.upgrade).toEqual([]);
  });
});

describe('operations: batch mode and autocommit', () => {
  it('batch_alter_table: table and schema from the with, ops on the alias', () => {
    const ops = upgrade(`    with op.batch_alter_table("users", schema="app", recreate="auto") as batch_op:
        batch_op.add_column(sa.Column("age", sa.Integer()))
        batch_op.drop_column("legacy")
        batch_op.alter_column("name", new_column_name="full_name")
        batch_op.create_index("ix_age", ["age"])
        batch_op.drop_index("ix_old")
        batch_op.create_foreign_key("fk_org", "orgs", ["org_id"], ["id"])
        batch_op.create_unique_constraint("uq_email", ["email"])
        batch_op.drop_constraint("ck_old", type_="check")
        batch_op.f("not_an_op")
    op.drop_table("other")`);
    expect(ops.map((o) => [o.kind, o.table, o.schema, o.batch, o.column, o.name, o.columns, o.referent, o.newName])).toEqual([
      ['add_column', 'users', 'app', true, 'age', null, [], null, null],
      ['drop_column', 'users', 'app', true, 'legacy', null, [], null, null],
      ['alter_column', 'users', 'app', true, 'name', null, [], null, 'full_name'],
      ['create_index', 'users', 'app', true, null, 'ix_age', ['age'], null, null],
      ['drop_index', 'users', 'app', true, null, 'ix_old', [], null, null],
      ['create_foreign_key', 'users', 'app', true, null, 'fk_org', ['org_id'], 'orgs', null],
      ['create_unique_constraint', 'users', 'app', true, null, 'uq_email', ['email'], null, null],
      ['drop_constraint', 'users', 'app', true, null, 'ck_old', [], null, null],
      ['drop_table', 'other', null, false, null, null, [], null, null],
    ]);
  });

  it('any alias name, several with items, keyword table name, parenthesised with', () => {
    const ops = upgrade(`    with op.batch_alter_table(table_name="a") as ba, op.batch_alter_table("b") as bb:
        ba.drop_column("x")
        bb.drop_column("y")
    with (op.batch_alter_table("c") as bc, op.batch_alter_table("d") as bd):
        bc.drop_column("z")
        bd.drop_column("w")`);
    expect(ops.map((o) => [o.table, o.column, o.batch])).toEqual([
      ['a', 'x', true],
      ['b', 'y', true],
      ['c', 'z', true],
      ['d', 'w', true],
    ]);
  });

  it('autocommit_block marks the operations inside it, including through helpers', () => {
    const file = parse(`
def _concurrently():
    op.create_index("ix_c", "t", ["c"], postgresql_concurrently=True)

def upgrade():
    op.add_column("t", sa.Column("c", sa.Integer()))
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE status ADD VALUE 'x'")
        _concurrently()
    op.drop_column("t", "d")
`);
    expect(file.upgrade.map((o) => [o.kind, o.autocommit, o.via])).toEqual([
      ['add_column', false, null],
      ['execute', true, null],
      ['create_index', true, '_concurrently'],
      ['drop_column', false, null],
    ]);
  });
});

describe('operations: helpers, aliases, multi-db and downgrade shapes', () => {
  it('follows module-level helpers transitively and records via; recursion is cut', () => {
    const file = parse(`
def _inner(table):
    op.drop_column(table, "x")
    _inner(table)

def _outer():
    op.create_table("made_by_helper")
    _inner("t2")

def _with_batch(b):
    b.drop_column("y")

def upgrade():
    _outer()
    with op.batch_alter_table("t3") as batch_op:
        _with_batch(batch_op)
    op.drop_table("direct")
`);
    expect(file.upgrade.map((o) => [o.kind, o.table, o.via, o.batch])).toEqual([
      ['create_table', 'made_by_helper', '_outer', false],
      ['drop_column', 't2', '_inner', false],
      ['drop_column', 't3', '_with_batch', true],
      ['drop_table', 'direct', null, false],
    ]);
  });

  it('binds helper parameters to the caller arguments', () => {
    const file = parse(`
AUDITED = "orders"

def _audit(table, *, column="updated_at"):
    op.add_column(table, sa.Column(column, sa.DateTime()))

def upgrade():
    for name in ("a", "b"):
        _audit(name)
    _audit("users")
    _audit(AUDITED, column="touched_at")
`);
    expect(file.upgrade.map((o) => [o.table, o.column, o.via])).toEqual([
      [null, 'updated_at', '_audit'],
      ['users', 'updated_at', '_audit'],
      ['orders', 'touched_at', '_audit'],
    ]);
  });

  it('resolves an `op` alias from the imports', () => {
    const head = `"""alias"""\nfrom alembic import context, op as o\nrevision = "a1"\ndown_revision = None\n`;
    const file = parse(`\ndef upgrade():\n    o.drop_table("x")\n    o.f("not_an_op")\n`, head);
    expect(file.upgrade.map((op) => [op.kind, op.table])).toEqual([['drop_table', 'x']]);
    const viaModule = parse(`\ndef upgrade():\n    alembic.op.drop_table("y")\n`, `"""m"""\nimport alembic\nrevision = "a1"\ndown_revision = None\n`);
    expect(viaModule.upgrade.map((op) => op.table)).toEqual(['y']);
  });

  it('multi-database templates: upgrade(engine_name) dispatching to upgrade_<name>()', () => {
    const file = parse(`
def upgrade(engine_name):
    globals()["upgrade_%s" % engine_name]()

def downgrade(engine_name):
    globals()["downgrade_%s" % engine_name]()

def upgrade_engine1():
    op.create_table("e1")

def downgrade_engine1():
    op.drop_table("e1")

def upgrade_engine2():
    op.create_table("e2")

def downgrade_engine2():
    pass
`);
    expect(file.upgrade.map((o) => [o.table, o.via])).toEqual([
      ['e1', 'upgrade_engine1'],
      ['e2', 'upgrade_engine2'],
    ]);
    expect(file.downgrade.map((o) => [o.kind, o.table])).toEqual([['drop_table', 'e1']]);
    expect(file.downgradeShape).toEqual({ kind: 'operations', line: 11 });
  });

  it('downgrade missing', () => {
    expect(parse(`\ndef upgrade():\n    pass\n`).downgradeShape).toEqual({ kind: 'missing' });
  });

  it('downgrade empty: pass, ..., docstring, annotation', () => {
    expect(parse(`\ndef downgrade():\n    pass\n`).downgradeShape).toEqual({ kind: 'empty', line: 8 });
    expect(parse(`\ndef downgrade() -> None:\n    """Downgrade schema."""\n    ...\n`).downgradeShape).toEqual({ kind: 'empty', line: 8 });
    expect(parse(`\ndef downgrade(): pass\n`).downgradeShape).toEqual({ kind: 'empty', line: 8 });
  });

  it('downgrade one-way: raise with a reason, without, or a non-literal message', () => {
    const reason = parse(`\ndef downgrade():\n    """No way back."""\n    raise NotImplementedError("cannot restore \\u00e9 data")\n`);
    expect(reason.downgradeShape).toEqual({ kind: 'one-way', line: 10, reason: 'cannot restore é data' });
    expect(reason.downgrade).toEqual([]);
    expect(parse(`\ndef downgrade():\n    raise NotImplementedError\n`).downgradeShape).toEqual({ kind: 'one-way', line: 9, reason: null });
    expect(parse(`\ndef downgrade():\n    raise RuntimeError(MESSAGE)\n`).downgradeShape).toEqual({ kind: 'one-way', line: 9, reason: null });
    expect(parse(`\ndef downgrade():\n    raise Exception(\n        "irreversible "\n        "migration"\n    )\n`).downgradeShape).toMatchObject({ reason: 'irreversible migration' });
  });

  it('downgrade with operations; a raise inside a branch does not make it one-way', () => {
    const file = parse(`\ndef downgrade():\n    if False:\n        raise ValueError("x")\n    op.drop_table("users")\n`);
    expect(file.downgradeShape).toEqual({ kind: 'operations', line: 8 });
    expect(file.downgrade.map((o) => [o.kind, o.table, o.line])).toEqual([['drop_table', 'users', 11]]);
  });

  it('function docstrings inside upgrade() do not affect the module message', () => {
    const file = parse(`\ndef upgrade() -> None:\n    """Upgrade schema."""\n    op.drop_table("x")\n`);
    expect(file.message).toBe('test');
    expect(file.upgrade).toHaveLength(1);
  });
});

describe('dedent', () => {
  it('removes the common margin like textwrap.dedent', () => {
    expect(dedent('  a\n    b\n\n  c')).toBe('a\n  b\n\nc');
    expect(dedent('\ta\n  b')).toBe('\ta\n  b');
    expect(dedent('x\n  y')).toBe('x\n  y');
  });
});
