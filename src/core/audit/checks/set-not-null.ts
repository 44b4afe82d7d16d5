// set-not-null: alter_column(..., nullable=False) on an existing column.
import type { Check } from '../types.ts';
import { columnOf } from './describe.ts';

export const setNotNull: Check = {
  id: 'set-not-null',
  severity: 'warning',
  title: 'Sets NOT NULL on an existing column',
  help: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock. Add a CHECK (column IS NOT NULL) constraint NOT VALID, validate it in a separate migration, then set NOT NULL (PostgreSQL 12+ then skips the scan).',
  phases: ['upgrade', 'downgrade'],
  operation(op, ctx, emit) {
    if (op.kind !== 'alter_column' || op.kwargs.nullable?.trim() !== 'False') return;
    if (ctx.scope.columnIsNew(op.table, op.column, op.schema)) return;
    emit({
      line: op.line,
      callLine: op.line,
      message: `sets ${columnOf(op)} NOT NULL, which scans the whole table under an ACCESS EXCLUSIVE lock. Add a CHECK (${op.column ?? 'column'} IS NOT NULL) NOT VALID constraint, validate it in a separate migration, then set NOT NULL.`,
    });
  },
};
