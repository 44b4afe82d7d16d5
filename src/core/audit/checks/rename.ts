// rename: rename_table, alter_column(..., new_column_name=...): the running release still uses the old name.
import type { Check } from '../types.ts';
import { columnOf, tableOf } from './describe.ts';

const instead = 'Expand and contract instead (add the new one, write both, backfill, switch reads, drop the old one a release later), or waive it with the reason no running code uses the old name.';

export const rename: Check = {
  id: 'rename',
  severity: 'error',
  title: 'Renames a table or a column',
  help: `A rename breaks the release that is still running: to the old code the old name is simply gone. ${instead}`,
  phases: ['upgrade', 'downgrade'],
  operation(op, ctx, emit) {
    if (op.kind === 'rename_table' && op.newName !== null) {
      if (ctx.scope.tableIsNew(op.table, op.schema)) return;
      emit({ line: op.line, callLine: op.line, message: `renames table ${tableOf(op)} to ${op.newName}; the running release still queries ${op.table}. ${instead}` });
    } else if (op.kind === 'alter_column' && op.newName !== null) {
      if (ctx.scope.columnIsNew(op.table, op.column, op.schema)) return;
      emit({ line: op.line, callLine: op.line, message: `renames column ${columnOf(op)} to ${op.newName}; the running release still uses ${op.column}. ${instead}` });
    }
  },
};
