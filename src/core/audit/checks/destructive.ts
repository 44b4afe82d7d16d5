// destructive: drop_table / drop_column in upgrade(), batch mode included.
import type { Check } from '../types.ts';
import { columnOf, tableOf } from './describe.ts';

export const destructive: Check = {
  id: 'destructive',
  severity: 'error',
  title: 'Drops a table or a column',
  help: 'drop_table and drop_column delete data that no downgrade can bring back, and break the running release if it still uses the table or column. Drop only after a release that no longer uses it, and cite the accepted ADR that decided the drop (front matter `accepts: [destructive]`).',
  phases: ['upgrade'],
  operation(op, ctx, emit) {
    if (op.kind === 'drop_table') {
      if (ctx.scope.tableIsNew(op.table, op.schema)) return;
      emit({
        line: op.line,
        callLine: op.line,
        message: `drop_table deletes table ${tableOf(op)} and all its rows for good. Drop it only in a release after the code stopped using it, and cite the accepted ADR that decided it (front matter \`accepts: [destructive]\`).`,
      });
    } else if (op.kind === 'drop_column') {
      if (ctx.scope.columnIsNew(op.table, op.column, op.schema)) return;
      emit({
        line: op.line,
        callLine: op.line,
        message: `drop_column deletes ${columnOf(op)} and its data for good. Drop it only in a release after the code stopped reading it, and cite the accepted ADR that decided it (front matter \`accepts: [destructive]\`).`,
      });
    }
  },
};
