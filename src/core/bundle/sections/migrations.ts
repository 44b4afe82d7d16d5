// 5. Migration state, per environment: heads, counts, the newest migrations, one-way ones, names that
// are gone, waived findings and open problems.
import type { Finding, MigrationGraph, Revision } from '../../model.ts';
import type { BundleContext } from '../context.ts';
import { clampInline, code, inline } from '../inline.ts';
import { compareCodePoints } from '../../text.ts';

export interface Removal {
  /** `table` or `table.column`, by the name code would have used. */
  name: string;
  kind: 'table' | 'column';
  /** New name for renames, else null. */
  renamedTo: string | null;
  revision: string;
  /** Index in the history (0 = newest). */
  position: number;
}

export interface EnvState {
  graph: MigrationGraph;
  /** Newest first. */
  history: Revision[];
  heads: Revision[];
  oneWay: Revision[];
  removed: Removal[];
  waived: WaiverGroup[];
  /** The first PROBLEMS_SHOWN problem lines (without the `- `), most serious first. */
  problems: string[];
  /** How many problems there are in all. */
  problemCount: number;
  /** Informational notes about the graph (e.g. labelled heads). */
  notes: string[];
}

/** Waived findings of one check in one migration, with their distinct reasons. */
export interface WaiverGroup {
  finding: Finding;
  count: number;
  reasons: string[];
}

export interface MigrationKnobs {
  recent: number;
  removed: number;
  oneWay: number;
  waivers: number;
}

const PROBLEMS_SHOWN = 5;
const cache = new WeakMap<BundleContext, EnvState[]>();

export function envStates(ctx: BundleContext): EnvState[] {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const states = ctx.k.migrations.map((g) => envState(ctx, g));
  cache.set(ctx, states);
  return states;
}

export function migrationCounts(ctx: BundleContext): MigrationKnobs {
  const states = envStates(ctx);
  const max = (f: (s: EnvState) => number): number => states.reduce((n, s) => Math.max(n, f(s)), 0);
  return {
    recent: Math.min(ctx.options.recentMigrations, max((s) => s.history.length)),
    removed: max((s) => s.removed.length),
    oneWay: max((s) => s.oneWay.length),
    waivers: max((s) => s.waived.length),
  };
}

function envState(ctx: BundleContext, g: MigrationGraph): EnvState {
  const byId = new Map<string, Revision>();
  for (const r of g.revisions) byId.set(r.revision, r);
  const history: Revision[] = [];
  const position = new Map<string, number>();
  for (const id of g.history) {
    const r = byId.get(id);
    if (r && !position.has(id)) {
      position.set(id, history.length);
      history.push(r);
    }
  }
  const pos = (rev: string | null): number => (rev !== null ? (position.get(rev) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER);
  const heads = g.heads.map((h) => byId.get(h)).filter((r): r is Revision => r !== undefined);
  const oneWay = history.filter((r) => r.downgradeShape.kind === 'one-way');

  const removed: Removal[] = [];
  for (const t of ctx.k.tables) {
    const current = new Set(t.columns.map((c) => c.name));
    for (const e of t.events) {
      if (e.environment !== g.name) continue;
      const at = pos(e.revision);
      if (e.kind === 'dropped' && !t.exists) removed.push({ name: t.name, kind: 'table', renamedTo: null, revision: e.revision, position: at });
      else if (e.kind === 'column-dropped' && e.column && !current.has(e.column) && t.exists)
        removed.push({ name: `${t.name}.${e.column}`, kind: 'column', renamedTo: null, revision: e.revision, position: at });
      else if (e.kind === 'column-renamed' && e.column && !current.has(e.column) && t.exists) {
        const to = /renamed column \S+ to (\S+)/.exec(e.detail)?.[1] ?? null;
        removed.push({ name: `${t.name}.${e.column}`, kind: 'column', renamedTo: to, revision: e.revision, position: at });
      }
    }
    // Table renames: the event sits on the renamed table, under its old name.
    t.formerNames.forEach((former) => {
      if (ctx.k.tables.some((o) => o.name === former && o.exists)) return;
      const e = t.events.find((ev) => ev.kind === 'renamed' && ev.environment === g.name && ev.detail.startsWith('renamed to ') && isRenameOf(ev.detail, t, former));
      if (e) removed.push({ name: former, kind: 'table', renamedTo: renameTarget(e.detail), revision: e.revision, position: pos(e.revision) });
    });
  }
  removed.sort((a, b) => a.position - b.position || compareCodePoints(a.name, b.name));
  dedupeRemovals(removed);

  const findings = ctx.k.findings.filter((f) => f.environment === g.name);
  const waived = groupWaivers(sortFindings(findings.filter((f) => f.waiver !== null), pos));

  // Only the first few problems are shown: the rest are counted, not written out.
  const problems: (() => string)[] = [];
  const notes: string[] = [];
  for (const d of g.diagnostics) {
    if (d.code === 'migration/multiple-heads') {
      if (d.severity === 'info') notes.push(`${heads.length} heads, each on its own branch label: upgrade with \`heads\`, not \`head\`.`);
      else problems.push(() => `${heads.length} unmerged heads: merge them (${code(ctx.options.commands.merge)}) before adding a migration.`);
    }
  }
  for (const d of g.diagnostics.filter((x) => x.severity === 'error')) {
    problems.push(() => `${d.path ? `${code(d.path)}${d.line ? ` line ${d.line}` : ''}: ` : ''}${clampInline(inline(d.message), 220)}`);
  }
  const open = sortFindings(findings.filter((f) => f.waiver === null && f.severity === 'error'), pos);
  for (const f of open) problems.push(() => `${findingWhere(f)} ${f.check}${ruleSuffix(ctx, f.rule)}: ${clampInline(withoutRulePrefix(ctx, f), 220)}`);
  const warnings = findings.filter((f) => f.waiver === null && f.severity === 'warning').length;
  if (warnings) problems.push(() => `${warnings} audit warning${warnings === 1 ? '' : 's'} not yet fixed: run ${code(ctx.options.commands.check)} for the list.`);

  return { graph: g, history, heads, oneWay, removed, waived, problems: problems.slice(0, PROBLEMS_SHOWN).map((p) => p()), problemCount: problems.length, notes };
}

/** Findings by their migration's place in the history (newest first), then line, check and message (a stable sort). */
function sortFindings(list: Finding[], pos: (rev: string | null) => number): Finding[] {
  const at = new Map(list.map((f) => [f, pos(f.revision)] as const));
  return list.sort(
    (a, b) =>
      at.get(a)! - at.get(b)! ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareCodePoints(a.check, b.check) ||
      compareCodePoints(a.message, b.message),
  );
}

function groupWaivers(list: Finding[]): WaiverGroup[] {
  const groups = new Map<string, WaiverGroup>();
  for (const f of list) {
    const w = f.waiver!;
    const key = [f.revision ?? f.path, f.check, f.rule ?? '', w.by, w.ref ?? ''].join('\u0000');
    const g = groups.get(key);
    const reason = inline(w.reason);
    if (!g) groups.set(key, { finding: f, count: 1, reasons: reason ? [reason] : [] });
    else {
      g.count++;
      if (reason && !g.reasons.includes(reason)) g.reasons.push(reason);
    }
  }
  return [...groups.values()];
}

function isRenameOf(detail: string, t: { name: string; formerNames: string[] }, former: string): boolean {
  const i = t.formerNames.indexOf(former);
  const next = i + 1 < t.formerNames.length ? t.formerNames[i + 1]! : t.name;
  return renameTarget(detail) === next;
}

function renameTarget(detail: string): string | null {
  return /^renamed to (\S+)/.exec(detail)?.[1] ?? null;
}

/** A name dropped twice (re-added in between) is listed once, at its newest removal. */
function dedupeRemovals(list: Removal[]): void {
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    if (seen.has(list[i]!.name)) list.splice(i--, 1);
    else seen.add(list[i]!.name);
  }
}

function findingWhere(f: Finding): string {
  return f.revision ? code(f.revision) : `${code(f.path)}${f.line ? ` line ${f.line}` : ''}`;
}

/** The finding's message without a leading `DB-011 (title):` that the line already shows. */
function withoutRulePrefix(ctx: BundleContext, f: Finding): string {
  const message = inline(f.message);
  const r = f.rule ? ctx.rule(f.rule) : null;
  if (!r) return message;
  const name = ctx.ruleName(r).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return message.replace(new RegExp(`^${name}(?: \\([^)]*\\))?:\\s*`), '');
}

function ruleSuffix(ctx: BundleContext, rule: string | null): string {
  if (!rule) return '';
  const r = ctx.rule(rule);
  return ` (${r ? ctx.ruleName(r) : rule})`;
}

function revisionLine(r: Revision): string {
  const flags = [r.isMergePoint ? 'merge' : null, r.createDate ? r.createDate.slice(0, 10) : null].filter((x): x is string => x !== null);
  return `${code(r.revision)} ${inline(r.message) || '(no message)'}${flags.length ? ` (${flags.join(', ')})` : ''}`;
}

function removalLine(r: Removal): string {
  const what = r.renamedTo ? `renamed to ${code(r.renamedTo)}` : 'dropped';
  return `${code(r.name)}: ${what} in ${code(r.revision)}`;
}

function waiverLine(ctx: BundleContext, group: WaiverGroup): string {
  const f = group.finding;
  const w = f.waiver!;
  const where = `${findingWhere(f)} ${f.check}${ruleSuffix(ctx, f.rule)}${group.count > 1 ? `, ${group.count} calls` : ''}`;
  if (w.by === 'adr') {
    const adr = w.ref ? ctx.adrByRef.get(w.ref) : undefined;
    return `${where}: accepted by ${adr ? `${ctx.adrName(adr)} (${inline(adr.title)})` : (w.ref ?? 'a decision record')}`;
  }
  const reasons = group.reasons.map((r) => clampInline(r, 140));
  return `${where}: ${reasons.length ? reasons.join(' / ') : 'waived without a reason'}`;
}

/** The lore command prefix (`npx lore`) when the check command is a lore command, else null. */
function loreCommand(ctx: BundleContext): string | null {
  const m = /^(.*\blore)\s+check\b/.exec(ctx.options.commands.check);
  return m ? m[1]! : null;
}

export function migrationsSection(ctx: BundleContext, knobs: MigrationKnobs, opts: { heading?: boolean; only?: MigrationGraph } = {}): string[] {
  const states = envStates(ctx).filter((s) => !opts.only || s.graph === opts.only);
  if (states.length === 0) return [];
  const lines: string[] = [];
  if (opts.heading !== false) lines.push('## Migration state', '');
  const many = ctx.k.migrations.length > 1 && !opts.only;
  for (const s of states) {
    const g = s.graph;
    const folder = code(g.path === '.' ? './' : `${g.path}/`);
    if (many) lines.push(`### Environment ${code(g.name)} (${folder})`, '');
    const count = `${g.revisions.length} migration${g.revisions.length === 1 ? '' : 's'}`;
    if (s.heads.length === 0) lines.push(`${many ? '' : `${folder}: `}${count}, no head.`, '');
    else if (s.heads.length === 1) {
      const h = s.heads[0]!;
      lines.push(`${many ? '' : `${folder}: `}${count}; head ${code(h.revision)} (${inline(h.message) || 'no message'}). A new migration revises this head.`, '');
    } else {
      lines.push(`${many ? '' : `${folder}: `}${count}; heads: ${s.heads.map((h) => `${code(h.revision)} (${inline(h.message) || 'no message'})`).join(', ')}.`, '');
    }
    for (const n of s.notes) lines.push(n, '');

    const recent = s.history.slice(0, knobs.recent);
    if (recent.length) {
      lines.push(`Newest ${recent.length === 1 ? 'migration' : `${recent.length} migrations`}, newest first:`, '');
      for (const r of recent) lines.push(`- ${revisionLine(r)}`);
      const older = s.history.length - recent.length;
      if (older > 0) {
        const lore = loreCommand(ctx);
        lines.push(`- ${older} older: ${lore ? `run ${code(`${lore} history ${g.path}`)} or ` : ''}read ${folder}.`);
      }
      lines.push('');
    } else if (s.history.length) {
      const lore = loreCommand(ctx);
      lines.push(`The list of migrations is left out to fit the budget: ${lore ? `run ${code(`${lore} history ${g.path}`)} or ` : ''}read ${folder}.`, '');
    }

    listBlock(lines, 'One-way migrations (`downgrade()` raises; only a backup brings the data back):', s.oneWay, knobs.oneWay, itemLines.oneWay, (r) => {
      const reason = r.downgradeShape.kind === 'one-way' && r.downgradeShape.reason ? `: ${clampInline(inline(r.downgradeShape.reason), 180)}` : '';
      return `${code(r.revision)} ${inline(r.message)}${reason}`;
    }, (n) => `${n} older one-way migration${n === 1 ? '' : 's'}: read ${folder}.`);

    listBlock(lines, 'Dropped or renamed: code must no longer use these names:', s.removed, knobs.removed, itemLines.removed, removalLine,
      (n) => `${n} older dropped or renamed name${n === 1 ? '' : 's'}: ${fullListHint(ctx, g)}.`);

    listBlock(lines, 'Waived audit findings (reviewed exceptions, not patterns to copy):', s.waived, knobs.waivers, itemLines.waived, (f) => waiverLine(ctx, f),
      (n) => `${n} older waived finding${n === 1 ? '' : 's'}: run ${code(ctx.options.commands.check)}.`);

    if (s.problemCount === 0) lines.push('Open problems: none.', '');
    else {
      lines.push('Open problems (fix these before adding a migration):', '');
      for (const p of s.problems) lines.push(`- ${p}`);
      const more = s.problemCount - PROBLEMS_SHOWN;
      if (more > 0) lines.push(`- ${more} more: run ${code(ctx.options.commands.check)}.`);
      lines.push('');
    }
  }
  return lines;
}

function fullListHint(ctx: BundleContext, g: MigrationGraph): string {
  const scoped = ctx.scopedFile(g);
  if (scoped) return `see ${code(scoped)}`;
  if (ctx.options.siteUrl) return `see the table pages on ${ctx.siteLink('/tables/')}`;
  return `read the migrations in ${code(`${g.path}/`)}`;
}

// An item's line depends only on the item (waiver groups belong to one context): written once,
// however many layouts the budget tries.
const itemLines = { oneWay: new WeakMap<object, string>(), removed: new WeakMap<object, string>(), waived: new WeakMap<object, string>() };

function listBlock<T extends object>(lines: string[], title: string, items: T[], limit: number, memo: WeakMap<object, string>, line: (item: T) => string, more: (n: number) => string): void {
  if (items.length === 0) return;
  const shown = items.slice(0, Math.max(0, limit));
  lines.push(title, '');
  for (const item of shown) {
    let text = memo.get(item);
    if (text === undefined) memo.set(item, (text = `- ${line(item)}`));
    lines.push(text);
  }
  if (items.length > shown.length) lines.push(`- ${more(items.length - shown.length)}`);
  lines.push('');
}
