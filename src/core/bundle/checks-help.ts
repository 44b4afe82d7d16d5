// What each audit check flags in a migration, and the pattern that passes it, in the agent's words.

export interface CheckHelp {
  flags: string;
  safe: string;
}

export const CHECK_HELP: Record<string, CheckHelp> = {
  destructive: {
    flags: '`op.drop_table` and `op.drop_column`',
    safe: 'drop only what an accepted ADR decided to drop, a release after the code stopped using it; cite that ADR (`Decisions: ADR-…`) so its `accepts:` covers the drop',
  },
  downgrade: {
    flags: 'a missing `downgrade()`, or one that is only `pass`',
    safe: 'undo every `upgrade()` step in reverse order, or `raise NotImplementedError("why it cannot be undone")`',
  },
  'not-null-without-default': {
    flags: '`op.add_column` of a `nullable=False` column without `server_default` on an existing table',
    safe: 'add it with a constant `server_default`, or nullable, backfill, and set `NOT NULL` in a later migration',
  },
  rename: {
    flags: '`op.rename_table` and `op.alter_column(..., new_column_name=...)`',
    safe: 'expand and contract: add the new name, write both, backfill, switch reads, drop the old name a release later',
  },
  'type-change': {
    flags: '`op.alter_column(..., type_=...)`',
    safe: 'add a column of the new type, backfill, switch, drop the old one later',
  },
  'set-not-null': {
    flags: '`op.alter_column(..., nullable=False)` on an existing table (a full scan under an exclusive lock)',
    safe: 'add `CHECK (col IS NOT NULL) NOT VALID`, validate it, then set `NOT NULL`',
  },
  'index-lock': {
    flags: '`op.create_index` / `op.drop_index` on an existing table without `postgresql_concurrently=True`',
    safe: 'pass `postgresql_concurrently=True` inside `with op.get_context().autocommit_block():`',
  },
  'constraint-validate': {
    flags: 'a foreign key or check constraint added to an existing table without `postgresql_not_valid=True`',
    safe: 'add it with `postgresql_not_valid=True`, then `ALTER TABLE … VALIDATE CONSTRAINT …` in a later migration',
  },
  'raw-sql': {
    flags: 'DDL inside `op.execute()` that an `op.*` call can express',
    safe: 'use the `op.*` operation; keep `op.execute()` for backfills, settings and extensions',
  },
  'naive-datetime': {
    flags: '`sa.DateTime()` without `timezone=True`',
    safe: '`sa.DateTime(timezone=True)`',
  },
  naming: {
    flags: 'table, column, foreign-key and index names that break the naming templates',
    safe: 'follow the templates in the root file (wrap explicit names in `op.f()`)',
  },
  graph: {
    flags: 'a second head, a `down_revision` that points at no file, and cycles',
    safe: 'revise the current head; after a merge conflict, rebase `down_revision` or add a merge revision',
  },
};
