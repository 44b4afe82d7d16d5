import { describe, expect, it } from 'vitest';
import { downgradeScope, newCatalog, upgradeScope } from '../../../src/core/audit/catalog.ts';
import type { Operation } from '../../../src/core/model.ts';

const op = (kind: Operation['kind'], table: string, extra: Partial<Operation> = {}): Operation => ({
  kind,
  call: kind,
  table,
  schema: null,
  column: null,
  columnSpecs: [],
  columns: [],
  newName: null,
  name: null,
  referent: null,
  kwargs: {},
  sql: null,
  line: 1,
  batch: false,
  autocommit: false,
  via: null,
  ...extra,
});
const col = (name: string) => ({ name, type: null, nullable: null, primaryKey: false, serverDefault: null, foreignKey: null, line: 1 });

describe('table catalog', () => {
  it('knows what an earlier migration created, and what this one created', () => {
    const c = newCatalog();
    const first = upgradeScope(c, 'r1');
    first.apply(op('create_table', 'users', { columnSpecs: [col('id')] }));
    expect(first.tableIsNew('users')).toBe(true);
    const second = upgradeScope(c, 'r2');
    expect(second.tableIsNew('users')).toBe(false);
    expect(second.columnIsNew('users', 'id')).toBe(false);
    second.apply(op('add_column', 'users', { columnSpecs: [col('email')] }));
    expect(second.columnIsNew('users', 'email')).toBe(true);
    expect(upgradeScope(c, 'r3').columnIsNew('users', 'email')).toBe(false);
  });

  it('treats tables it never saw created as existing', () => {
    const s = upgradeScope(newCatalog(), 'r1');
    expect(s.tableIsNew('legacy')).toBe(false);
    expect(s.columnIsNew('legacy', 'x')).toBe(false);
    expect(s.tableIsNew(null)).toBe(false);
  });

  it('follows renames of tables and columns', () => {
    const c = newCatalog();
    upgradeScope(c, 'r1').apply(op('create_table', 'account', { columnSpecs: [col('nm')] }));
    const r2 = upgradeScope(c, 'r2');
    r2.apply(op('rename_table', 'account', { newName: 'accounts' }));
    r2.apply(op('alter_column', 'accounts', { column: 'nm', newName: 'name' }));
    expect(r2.tableIsNew('accounts')).toBe(false);
    expect(r2.tableIsNew('account')).toBe(false); // gone, so unknown: existing
    expect(r2.columnIsNew('accounts', 'name')).toBe(false);
    // Created and renamed in the same migration: still new.
    r2.apply(op('create_table', 'tmp', {}));
    r2.apply(op('rename_table', 'tmp', { newName: 'scratch' }));
    expect(r2.tableIsNew('scratch')).toBe(true);
  });

  it('runs downgrade() against the upgrade state without changing the catalog', () => {
    const c = newCatalog();
    upgradeScope(c, 'r1').apply(op('create_table', 'users', {}));
    const up = upgradeScope(c, 'r2');
    up.apply(op('create_table', 'teams', {}));
    up.apply(op('add_column', 'users', { columnSpecs: [col('team_id')] }));
    const down = downgradeScope(c, 'r2');
    expect(down.tableIsNew('teams')).toBe(true); // its own upgrade created it
    expect(down.columnIsNew('users', 'team_id')).toBe(true);
    expect(down.tableIsNew('users')).toBe(false);
    down.apply(op('drop_column', 'users', { column: 'team_id' }));
    down.apply(op('create_table', 'legacy', {}));
    expect(down.tableIsNew('legacy')).toBe(true);
    const next = upgradeScope(c, 'r3');
    expect(next.tableIsNew('legacy')).toBe(false);
    expect(next.columnIsNew('users', 'team_id')).toBe(false);
    next.apply(op('drop_column', 'users', { column: 'team_id' }));
    expect(c.tables.get('users')!.columns.has('team_id')).toBe(false);
    expect(c.tables.has('legacy')).toBe(false);
  });
});
