// raw-sql: every op.execute is noted (the other checks cannot see into SQL); its SQL is scanned for
// DROP, TRUNCATE, UPDATE / DELETE without WHERE and COMMIT, which are violations.
import type { Check } from '../types.ts';
import { scanSql, type SqlProblemKind } from '../sql.ts';

const advice: Record<SqlProblemKind, string> = {
  drop: 'drops a database object where no check sees it; use the op.* operation (op.drop_table, op.drop_index, op.drop_constraint …) so the audits apply.',
  'drop-column': 'drops a column and its data where no check sees it; use op.drop_column so the audits apply.',
  truncate: 'deletes every row of the table; data changes belong in a reviewed backfill with a WHERE clause, never a TRUNCATE in a migration.',
  'update-without-where': 'rewrites every row in one transaction and locks them all; add a WHERE clause (and batch large backfills).',
  'delete-without-where': 'deletes every row of the table; add a WHERE clause that says which rows go.',
  commit: 'ends the migration\'s transaction half-way; for statements that cannot run in a transaction use op.get_context().autocommit_block().',
};

export const rawSql: Check = {
  id: 'raw-sql',
  severity: 'warning',
  title: 'Runs raw SQL (op.execute)',
  help: 'The audits cannot see into SQL strings, so every op.execute is noted (info). Its SQL is scanned, after removing comments and string literals, for DROP, ALTER TABLE … DROP COLUMN, TRUNCATE, UPDATE or DELETE without WHERE, and COMMIT, which are reported at the check\'s severity. Use an op.* operation when one exists.',
  phases: ['upgrade'],
  operation(op, _ctx, emit) {
    if (op.kind !== 'execute') return;
    if (op.sql === null) {
      emit({ line: op.line, callLine: op.line, severity: 'info', message: 'op.execute runs SQL that is not a literal, so Lore cannot scan it; review it by hand, and use an op.* operation when one exists.' });
      return;
    }
    const problems = scanSql(op.sql);
    if (problems.length === 0) {
      emit({ line: op.line, callLine: op.line, severity: 'info', message: 'op.execute runs SQL that the other checks cannot see into; keep it to what Alembic has no operation for.' });
      return;
    }
    for (const p of problems) emit({ line: op.line, callLine: op.line, message: `raw SQL "${p.statement} …" ${advice[p.kind]}` });
  },
};
