// constraint-validate: foreign keys and check constraints on existing tables are added NOT VALID.
import type { Check } from '../types.ts';
import { isTrue, tableOf } from './describe.ts';

export const constraintValidate: Check = {
  id: 'constraint-validate',
  severity: 'warning',
  title: 'Adds a foreign key or check constraint to an existing table without NOT VALID',
  help: 'Adding a foreign key or check constraint checks every existing row while holding a lock that blocks writes. Add it with postgresql_not_valid=True, then run ALTER TABLE … VALIDATE CONSTRAINT in a later migration; validation does not block writes.',
  phases: ['upgrade', 'downgrade'],
  operation(op, ctx, emit) {
    if (op.kind !== 'create_foreign_key' && op.kind !== 'create_check_constraint') return;
    if (isTrue(op, 'postgresql_not_valid') || ctx.scope.tableIsNew(op.table, op.schema)) return;
    const what = op.kind === 'create_foreign_key' ? 'foreign key' : 'check constraint';
    const locks = op.kind === 'create_foreign_key' && op.referent ? ` (and ${op.referent})` : '';
    emit({
      line: op.line,
      callLine: op.line,
      message: `adds ${what} ${op.name ?? '(unnamed)'} to existing table ${tableOf(op)} without NOT VALID, so every row is checked while writes to it${locks} are blocked. Pass postgresql_not_valid=True and run ALTER TABLE … VALIDATE CONSTRAINT in a later migration.`,
    });
  },
};
