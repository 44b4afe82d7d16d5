// not-null-without-default: add_column(..., nullable=False) without server_default on an existing table.
import type { Check } from '../types.ts';
import { columnOf } from './describe.ts';

export const notNullWithoutDefault: Check = {
  id: 'not-null-without-default',
  severity: 'error',
  title: 'Adds a NOT NULL column without a server default to an existing table',
  help: 'ALTER TABLE … ADD COLUMN … NOT NULL without a default fails on a table that has rows (and passes on an empty staging table). Give the column a constant server_default, or add it nullable, backfill it, and set NOT NULL in a later migration.',
  phases: ['upgrade', 'downgrade'],
  operation(op, ctx, emit) {
    if (op.kind !== 'add_column' || ctx.scope.tableIsNew(op.table, op.schema)) return;
    for (const c of op.columnSpecs) {
      const notNull = c.nullable === false || c.primaryKey;
      const hasDefault = c.serverDefault !== null && c.serverDefault.trim() !== 'None';
      if (!notNull || hasDefault) continue;
      emit({
        line: c.line,
        callLine: op.line,
        message: `adds NOT NULL column ${columnOf(op, c.name)} without a server_default; on a table with rows the ALTER fails. Give it a constant server_default, or add it nullable, backfill it, then set NOT NULL in a later migration.`,
      });
    }
  },
};
