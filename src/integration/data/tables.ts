// Page data for the tables index and for each table's history.
import type { Ref, TableColumn, TableEventKind, TableHistory } from '../../core/model.ts';
import { migrationRef, tableRef } from '../../core/ids.ts';
import { compareCodePoints } from '../../core/text.ts';
import type { RefView, SiteContext } from './context.ts';
import { humanDate, plural, truncate } from './text.ts';

export interface TableEventView {
  kind: TableEventKind;
  detail: string;
  column: string | null;
  environment: string;
  migration: RefView;
  /** The migration page, at the operation's line of the source. */
  href: string | null;
  date: string | null;
  dateLabel: string | null;
}

export interface TablePageData {
  name: string;
  slug: string;
  href: string;
  title: string;
  description: string;
  formerNames: string[];
  exists: boolean;
  columns: TableColumn[];
  /** Events grouped by migration, in graph order (oldest first). */
  history: { migration: RefView; environment: string; date: string | null; dateLabel: string | null; events: TableEventView[] }[];
  decisions: RefView[];
  rules: RefView[];
  docs: RefView[];
  created: RefView | null;
  lastChanged: RefView | null;
}

export interface TablesIndexData {
  tables: {
    name: string;
    href: string;
    exists: boolean;
    columns: number;
    changes: number;
    formerNames: string[];
    decisions: number;
    lastChanged: RefView | null;
    lastDate: string | null;
  }[];
  dropped: number;
}

export function tablePage(ctx: SiteContext, table: TableHistory): TablePageData {
  const self = tableRef(table.name);
  const href = ctx.urls.table(table.name);
  const history: TablePageData['history'] = [];
  for (const e of table.events) {
    const mref = migrationRef(e.environment, e.revision);
    const m = ctx.revisions.get(mref);
    const view = ctx.view(mref);
    let group = history.at(-1);
    if (!group || group.migration.ref !== mref) {
      group = { migration: view, environment: e.environment, date: m?.rev.createDate ?? null, dateLabel: humanDate(m?.rev.createDate ?? null), events: [] };
      history.push(group);
    }
    group.events.push({
      kind: e.kind,
      detail: e.detail,
      column: e.column,
      environment: e.environment,
      migration: view,
      href: view.href ? `${view.href}#L${e.line}` : null,
      date: group.date,
      dateLabel: group.dateLabel,
    });
  }
  const refs = (prefix: string): RefView[] =>
    [...new Set([...ctx.linked(self, 'in', ['mentions', 'cites'], prefix)])].map(ctx.view).sort((a, b) => compareCodePoints(a.label, b.label));
  const first = history[0]?.migration ?? null;
  const last = history.at(-1)?.migration ?? null;
  const former = table.formerNames.length ? ` (formerly ${table.formerNames.join(', ')})` : '';
  return {
    name: table.name,
    slug: ctx.urls.path(href).replace(/^\/tables\//, '').replace(/\/$/, ''),
    href,
    title: `Table ${table.name}`,
    description: truncate(
      `History of the ${table.name} table${former}: ${plural(history.length, 'migration')}, ${plural(table.columns.length, 'column')}${table.exists ? '' : ', dropped'}; the decisions and rules that mention it.`,
      180,
    ),
    formerNames: table.formerNames,
    exists: table.exists,
    columns: table.columns,
    history,
    decisions: refs('adr:'),
    rules: [...refs('rule:'), ...refs('rules-file:')],
    docs: refs('doc:'),
    created: table.events.some((e) => e.kind === 'created') ? first : null,
    lastChanged: last,
  };
}

export function tablesIndex(ctx: SiteContext): TablesIndexData {
  const tables = ctx.k.tables.map((t) => {
    const last = t.events.at(-1);
    const lastRef: Ref | null = last ? migrationRef(last.environment, last.revision) : null;
    const migrations = new Set(t.events.map((e) => `${e.environment}/${e.revision}`));
    return {
      name: t.name,
      href: ctx.urls.table(t.name),
      exists: t.exists,
      columns: t.columns.length,
      changes: migrations.size,
      formerNames: t.formerNames,
      decisions: ctx.linked(tableRef(t.name), 'in', ['mentions', 'cites'], 'adr:').length,
      lastChanged: lastRef ? ctx.view(lastRef) : null,
      lastDate: lastRef ? humanDate(ctx.revisions.get(lastRef)?.rev.createDate ?? null) : null,
    };
  });
  return { tables, dropped: tables.filter((t) => !t.exists).length };
}
