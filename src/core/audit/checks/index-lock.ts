// index-lock (PostgreSQL): index operations on existing tables must run CONCURRENTLY, and
// concurrent ones only inside op.get_context().autocommit_block().
import type { Check } from '../types.ts';
import { isTrue, tableOf } from './describe.ts';

const block = 'op.get_context().autocommit_block()';

export const indexLock: Check = {
  id: 'index-lock',
  severity: 'error',
  title: 'Builds or drops an index on an existing table without CONCURRENTLY',
  help: `CREATE INDEX and DROP INDEX block writes to the table for as long as they run. On an existing table pass postgresql_concurrently=True and put the call inside ${block}: PostgreSQL refuses CONCURRENTLY inside a transaction. A unique or primary-key constraint builds its index under the same lock: build a unique index concurrently first, then add the constraint USING INDEX.`,
  phases: ['upgrade', 'downgrade'],
  operation(op, ctx, emit) {
    if (op.kind === 'create_index' || op.kind === 'drop_index') {
      const verb = op.kind === 'create_index' ? 'creates' : 'drops';
      const name = op.name ?? '(unnamed)';
      if (isTrue(op, 'postgresql_concurrently')) {
        if (op.autocommit) return;
        emit({
          line: op.line,
          callLine: op.line,
          severity: 'error',
          message: `${verb} index ${name} CONCURRENTLY inside the migration's transaction; PostgreSQL refuses that and the migration fails. Put the call inside \`with ${block}:\`.`,
        });
        return;
      }
      if (ctx.scope.tableIsNew(op.table, op.schema)) return;
      const how = op.kind === 'create_index' ? 'create it' : 'drop it';
      emit({
        line: op.line,
        callLine: op.line,
        message: `${verb} index ${name} on existing table ${tableOf(op)} without CONCURRENTLY, blocking writes to the table while it runs; ${how} with postgresql_concurrently=True inside ${block}.`,
      });
    } else if (op.kind === 'create_unique_constraint' || op.kind === 'create_primary_key') {
      if (ctx.scope.tableIsNew(op.table, op.schema)) return;
      const what = op.kind === 'create_unique_constraint' ? 'a UNIQUE constraint' : 'a primary key';
      emit({
        line: op.line,
        callLine: op.line,
        message: `adds ${what} to existing table ${tableOf(op)}, which builds its index while blocking writes. Create a unique index with postgresql_concurrently=True inside ${block} first, then add the constraint with ALTER TABLE … ADD CONSTRAINT … USING INDEX.`,
      });
    }
  },
};
