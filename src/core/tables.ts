// Per-table schema history, replayed from the migrations' upgrade operations in graph order.
import type { MigrationGraph, Operation, Revision, TableColumn, TableEvent, TableEventKind, TableHistory } from './model.ts';
import { compareCodePoints } from './text.ts';

/** Revisions of a graph oldest first: the order `alembic upgrade heads` applies them. */
export function upgradeOrder(graph: MigrationGraph): Revision[] {
  const byId = new Map<string, Revision>();
  // The later file wins for duplicated ids, as in Alembic.
  for (const rev of graph.revisions) byId.set(rev.revision, rev);
  const out: Revision[] = [];
  for (let i = graph.history.length - 1; i >= 0; i--) {
    const id = graph.history[i]!;
    const rev = byId.get(id);
    if (rev) {
      byId.delete(id); // each revision once
      out.push(rev);
    }
  }
  return out;
}

interface MutableTable {
  name: string;
  formerNames: string[];
  exists: boolean;
  columns: Map<string, TableColumn>;
  events: TableEvent[];
}

export function buildTables(graphs: MigrationGraph[]): TableHistory[] {
  const tables = new Map<string, MutableTable>();
  const get = (name: string): MutableTable => {
    let t = tables.get(name);
    if (!t) {
      t = { name, formerNames: [], exists: true, columns: new Map(), events: [] };
      tables.set(name, t);
    }
    return t;
  };
  for (const graph of graphs) {
    for (const rev of upgradeOrder(graph)) {
      rev.upgrade.forEach((op, i) => {
        const event = (table: string, kind: TableEventKind, detail: string, column: string | null = null): void => {
          get(table).events.push({ kind, environment: graph.name, revision: rev.revision, operation: i, column, detail, line: op.line, path: rev.path });
        };
        applyOperation(op, get, tables, event);
      });
    }
  }
  return [...tables.values()]
    .map((t) => ({ name: t.name, formerNames: t.formerNames, exists: t.exists, columns: [...t.columns.values()], events: t.events }))
    .sort((a, b) => compareCodePoints(a.name, b.name));
}

type Emit = (table: string, kind: TableEventKind, detail: string, column?: string | null) => void;

function describeColumn(c: { type: string | null; nullable: boolean | null; primaryKey?: boolean }): string {
  const parts = [c.type ?? 'untyped'];
  if (c.primaryKey) parts.push('primary key');
  else if (c.nullable === false) parts.push('NOT NULL');
  return parts.join(', ');
}

function applyOperation(op: Operation, get: (name: string) => MutableTable, tables: Map<string, MutableTable>, emit: Emit): void {
  const table = op.table;
  if (!table) return;
  switch (op.kind) {
    case 'create_table': {
      const t = get(table);
      t.exists = true;
      t.columns = new Map(op.columnSpecs.map((c) => [c.name, { name: c.name, type: c.type, nullable: c.primaryKey ? false : c.nullable }]));
      const n = op.columnSpecs.length;
      emit(table, 'created', `created with ${n} column${n === 1 ? '' : 's'}${n ? `: ${op.columnSpecs.map((c) => c.name).join(', ')}` : ''}`);
      return;
    }
    case 'drop_table':
      get(table).exists = false;
      emit(table, 'dropped', 'dropped');
      return;
    case 'rename_table': {
      if (!op.newName) return;
      const old = get(table);
      emit(table, 'renamed', `renamed to ${op.newName}`);
      tables.delete(table);
      const merged = tables.get(op.newName);
      const target: MutableTable = merged ?? { ...old, name: op.newName };
      if (merged) target.events.unshift(...old.events);
      target.name = op.newName;
      target.formerNames = [...old.formerNames, table];
      target.columns = old.columns;
      target.exists = true;
      tables.set(op.newName, target);
      return;
    }
    case 'add_column':
      for (const c of op.columnSpecs) {
        get(table).columns.set(c.name, { name: c.name, type: c.type, nullable: c.primaryKey ? false : c.nullable });
        emit(table, 'column-added', `added column ${c.name} (${describeColumn(c)})`, c.name);
      }
      return;
    case 'drop_column':
      if (op.column) get(table).columns.delete(op.column);
      emit(table, 'column-dropped', `dropped column ${op.column ?? '?'}`, op.column);
      return;
    case 'alter_column': {
      const t = get(table);
      const name = op.column ?? '?';
      const col = t.columns.get(name) ?? { name, type: null, nullable: null };
      const changes: string[] = [];
      if (op.kwargs.type_) {
        col.type = op.kwargs.type_;
        changes.push(`type → ${op.kwargs.type_}`);
      }
      if (op.kwargs.nullable === 'False' || op.kwargs.nullable === 'True') {
        col.nullable = op.kwargs.nullable === 'True';
        changes.push(col.nullable ? 'now nullable' : 'now NOT NULL');
      }
      if (op.kwargs.server_default) changes.push(`server default → ${op.kwargs.server_default}`);
      if (op.newName) {
        t.columns.delete(name);
        col.name = op.newName;
        emit(table, 'column-renamed', `renamed column ${name} to ${op.newName}`, name);
      }
      t.columns.set(col.name, col);
      if (changes.length || !op.newName) emit(table, 'column-altered', `altered column ${col.name}${changes.length ? `: ${changes.join(', ')}` : ''}`, col.name);
      return;
    }
    case 'create_index':
      emit(table, 'index-created', `created index ${op.name ?? '(unnamed)'}${op.columns.length ? ` on (${op.columns.join(', ')})` : ''}`);
      return;
    case 'drop_index':
      emit(table, 'index-dropped', `dropped index ${op.name ?? '(unnamed)'}`);
      return;
    case 'create_foreign_key':
    case 'create_unique_constraint':
    case 'create_primary_key':
    case 'create_check_constraint':
    case 'create_exclude_constraint':
      emit(table, 'constraint-added', `added ${op.kind.replace(/^create_/, '').replace(/_/g, ' ')} ${op.name ?? '(unnamed)'}${op.referent ? ` → ${op.referent}` : ''}`);
      return;
    case 'drop_constraint':
      emit(table, 'constraint-dropped', `dropped constraint ${op.name ?? '(unnamed)'}`);
      return;
    case 'bulk_insert':
      emit(table, 'data', 'inserted rows');
      return;
    case 'execute':
      emit(table, 'data', 'ran SQL');
      return;
    default:
      emit(table, 'other', `${op.call}`);
  }
}
