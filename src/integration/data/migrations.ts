// Page data for the migration timelines (one per environment) and for each migration page.
import { revisionsInHistoryOrder } from '../../core/alembic/history.ts';
import type { DowngradeShape, Finding, MigrationGraph, Ref, Revision } from '../../core/model.ts';
import { migrationRef, ruleRef, tableRef } from '../../core/ids.ts';
import { compareCodePoints } from '../../core/text.ts';
import type { RefView, SiteContext } from './context.ts';
import { layoutLanes, type LaneRow } from './lanes.ts';
import { describeOperation, isDestructive, type OperationView } from './operations.ts';
import { day, humanDate, monthKey, monthLabel, plural, truncate } from './text.ts';
import { PAGE_SIZE, pageOf, pager, pageTitle, type Pager } from './paging.ts';

export interface DowngradeView {
  kind: DowngradeShape['kind'];
  label: string;
  tone: 'ok' | 'warn' | 'bad' | 'info';
  reason: string | null;
  line: number | null;
}

export function downgradeView(shape: DowngradeShape): DowngradeView {
  switch (shape.kind) {
    case 'operations':
      return { kind: shape.kind, label: 'reversible', tone: 'ok', reason: null, line: shape.line };
    case 'one-way':
      return { kind: shape.kind, label: 'one-way', tone: 'info', reason: shape.reason, line: shape.line };
    case 'empty':
      return { kind: shape.kind, label: 'empty downgrade', tone: 'warn', reason: null, line: shape.line };
    case 'missing':
      return { kind: shape.kind, label: 'no downgrade', tone: 'bad', reason: null, line: null };
  }
}

export interface FindingView {
  check: string;
  severity: Finding['severity'];
  message: string;
  line: number | null;
  rule: RefView | null;
  migration: RefView | null;
  environment: string;
  path: string;
  waiver: { by: string; reason: string; ref: RefView | null } | null;
}

export function findingView(ctx: SiteContext, f: Finding): FindingView {
  return {
    check: f.check,
    severity: f.severity,
    message: f.message,
    line: f.line,
    rule: f.rule ? ctx.view(ruleRef(f.rule)) : null,
    migration: f.revision ? ctx.view(migrationRef(f.environment, f.revision)) : null,
    environment: f.environment,
    path: f.path,
    waiver: f.waiver ? { by: f.waiver.by, reason: f.waiver.reason, ref: f.waiver.ref ? ctx.view(f.waiver.ref) : null } : null,
  };
}

export interface TimelineEntry {
  revision: string;
  href: string;
  message: string;
  date: string | null;
  dateLabel: string | null;
  tables: { name: string; href: string | null }[];
  moreTables: number;
  destructive: boolean;
  downgrade: DowngradeView;
  decisions: RefView[];
  branchLabels: string[];
  isHead: boolean;
  isMerge: boolean;
  isBranchPoint: boolean;
  isBase: boolean;
  findings: { open: number; total: number };
}

export type TimelineRow =
  /** `count`: revisions in the whole run of this month; `continued`: headed again after a page break. */
  | { kind: 'month'; key: string; label: string; count: number; lanes: number[]; continued?: true }
  | { kind: 'revision'; entry: TimelineEntry; lanes: LaneRow };

export interface TimelineData {
  environment: string;
  /** Route param below /migrations/ ('' for the only environment). */
  slug: string;
  href: string;
  title: string;
  description: string;
  path: string;
  heads: RefView[];
  counts: { revisions: number; heads: number; branchPoints: number; merges: number };
  environments: { name: string; href: string; current: boolean; revisions: number }[];
  /** Widest lane graph of the environment, in columns. */
  width: number;
  /** Every row, newest first. */
  rows: TimelineRow[];
  /** The rows of each page: at most PAGE_SIZE revisions; a month cut by a page break is headed again. */
  pages: { href: string; route: string; rows: TimelineRow[] }[];
}

/** One page of a timeline: the summary of the environment and the rows of this page. */
export interface TimelinePageData extends Omit<TimelineData, 'rows' | 'pages'> {
  /** Route param below /migrations/ of this page ('' for the first page of the only environment). */
  route: string;
  page: number;
  pages: number;
  /** Title of the page (with "page N of M" after the first). */
  pageTitle: string;
  rows: TimelineRow[];
  pager: Pager | null;
}


const positions = new WeakMap<MigrationGraph, Map<string, number>>();

/** The timeline page that lists a revision (1 when it is on none). */
export function timelinePageOf(graph: MigrationGraph, revision: string): number {
  let index = positions.get(graph);
  if (!index) {
    index = new Map();
    for (const [i, rev] of revisionsInHistoryOrder(graph).entries()) index.set(rev.revision, i);
    positions.set(graph, index);
  }
  const i = index.get(revision);
  return i === undefined ? 1 : pageOf(i);
}

/** Cuts the rows into pages of at most `size` revisions, heading a month again after a break. */
export function pageRows(rows: TimelineRow[], size = PAGE_SIZE): TimelineRow[][] {
  const pages: TimelineRow[][] = [[]];
  let month: Extract<TimelineRow, { kind: 'month' }> | null = null;
  let active: number[] = [];
  let onPage = 0;
  for (const row of rows) {
    if (row.kind === 'month') {
      month = row;
      if (onPage === size) {
        pages.push([]);
        onPage = 0;
      }
      pages[pages.length - 1]!.push(row);
      continue;
    }
    if (onPage === size) {
      pages.push(month ? [{ ...month, lanes: active, continued: true }] : []);
      onPage = 0;
    }
    pages[pages.length - 1]!.push(row);
    onPage++;
    active = row.lanes.after;
  }
  return pages;
}

const TABLES_SHOWN = 5;

function touchedTables(rev: Revision): string[] {
  const seen = new Set<string>();
  for (const op of rev.upgrade) {
    if (op.table) seen.add(op.table);
    if (op.kind === 'rename_table' && op.newName) seen.add(op.newName);
  }
  return [...seen];
}

const currentTable = (ctx: SiteContext, name: string): string => ctx.tableName(name);

function entry(ctx: SiteContext, graph: MigrationGraph, rev: Revision): TimelineEntry {
  const self = migrationRef(graph.name, rev.revision);
  const names = touchedTables(rev);
  const findings = ctx.findingsByMigration.get(self) ?? [];
  return {
    revision: rev.revision,
    href: ctx.urls.migration(graph.name, rev.revision),
    message: rev.message,
    date: rev.createDate,
    dateLabel: humanDate(rev.createDate),
    tables: names.slice(0, TABLES_SHOWN).map((n) => {
      const cur = currentTable(ctx, n);
      return { name: n, href: ctx.tables.has(cur) ? ctx.urls.table(cur) : null };
    }),
    moreTables: Math.max(0, names.length - TABLES_SHOWN),
    destructive: rev.upgrade.some(isDestructive),
    downgrade: downgradeView(rev.downgradeShape),
    decisions: ctx.linked(self, 'out', ['implements'], 'adr:').map(ctx.view),
    branchLabels: rev.declaredBranchLabels,
    isHead: rev.isHead,
    isMerge: rev.isMergePoint,
    isBranchPoint: rev.isBranchPoint,
    isBase: rev.isBase,
    findings: { open: findings.filter((f) => !f.waiver).length, total: findings.length },
  };
}

/** The route param below /migrations/ of a page URL ('' for /migrations/ itself). */
const routePath = (ctx: SiteContext, href: string): string => ctx.urls.path(href).replace(/^\/migrations\/?/, '').replace(/\/$/, '');

export function timeline(ctx: SiteContext, graph: MigrationGraph): TimelineData {
  const ordered = revisionsInHistoryOrder(graph);
  const lanes = layoutLanes(ordered.map((r) => ({ revision: r.revision, parents: r.downRevisions })));
  const rows: TimelineRow[] = [];
  let month: { key: string; row: Extract<TimelineRow, { kind: 'month' }> } | null = null;
  let active: number[] = [];
  ordered.forEach((rev, i) => {
    const key = monthKey(rev.createDate) ?? 'undated';
    if (!month || month.key !== key) {
      const row = { kind: 'month' as const, key, label: key === 'undated' ? 'No create date' : monthLabel(key), count: 0, lanes: active };
      rows.push(row);
      month = { key, row };
    }
    month.row.count++;
    rows.push({ kind: 'revision', entry: entry(ctx, graph, rev), lanes: lanes[i]! });
    active = lanes[i]!.after;
  });
  const href = ctx.urls.timeline(graph.name);
  const several = ctx.k.migrations.length > 1;
  const title = several ? `Migrations: ${graph.name}` : 'Migration timeline';
  return {
    environment: graph.name,
    slug: routePath(ctx, href),
    href,
    title,
    description: truncate(
      `${plural(ordered.length, 'Alembic migration')} of ${several ? `the ${graph.name} environment` : 'the database'}, newest first, with branches, merges, tables touched and the decisions behind them.`,
      180,
    ),
    path: graph.path,
    heads: graph.heads.map((h) => ctx.view(migrationRef(graph.name, h))),
    counts: { revisions: ordered.length, heads: graph.heads.length, branchPoints: graph.branchPoints.length, merges: graph.mergePoints.length },
    environments: ctx.k.migrations.map((g) => ({ name: g.name, href: ctx.urls.timeline(g.name), current: g === graph, revisions: g.revisions.length })),
    width: lanes.reduce((w, l) => Math.max(w, l.width), 1),
    rows,
    pages: pageRows(rows).map((page, i) => {
      const at = ctx.urls.timeline(graph.name, i + 1);
      return { href: at, route: routePath(ctx, at), rows: page };
    }),
  };
}

/** Page `page` (from 1) of a timeline, or undefined past its last page. */
export function timelinePage(t: TimelineData, page: number): TimelinePageData | undefined {
  const here = t.pages[page - 1];
  if (!here) return undefined;
  const { rows: _rows, pages, ...summary } = t;
  return {
    ...summary,
    href: here.href,
    route: here.route,
    page,
    pages: pages.length,
    pageTitle: pageTitle(t.title, page, pages.length),
    rows: here.rows,
    pager: pager(page, pages.length, (n) => pages[n - 1]!.href),
  };
}

export interface MigrationPageData {
  ref: Ref;
  environment: string;
  /** Route params below /migrations/. */
  slug: string;
  href: string;
  revision: string;
  message: string;
  title: string;
  description: string;
  /** Docstring text after the message, without the Alembic header lines. */
  notes: string;
  path: string;
  sourceHref: string | null;
  createDate: string | null;
  dateLabel: string | null;
  branchLabels: string[];
  parents: RefView[];
  dependsOn: RefView[];
  children: RefView[];
  flags: { head: boolean; base: boolean; merge: boolean; branchPoint: boolean; orphaned: boolean };
  upgrade: OperationView[];
  downgrade: OperationView[];
  downgradeShape: DowngradeView;
  destructive: boolean;
  decisions: RefView[];
  rules: RefView[];
  tables: RefView[];
  mentions: RefView[];
  findings: FindingView[];
  newer: RefView | null;
  older: RefView | null;
  timelineHref: string;
}

const HEADER_LINE = /^\s*(Revision ID|Revises|Create Date|Decisions?|ADRs?|Rules?)\s*:/i;

export function migrationNotes(longdoc: string, message = ''): string {
  const lines = longdoc.split('\n');
  if (message && lines[0]?.trim() === message.trim()) lines.shift();
  return lines
    .filter((l) => !HEADER_LINE.test(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function migrationPage(ctx: SiteContext, graph: MigrationGraph, rev: Revision): MigrationPageData {
  const self = migrationRef(graph.name, rev.revision);
  const here = (id: string): RefView => ctx.view(migrationRef(graph.name, id));
  const tableHref = (name: string): string | null => {
    const cur = currentTable(ctx, name);
    return ctx.tables.has(cur) ? ctx.urls.table(cur) : null;
  };
  const pos = ctx.historyIndex.get(self);
  const newer = pos !== undefined && pos > 0 ? graph.history[pos - 1] : undefined;
  const older = pos !== undefined ? graph.history[pos + 1] : undefined;
  const href = ctx.urls.migration(graph.name, rev.revision);
  const notes = migrationNotes(rev.longdoc, rev.message);
  const message = rev.message || '(no message)';
  const findings = (ctx.findingsByMigration.get(self) ?? []).map((f) => findingView(ctx, f)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || compareCodePoints(a.check, b.check));
  return {
    ref: self,
    environment: graph.name,
    slug: ctx.urls.path(href).replace(/^\/migrations\//, '').replace(/\/$/, ''),
    href,
    revision: rev.revision,
    message,
    title: `${message} (${rev.revision})`,
    description: truncate(`Alembic migration ${rev.revision}${day(rev.createDate) ? ` of ${day(rev.createDate)}` : ''}: ${message}.${notes ? ` ${notes}` : ''}`, 180),
    notes,
    path: rev.path,
    sourceHref: ctx.settings.repoUrl ? ctx.settings.repoUrl + rev.path.split('/').map(encodeURIComponent).join('/') : null,
    createDate: rev.createDate,
    dateLabel: humanDate(rev.createDate),
    branchLabels: rev.branchLabels,
    parents: rev.downRevisions.map(here),
    dependsOn: rev.dependsOn.map(here),
    children: rev.children.map(here),
    flags: { head: rev.isHead, base: rev.isBase, merge: rev.isMergePoint, branchPoint: rev.isBranchPoint, orphaned: rev.orphaned },
    upgrade: rev.upgrade.map((op) => describeOperation(op, tableHref)),
    downgrade: rev.downgrade.map((op) => describeOperation(op, tableHref)),
    downgradeShape: downgradeView(rev.downgradeShape),
    destructive: rev.upgrade.some(isDestructive),
    decisions: ctx.linked(self, 'out', ['implements'], 'adr:').map(ctx.view),
    rules: ctx.linked(self, 'out', ['cites'], 'rule:').map(ctx.view),
    tables: ctx.linked(self, 'out', ['touches'], 'table:').map((r) => ctx.view(tableRef(currentTable(ctx, r.slice('table:'.length))))),
    mentions: ctx
      .linked(self, 'out', ['mentions'], 'migration:')
      .filter((r) => {
        const id = r.slice(r.indexOf('/') + 1);
        return !rev.downRevisions.includes(id) && !rev.dependsOn.includes(id) && !rev.children.includes(id);
      })
      .map(ctx.view),
    findings,
    newer: newer !== undefined ? here(newer) : null,
    older: older !== undefined ? here(older) : null,
    timelineHref: ctx.urls.timeline(graph.name, timelinePageOf(graph, rev.revision)),
  };
}
