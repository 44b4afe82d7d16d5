import { describe, expect, it } from 'vitest';
import { base, lineOf, run } from '../helpers.ts';

const at = (sql: string) => run([base, { rev: 'bbbbbbbbbbbb', upgrade: `op.execute(${sql})`, downgrade: 'pass' }]).of('raw-sql');

describe('raw-sql', () => {
  it('notes every op.execute (info), with its line', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb', upgrade: "op.execute('CREATE EXTENSION IF NOT EXISTS citext')", downgrade: 'pass' }]);
    expect(r.of('raw-sql').map((f) => [f.line, f.severity])).toEqual([[lineOf(r.sources, 'bbbbbbbbbbbb', 'op.execute'), 'info']]);
  });

  it('reports dangerous statements at the check severity', () => {
    expect(at('"DELETE FROM users"').map((f) => f.severity)).toEqual(['warning']);
    expect(at('"UPDATE users SET email = lower(email)"')[0]!.message).toMatch(/UPDATE USERS SET EMAIL.*WHERE/);
    expect(at('"TRUNCATE audit_events"')[0]!.message).toMatch(/every row/);
    expect(at('"DROP TABLE legacy"')[0]!.message).toMatch(/op\.drop_table/);
    expect(at('"ALTER TABLE users DROP COLUMN email"')[0]!.message).toMatch(/op\.drop_column/);
    // Same line: ordered by message.
    expect(at('"UPDATE users SET a = 1; COMMIT;"').map((f) => f.message)).toEqual([expect.stringMatching(/COMMIT.*autocommit_block/), expect.stringMatching(/UPDATE.*WHERE/)]);
    expect(at('sa.text("DELETE FROM users")').map((f) => f.severity)).toEqual(['warning']);
  });

  it('does not report words in comments or string literals, nor statements with WHERE', () => {
    for (const sql of [
      '"-- DROP TABLE users\\nSELECT 1"',
      '"/* TRUNCATE x */ SELECT 1"',
      `"SELECT 'DROP TABLE users'"`,
      '"UPDATE users SET email = lower(email) WHERE email <> lower(email)"',
      '"DELETE FROM users WHERE id IN (SELECT id FROM users WHERE email IS NULL)"',
      '"ALTER TABLE users DROP CONSTRAINT ck_x"',
      '"ALTER TABLE users ALTER COLUMN email DROP DEFAULT"',
      '"GRANT SELECT, UPDATE, DELETE ON users TO app"',
      '"""DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = \'app\') THEN REVOKE UPDATE, DELETE, TRUNCATE ON users FROM app; END IF; END $$"""',
    ]) {
      expect(at(sql).map((f) => f.severity), sql).toEqual(['info']);
    }
  });

  it('notes SQL that is not a literal', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb', module: 'TABLE = "users"', upgrade: 'op.execute(f"DELETE FROM {TABLE}")', downgrade: 'pass' }]);
    expect(r.of('raw-sql').map((f) => f.severity)).toEqual(['info']);
    expect(r.of('raw-sql')[0]!.message).toMatch(/not a literal/);
  });

  it('looks only at upgrade()', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb', upgrade: 'pass', downgrade: 'op.execute("DROP EXTENSION citext")' }]);
    expect(r.of('raw-sql')).toEqual([]);
  });
});
