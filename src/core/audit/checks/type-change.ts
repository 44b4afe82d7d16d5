// type-change: alter_column(..., type_=...) on an existing column.
import type { Check } from '../types.ts';
import { columnOf } from './describe.ts';

export const typeChange: Check = {
  id: 'type-change',
  severity: 'warning',
  title: "Changes a column's type",
  help: "Most type changes rewrite the table under an ACCESS EXCLUSIVE lock, and the running code may not handle the new type. Add a new column, backfill it and switch over; waive the check only for metadata-only changes such as widening a varchar.",
  phases: ['upgrade', 'downgrade'],
  operation(op, ctx, emit) {
    if (op.kind !== 'alter_column' || op.kwargs.type_ === undefined) return;
    if (ctx.scope.columnIsNew(op.table, op.column, op.schema)) return;
    emit({
      line: op.line,
      callLine: op.line,
      message: `changes the type of ${columnOf(op)} to ${op.kwargs.type_}; most type changes rewrite the table under an ACCESS EXCLUSIVE lock and can break the running code. Add a new column, backfill it and switch over, or waive it when the change is metadata-only (e.g. widening a varchar).`,
    });
  },
};
