// downgrade: a missing or empty downgrade() is an error; raising NotImplementedError("why") is an
// intentional one-way migration (a note).
import type { Check } from '../types.ts';

export const downgrade: Check = {
  id: 'downgrade',
  severity: 'error',
  title: 'Has no working downgrade()',
  help: 'A missing downgrade(), or one that only says `pass`, makes a rollback report success and leave the schema as it was. Undo what upgrade() does, or raise NotImplementedError("reason") when the migration cannot be undone.',
  phases: [],
  revision(rev, _ctx, emit) {
    const shape = rev.downgradeShape;
    if (shape.kind === 'missing') {
      emit({
        line: null,
        callLine: null,
        message: 'the migration has no downgrade(). Write one that undoes upgrade(), or raise NotImplementedError("why it cannot be undone").',
      });
    } else if (shape.kind === 'empty') {
      // A merge or no-op revision has nothing to undo.
      if (rev.upgrade.length === 0) return;
      emit({
        line: shape.line,
        callLine: shape.line,
        message: 'downgrade() does nothing although upgrade() changes the schema, so a rollback reports success and changes nothing. Undo the upgrade\'s operations, or raise NotImplementedError("why it cannot be undone").',
      });
    } else if (shape.kind === 'one-way') {
      if (shape.reason !== null && shape.reason.trim() !== '') {
        emit({ line: shape.line, callLine: shape.line, severity: 'info', message: `one-way migration: downgrade() raises "${shape.reason.trim()}".` });
      } else {
        emit({
          line: shape.line,
          callLine: shape.line,
          message: 'downgrade() raises without a reason. Raise NotImplementedError("…") with a reason the on-call engineer can act on (what to do instead of a downgrade).',
        });
      }
    }
  },
};
