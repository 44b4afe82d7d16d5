import { describe, expect, it } from 'vitest';
import { scanSql, stripSql } from '../../../src/core/audit/sql.ts';

const kinds = (sql: string) => scanSql(sql).map((p) => p.kind);

describe('SQL scan', () => {
  it('strips comments (nested too), string literals and quoted identifiers', () => {
    expect(stripSql("SELECT 'a''b' -- c\n/* x /* y */ z */ FROM \"T\"")).toBe('SELECT  ?   \n  FROM  x ');
    expect(kinds("SELECT E'it\\'s DROP TABLE x'")).toEqual([]);
  });

  it('finds DROP, DROP COLUMN, TRUNCATE, UPDATE/DELETE without WHERE and COMMIT', () => {
    expect(kinds('drop table if exists legacy')).toEqual(['drop']);
    expect(kinds('ALTER TABLE users DROP COLUMN IF EXISTS email, DROP CONSTRAINT ck')).toEqual(['drop-column']);
    expect(kinds('ALTER TABLE users DROP email')).toEqual(['drop-column']);
    expect(kinds('TRUNCATE users')).toEqual(['truncate']);
    expect(kinds('UPDATE users SET a = (SELECT b FROM c WHERE c.id = 1)')).toEqual(['update-without-where']);
    expect(kinds('WITH gone AS (DELETE FROM sessions RETURNING id) SELECT count(*) FROM gone')).toEqual(['delete-without-where']);
    expect(kinds('BEGIN; UPDATE t SET a = 1 WHERE b; COMMIT;')).toEqual(['commit']);
    expect(kinds('DO $body$ BEGIN UPDATE t SET a = 1; END $body$')).toEqual(['update-without-where']);
  });

  it('ignores the same words where they are not statements', () => {
    for (const sql of [
      'GRANT SELECT, UPDATE, DELETE, TRUNCATE ON t TO app',
      'SELECT * FROM t FOR UPDATE',
      'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id) ON DELETE CASCADE',
      'INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = excluded.a',
      'UPDATE t SET status = CASE WHEN paid THEN status ELSE status END WHERE id = $1',
      'ALTER TABLE t ALTER COLUMN c DROP NOT NULL',
      'CREATE TRIGGER x BEFORE UPDATE OR DELETE ON t FOR EACH ROW EXECUTE FUNCTION f()',
      'DO $$ BEGIN IF x THEN RAISE NOTICE ?; END IF; END $$',
    ]) {
      expect(kinds(sql), sql).toEqual([]);
    }
  });
});
