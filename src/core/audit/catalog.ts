// The table catalog, replayed over one environment's history in upgrade order. It answers
// "does this table (column) already exist, i.e. was it created by an earlier migration?" for the
// operation being checked. Tables the history never creates (made before the first migration, or
// by raw SQL) count as existing.
import type { Operation } from '../model.ts';

interface TableState {
  /** Revision whose upgrade created the table, or null when it predates what we can see. */
  createdIn: string | null;
  /** Column → revision that added it (null: predates what we can see). */
  columns: Map<string, string | null>;
}

export interface Catalog {
  tables: Map<string, TableState>;
}

export function newCatalog(): Catalog {
  return { tables: new Map() };
}

/** The view of the catalog while one migration function runs. */
export interface Scope {
  /** True when `table` was created earlier in this migration (or is unknown: null). */
  tableIsNew(table: string | null, schema?: string | null): boolean;
  /** True when the column was added earlier in this migration, or its table is new. */
  columnIsNew(table: string | null, column: string | null, schema?: string | null): boolean;
  /** Replays one operation. */
  apply(op: Operation): void;
}

const DOWNGRADE = '\u0000downgrade';

function key(table: string, schema: string | null | undefined): string {
  return schema ? `${schema}.${table}` : table;
}

/**
 * Scope for `upgrade()` of `revision`: writes through to the catalog, so the next migration sees
 * the result.
 */
export function upgradeScope(catalog: Catalog, revision: string): Scope {
  const tables = catalog.tables;
  return makeScope(
    (k) => tables.get(k),
    (k, state) => {
      if (state === null) tables.delete(k);
      else tables.set(k, state);
    },
    (state) => state,
    (createdIn) => createdIn === revision,
    revision,
  );
}

/**
 * Scope for `downgrade()` of `revision`, run against the state its upgrade left. Tables and
 * columns that upgrade created are not "existing" (the downgrade removes its own work); changes
 * stay in an overlay and never reach the catalog.
 */
export function downgradeScope(catalog: Catalog, revision: string): Scope {
  const overlay = new Map<string, TableState | null>();
  return makeScope(
    (k) => (overlay.has(k) ? (overlay.get(k) ?? undefined) : catalog.tables.get(k)),
    (k, state) => void overlay.set(k, state),
    (state) => ({ createdIn: state.createdIn, columns: new Map(state.columns) }),
    (createdIn) => createdIn === revision || createdIn === DOWNGRADE,
    DOWNGRADE,
  );
}

function makeScope(
  get: (k: string) => TableState | undefined,
  set: (k: string, state: TableState | null) => void,
  /** Copy before mutating (the downgrade overlay must not touch the catalog). */
  own: (state: TableState) => TableState,
  isNew: (createdIn: string | null) => boolean,
  stamp: string,
): Scope {
  const owned = new Set<TableState>();
  const mutable = (k: string): TableState => {
    const current = get(k);
    if (current && owned.has(current)) return current;
    const state = current ? own(current) : { createdIn: null, columns: new Map<string, string | null>() };
    owned.add(state);
    set(k, state);
    return state;
  };
  return {
    tableIsNew(table, schema) {
      if (table === null) return false;
      const state = get(key(table, schema));
      return state !== undefined && isNew(state.createdIn);
    },
    columnIsNew(table, column, schema) {
      if (table === null) return false;
      const state = get(key(table, schema));
      if (state === undefined) return false;
      if (isNew(state.createdIn)) return true;
      if (column === null || !state.columns.has(column)) return false;
      return isNew(state.columns.get(column) ?? null);
    },
    apply(op) {
      if (op.table === null) return;
      const k = key(op.table, op.schema);
      switch (op.kind) {
        case 'create_table': {
          const state: TableState = { createdIn: stamp, columns: new Map(op.columnSpecs.map((c) => [c.name, stamp])) };
          owned.add(state);
          set(k, state);
          return;
        }
        case 'drop_table':
          set(k, null);
          return;
        case 'rename_table': {
          if (op.newName === null) return;
          const state = get(k) ?? { createdIn: null, columns: new Map<string, string | null>() };
          set(k, null);
          set(key(op.newName, op.schema), state);
          return;
        }
        case 'add_column': {
          const state = mutable(k);
          for (const c of op.columnSpecs) state.columns.set(c.name, stamp);
          return;
        }
        case 'drop_column':
          if (op.column !== null) mutable(k).columns.delete(op.column);
          return;
        case 'alter_column': {
          if (op.column === null || op.newName === null) return;
          const state = mutable(k);
          const createdIn = state.columns.has(op.column) ? (state.columns.get(op.column) ?? null) : null;
          state.columns.delete(op.column);
          state.columns.set(op.newName, createdIn);
          return;
        }
        default:
          return;
      }
    },
  };
}
