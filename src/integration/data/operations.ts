// What a migration operation does, in plain words, as phrases a page renders (text, code and
// links; never HTML).
import type { ColumnSpec, Operation } from '../../core/model.ts';

export type Phrase = { text: string; code?: boolean; href?: string | null };

export interface OperationView {
  line: number;
  kind: Operation['kind'];
  phrase: Phrase[];
  /** Column definitions of create_table / add_column, one phrase each. */
  details: Phrase[][];
  /** Notes: batch mode, autocommit block, helper function. */
  notes: string[];
  destructive: boolean;
}

const DESTRUCTIVE_SQL = /\b(?:drop\s+(?:table|column|schema|type)|truncate|delete\s+from|alter\s+table\s+\S+\s+drop)\b/i;

/** Operations that lose data when they run. */
export function isDestructive(op: Operation): boolean {
  if (op.kind === 'drop_table' || op.kind === 'drop_column') return true;
  return op.kind === 'execute' && op.sql !== null && DESTRUCTIVE_SQL.test(op.sql);
}

function columnPhrase(c: ColumnSpec): Phrase[] {
  const out: Phrase[] = [{ text: c.name, code: true }];
  if (c.type) out.push({ text: ' ' }, { text: c.type, code: true });
  const facts: Phrase[][] = [];
  if (c.primaryKey) facts.push([{ text: 'primary key' }]);
  else if (c.nullable === false) facts.push([{ text: 'NOT NULL' }]);
  else if (c.nullable === true) facts.push([{ text: 'nullable' }]);
  if (c.serverDefault) facts.push([{ text: 'server default ' }, { text: c.serverDefault, code: true }]);
  if (c.foreignKey) facts.push([{ text: 'references ' }, { text: c.foreignKey, code: true }]);
  facts.forEach((f, i) => out.push({ text: i === 0 ? ' — ' : ', ' }, ...f));
  return out;
}

const list = (names: string[]): Phrase[] => {
  const out: Phrase[] = [{ text: ' (' }];
  names.forEach((n, i) => {
    if (i) out.push({ text: ', ' });
    out.push({ text: n, code: true });
  });
  out.push({ text: ')' });
  return out;
};

function truthy(v: string | undefined): boolean {
  return v !== undefined && v !== 'False' && v !== 'None' && v !== '0';
}

/** `tableHref(name)` links table names to their pages (null: no page). */
export function describeOperation(op: Operation, tableHref: (name: string) => string | null): OperationView {
  const table = (name: string | null): Phrase => (name === null ? { text: 'an unknown table' } : { text: name, code: true, href: tableHref(name) });
  const named = (what: string): Phrase[] => (op.name ? [{ text: `${what} ` }, { text: op.name, code: true }] : [{ text: `an unnamed ${what}` }]);
  let phrase: Phrase[];
  const details: Phrase[][] = [];
  switch (op.kind) {
    case 'create_table':
      phrase = [{ text: 'Creates table ' }, table(op.table), { text: ` with ${op.columnSpecs.length} column${op.columnSpecs.length === 1 ? '' : 's'}` }];
      for (const c of op.columnSpecs) details.push(columnPhrase(c));
      break;
    case 'drop_table':
      phrase = [{ text: 'Drops table ' }, table(op.table)];
      break;
    case 'rename_table':
      phrase = [{ text: 'Renames table ' }, table(op.table), { text: ' to ' }, table(op.newName)];
      break;
    case 'add_column': {
      const c = op.columnSpecs[0];
      phrase = c
        ? [{ text: 'Adds column ' }, ...columnPhrase(c), { text: ' to ' }, table(op.table)]
        : [{ text: 'Adds a column to ' }, table(op.table)];
      for (const extra of op.columnSpecs.slice(1)) details.push(columnPhrase(extra));
      break;
    }
    case 'drop_column':
      phrase = [{ text: 'Drops column ' }, { text: op.column ?? '?', code: true }, { text: ' from ' }, table(op.table)];
      break;
    case 'alter_column': {
      const changes: Phrase[][] = [];
      if (op.kwargs.type_) changes.push([{ text: 'type to ' }, { text: op.kwargs.type_, code: true }]);
      if (op.kwargs.nullable === 'False') changes.push([{ text: 'NOT NULL' }]);
      if (op.kwargs.nullable === 'True') changes.push([{ text: 'nullable' }]);
      if (op.kwargs.server_default) changes.push([{ text: 'server default to ' }, { text: op.kwargs.server_default, code: true }]);
      if (op.newName) changes.push([{ text: 'name to ' }, { text: op.newName, code: true }]);
      phrase = [{ text: 'Alters column ' }, { text: op.column ?? '?', code: true }, { text: ' of ' }, table(op.table)];
      if (changes.length) {
        phrase.push({ text: ': sets ' });
        changes.forEach((c, i) => {
          if (i) phrase.push({ text: i === changes.length - 1 ? ' and ' : ', ' });
          phrase.push(...c);
        });
      }
      break;
    }
    case 'create_index': {
      const unique = truthy(op.kwargs.unique);
      const concurrently = truthy(op.kwargs.postgresql_concurrently);
      const using = op.kwargs.postgresql_using?.replace(/^['"]|['"]$/g, '');
      phrase = [{ text: `Creates ${unique ? 'unique ' : ''}index ` }, ...(op.name ? [{ text: op.name, code: true }] : []), { text: `${op.name ? ' ' : ''}on ` }, table(op.table)];
      if (op.columns.length) phrase.push(...list(op.columns));
      if (using) phrase.push({ text: ` using ${using}` });
      if (concurrently) phrase.push({ text: ', concurrently' });
      break;
    }
    case 'drop_index': {
      const concurrently = truthy(op.kwargs.postgresql_concurrently);
      phrase = [{ text: 'Drops ' }, ...named('index')];
      if (op.table) phrase.push({ text: ' on ' }, table(op.table));
      if (concurrently) phrase.push({ text: ', concurrently' });
      break;
    }
    case 'create_foreign_key':
      phrase = [{ text: 'Adds ' }, ...named('foreign key'), { text: ' on ' }, table(op.table)];
      if (op.columns.length) phrase.push(...list(op.columns));
      if (op.referent) phrase.push({ text: ' referencing ' }, table(op.referent));
      break;
    case 'create_unique_constraint':
      phrase = [{ text: 'Adds ' }, ...named('unique constraint'), { text: ' on ' }, table(op.table), ...(op.columns.length ? list(op.columns) : [])];
      break;
    case 'create_primary_key':
      phrase = [{ text: 'Adds ' }, ...named('primary key'), { text: ' on ' }, table(op.table), ...(op.columns.length ? list(op.columns) : [])];
      break;
    case 'create_check_constraint':
      phrase = [{ text: 'Adds ' }, ...named('check constraint'), { text: ' on ' }, table(op.table)];
      break;
    case 'create_exclude_constraint':
      phrase = [{ text: 'Adds ' }, ...named('exclusion constraint'), { text: ' on ' }, table(op.table)];
      break;
    case 'drop_constraint':
      phrase = [{ text: 'Drops ' }, ...named('constraint'), { text: ' from ' }, table(op.table)];
      break;
    case 'create_table_comment':
      phrase = [{ text: 'Sets the comment of table ' }, table(op.table)];
      break;
    case 'drop_table_comment':
      phrase = [{ text: 'Removes the comment of table ' }, table(op.table)];
      break;
    case 'bulk_insert':
      phrase = [{ text: 'Inserts rows into ' }, table(op.table)];
      break;
    case 'execute':
      phrase = op.sql === null ? [{ text: 'Runs SQL built at run time' }] : [{ text: 'Runs SQL' }];
      if (op.table) phrase.push({ text: ' on ' }, table(op.table));
      if (op.sql !== null) details.push([{ text: op.sql.trim(), code: true }]);
      break;
    default:
      phrase = [{ text: 'Calls ' }, { text: `op.${op.call}()`, code: true }];
      if (op.table) phrase.push({ text: ' on ' }, table(op.table));
  }
  const notes: string[] = [];
  if (op.batch) notes.push('batch mode');
  if (op.autocommit) notes.push('in an autocommit block (outside the transaction)');
  if (op.via) notes.push(`through ${op.via}()`);
  return { line: op.line, kind: op.kind, phrase, details, notes, destructive: isDestructive(op) };
}
