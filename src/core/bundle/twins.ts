// The `.md` twin of every site page: ADRs, rules files, migrations, tables and guide pages, as plain
// Markdown for agents, keyed by the page's URL path.
import { posix } from 'node:path';
import type { Adr, DocPage, Finding, Knowledge, Link, MigrationGraph, Operation, Ref, Revision, RuleFile, TableHistory } from '../model.ts';
import { revisionsInHistoryOrder } from '../alembic/history.ts';
import { adrLabel, adrRef, docRef, migrationRef, rulesFileRef, tableRef } from '../ids.ts';
import { compareCodePoints } from '../text.ts';
import { clampInline, code, inline } from './inline.ts';
import { dropLeadingTitle, mapLinks, sanitizeBlock } from './markdown.ts';
import { adrUrl, docUrl, migrationUrl, rulesFileSlugs, rulesFileUrl, tableUrl, twinPath } from './urls.ts';
import { siteLink } from './context.ts';

export type PageKind = 'decision' | 'rules' | 'migration' | 'table' | 'doc';

export interface TwinPage {
  kind: PageKind;
  /** The page's URL path on the site, e.g. `/decisions/0004-x/`. */
  url: string;
  /** Where its twin is served: `/decisions/0004-x.md`. */
  twin: string;
  title: string;
  /** One line about the page, for llms.txt. */
  note: string;
  content: string;
}

export interface TwinOptions {
  /** Base URL of the site; links in twins are absolute when set, site-root paths otherwise. */
  siteUrl?: string | null;
}

/** Finds the page of a model ref or of a repo-relative file, and links to its twin. */
export class PageIndex {
  readonly byRef = new Map<Ref, string>();
  readonly byFile = new Map<string, string>();
  readonly rulesSlugs: Map<string, string>;
  private readonly ruleFileOf = new Map<string, string>();
  private readonly siteUrl: string | null;
  /** Lookups every page needs, built once (per page they would make rendering quadratic). */
  readonly adrs = new Map<Ref, Adr>();
  readonly ruleLabels = new Map<string, string>();
  readonly findings = new Map<string, Finding[]>();

  constructor(k: Knowledge, options: TwinOptions = {}) {
    this.siteUrl = options.siteUrl ?? null;
    this.rulesSlugs = rulesFileSlugs(k.rules);
    for (const f of k.rules) {
      const url = rulesFileUrl(this.rulesSlugs.get(f.path)!);
      this.byRef.set(rulesFileRef(f.path), url);
      this.byFile.set(f.path, url);
      for (const r of f.rules) if (!this.ruleFileOf.has(r.id)) this.ruleFileOf.set(r.id, url);
      for (const r of f.rules) if (!this.ruleLabels.has(r.id)) this.ruleLabels.set(r.id, r.label ?? r.id);
    }
    for (const a of k.adrs) {
      this.adrs.set(adrRef(a), a);
      this.byRef.set(adrRef(a), adrUrl(a));
      this.byFile.set(a.file, adrUrl(a));
    }
    for (const d of k.docs) {
      this.byRef.set(docRef(d.path), docUrl(d));
      this.byFile.set(d.path, docUrl(d));
    }
    for (const g of k.migrations) {
      for (const r of g.revisions) {
        const url = migrationUrl(g.name, r.revision);
        this.byRef.set(migrationRef(g.name, r.revision), url);
        this.byFile.set(r.path, url);
      }
    }
    for (const t of k.tables) this.byRef.set(tableRef(t.name), tableUrl(t.name));
    for (const f of k.findings) {
      const key = findingKey(f.environment, f.revision);
      (this.findings.get(key) ?? this.findings.set(key, []).get(key)!).push(f);
    }
  }

  /** The twin URL of a ref's page, or null. */
  refTwin(ref: Ref): string | null {
    const rule = /^rule:(.+)$/.exec(ref);
    const page = rule ? this.ruleFileOf.get(rule[1]!) : this.byRef.get(ref);
    return page ? this.link(twinPath(page)) : null;
  }

  link(path: string): string {
    return this.siteUrl ? siteLink(this.siteUrl, path) : path;
  }

  /** Re-points relative links of Markdown written in `fromFile` at the twins of the pages they name. */
  relink(markdown: string, fromFile: string): string {
    return mapLinks(markdown, (url) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('#') || url === '') return url;
      const hash = url.indexOf('#');
      const pathPart = decodeURI(hash < 0 ? url : url.slice(0, hash));
      const target = posix.normalize(posix.join(posix.dirname(fromFile), pathPart));
      const page = this.byFile.get(target);
      return page ? this.link(twinPath(page)) : url;
    });
  }
}

export function renderTwins(k: Knowledge, options: TwinOptions = {}): TwinPage[] {
  const index = new PageIndex(k, options);
  const from = new Map<Ref, Link[]>();
  const to = new Map<Ref, Link[]>();
  for (const l of k.links) {
    (from.get(l.from) ?? from.set(l.from, []).get(l.from)!).push(l);
    (to.get(l.to) ?? to.set(l.to, []).get(l.to)!).push(l);
  }
  const pages: TwinPage[] = [];
  for (const f of [...k.rules].sort((a, b) => compareCodePoints(a.path, b.path))) pages.push(rulesTwin(f, index));
  for (const a of k.adrs) pages.push(adrTwin(k, a, index, from, to));
  for (const d of k.docs) pages.push(docTwin(d, index));
  for (const t of k.tables) pages.push(tableTwin(k, t, index, to));
  for (const g of k.migrations) for (const r of newestFirst(g)) pages.push(migrationTwin(k, g, r, index, from));
  return pages;
}

function newestFirst(g: MigrationGraph): Revision[] {
  const out = revisionsInHistoryOrder(g);
  const seen = new Set(out.map((r) => r.revision));
  for (const r of g.revisions) if (!seen.has(r.revision)) out.push(r);
  return out;
}

function page(kind: PageKind, url: string, title: string, note: string, lines: string[]): TwinPage {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  return { kind, url, twin: twinPath(url), title, note, content: `${lines.slice(0, end).join('\n')}\n` };
}

function body(markdown: string, file: string, index: PageIndex): string[] {
  const text = sanitizeBlock(index.relink(dropLeadingTitle(markdown), file)).trim();
  return text ? ['', ...text.split('\n')] : [];
}

function refLinks(refs: Ref[], index: PageIndex, label: (ref: Ref) => string): string {
  return [...new Set(refs)]
    .sort(compareCodePoints)
    .map((r) => {
      const url = index.refTwin(r);
      return url ? `[${label(r)}](${url})` : label(r);
    })
    .join(', ');
}

function rulesTwin(f: RuleFile, index: PageIndex): TwinPage {
  const url = index.byFile.get(f.path)!;
  const labels = f.rules.map((r) => r.label ?? r.id);
  const lines = [`# ${inline(f.title)}`, '', `- Source: ${code(f.path)}`];
  if (f.appliesTo.length) lines.push(`- Applies to: ${f.appliesTo.map(code).join(', ')}`);
  lines.push(`- Rules: ${labels.length ? labels.join(', ') : 'none'}`);
  lines.push(...body(f.body, f.path, index));
  const checks = f.checks.filter((c) => c.severity !== 'off');
  if (checks.length) {
    lines.push('', '## Audit checks', '');
    for (const c of checks) lines.push(`- ${code(c.check)}${c.rule ? ` enforces ${c.rule}` : ''}${c.severity ? ` (${c.severity})` : ''}`);
  }
  const note = `${labels.length} rule${labels.length === 1 ? '' : 's'}${labels.length ? ` (${labels[0]}${labels.length > 1 ? ` … ${labels[labels.length - 1]}` : ''})` : ''}`;
  return page('rules', url, inline(f.title), note, lines);
}

function adrName(a: Adr): string {
  return a.group ? `${a.group}/${adrLabel(a)}` : adrLabel(a);
}

function adrTwin(k: Knowledge, a: Adr, index: PageIndex, from: Map<Ref, Link[]>, to: Map<Ref, Link[]>): TwinPage {
  const ref = adrRef(a);
  const label = (r: Ref): string => {
    const adr = index.adrs.get(r);
    if (adr) return adrName(adr);
    return r.replace(/^(rule|table|doc|rules-file):/, '').replace(/^migration:[^/]+\//, '');
  };
  const out = from.get(ref) ?? [];
  const inn = to.get(ref) ?? [];
  const title = `${adrName(a)}: ${inline(a.title)}`;
  const lines = [`# ${title}`, '', `- Status: ${a.statusRaw ? inline(a.statusRaw) : a.status}`];
  if (a.date) lines.push(`- Date: ${a.date}`);
  if (a.deciders.length) lines.push(`- Decision makers: ${a.deciders.map(inline).join(', ')}`);
  if (a.tags.length) lines.push(`- Tags: ${a.tags.map(inline).join(', ')}`);
  const supersedes = out.filter((l) => l.kind === 'supersedes').map((l) => l.to);
  const supersededBy = inn.filter((l) => l.kind === 'supersedes').map((l) => l.from);
  if (supersedes.length) lines.push(`- Supersedes: ${refLinks(supersedes, index, label)}`);
  if (supersededBy.length) lines.push(`- Superseded by: ${refLinks(supersededBy, index, label)}`);
  const rules = [...out.filter((l) => l.to.startsWith('rule:')).map((l) => l.to), ...inn.filter((l) => l.from.startsWith('rule:')).map((l) => l.from)];
  if (rules.length) lines.push(`- Rules: ${refLinks(rules, index, (r) => ruleLabel(index, r))}`);
  const tables = out.filter((l) => l.to.startsWith('table:')).map((l) => l.to);
  if (tables.length) lines.push(`- Tables: ${refLinks(tables, index, label)}`);
  const migrations = inn.filter((l) => l.from.startsWith('migration:')).map((l) => l.from);
  if (migrations.length) lines.push(`- Migrations: ${refLinks(migrations, index, label)}`);
  lines.push(`- Source: ${code(a.file)}`);
  lines.push(...body(a.body, a.file, index));
  return page('decision', adrUrl(a), title, `${a.status}. ${inline(a.summary)}`, lines);
}

function ruleLabel(index: PageIndex, ref: Ref): string {
  const id = ref.slice('rule:'.length);
  return index.ruleLabels.get(id) ?? id;
}

function findingKey(environment: string | null, revision: string | null): string {
  return `${environment}\u0000${revision}`;
}

function docTwin(d: DocPage, index: PageIndex): TwinPage {
  const lines = [`# ${inline(d.title)}`];
  if (d.description) lines.push('', `> ${inline(d.description)}`);
  lines.push('', `- Source: ${code(d.path)}`);
  lines.push(...body(d.body, d.path, index));
  return page('doc', docUrl(d), inline(d.title), d.description ? inline(d.description) : 'Guide page', lines);
}

function tableTwin(k: Knowledge, t: TableHistory, index: PageIndex, to: Map<Ref, Link[]>): TwinPage {
  const lines = [`# Table ${t.name}`, '', `- Status: ${t.exists ? 'exists' : 'dropped'}`];
  if (t.formerNames.length) lines.push(`- Former names: ${t.formerNames.map(code).join(', ')}`);
  lines.push('', '## Columns', '');
  if (t.columns.length === 0) lines.push('No columns known from the migrations.');
  for (const c of t.columns) lines.push(`- ${code(c.name)}${c.type ? ` ${code(c.type)}` : ''}${c.nullable === false ? ', NOT NULL' : c.nullable === true ? ', nullable' : ''}`);
  lines.push('', '## History', '');
  for (const e of t.events) {
    const url = index.refTwin(migrationRef(e.environment, e.revision));
    const rev = url ? `[${e.revision}](${url})` : code(e.revision);
    lines.push(`- ${rev}: ${inline(e.detail)}`);
  }
  const mentions = (to.get(tableRef(t.name)) ?? []).filter((l) => l.from.startsWith('adr:')).map((l) => l.from);
  if (mentions.length) {
    lines.push('', '## Decisions that mention it', '');
    for (const r of [...new Set(mentions)].sort(compareCodePoints)) {
      const url = index.refTwin(r);
      const adr = index.adrs.get(r);
      const name = adr ? `${adrName(adr)}: ${inline(adr.title)}` : r.slice(4);
      lines.push(`- ${url ? `[${name}](${url})` : name}${adr ? ` (${adr.status})` : ''}`);
    }
  }
  const revisions = new Set(t.events.map((e) => e.revision)).size;
  const note = `${t.exists ? '' : 'dropped; '}${t.columns.length} column${t.columns.length === 1 ? '' : 's'}, changed by ${revisions} migration${revisions === 1 ? '' : 's'}`;
  return page('table', tableUrl(t.name), t.name, note, lines);
}

function migrationTwin(k: Knowledge, g: MigrationGraph, r: Revision, index: PageIndex, from: Map<Ref, Link[]>): TwinPage {
  const title = `${r.revision}: ${inline(r.message) || '(no message)'}`;
  const revLink = (id: string): string => {
    const url = index.refTwin(migrationRef(g.name, id));
    return url ? `[${id}](${url})` : code(id);
  };
  const lines = [`# ${title}`, '', `- Environment: ${g.name}`, `- File: ${code(r.path)}`];
  lines.push(`- Revises: ${r.downRevisions.length ? r.downRevisions.map(revLink).join(', ') : 'nothing (a base)'}`);
  if (r.children.length) lines.push(`- Revised by: ${r.children.map(revLink).join(', ')}`);
  if (r.dependsOn.length) lines.push(`- Depends on: ${r.dependsOn.map(revLink).join(', ')}`);
  if (r.branchLabels.length) lines.push(`- Branch labels: ${r.branchLabels.map(code).join(', ')}`);
  if (r.createDate) lines.push(`- Created: ${r.createDate}`);
  const flags = [r.isHead ? 'head' : null, r.isMergePoint ? 'merge point' : null, r.isBranchPoint ? 'branch point' : null].filter((x): x is string => x !== null);
  if (flags.length) lines.push(`- Graph: ${flags.join(', ')}`);
  lines.push(`- Downgrade: ${downgradeText(r)}`);
  const refs = (from.get(migrationRef(g.name, r.revision)) ?? []).map((l) => l.to);
  const adrs = refs.filter((x) => x.startsWith('adr:'));
  if (adrs.length) lines.push(`- Decisions: ${refLinks(adrs, index, (x) => (index.adrs.get(x) ? adrName(index.adrs.get(x)!) : x))}`);
  const rules = refs.filter((x) => x.startsWith('rule:'));
  if (rules.length) lines.push(`- Rules: ${refLinks(rules, index, (x) => ruleLabel(index, x))}`);
  const prose = docstringProse(r);
  if (prose) lines.push('', ...sanitizeBlock(prose).split('\n'));
  lines.push('', '## Upgrade', '');
  if (r.upgrade.length === 0) lines.push('No operations.');
  for (const op of r.upgrade) lines.push(`- ${operationText(op)}`);
  if (r.downgrade.length) {
    lines.push('', '## Downgrade', '');
    for (const op of r.downgrade) lines.push(`- ${operationText(op)}`);
  }
  const findings = index.findings.get(findingKey(g.name, r.revision)) ?? [];
  if (findings.length) {
    lines.push('', '## Audit findings', '');
    for (const f of findings) {
      const waived = f.waiver ? ` Waived (${f.waiver.by}): ${inline(f.waiver.reason)}` : '';
      lines.push(`- ${f.severity} ${code(f.check)}${f.line ? ` line ${f.line}` : ''}: ${inline(f.message)}${waived}`);
    }
  }
  const note = `${g.name}${r.isHead ? ', head' : ''}${r.downgradeShape.kind === 'one-way' ? ', one-way' : ''}; ${r.upgrade.length} operation${r.upgrade.length === 1 ? '' : 's'}`;
  return page('migration', migrationUrl(g.name, r.revision), title, note, lines);
}

/** The docstring without its first line (the message) and the header and trailer fields shown above. */
function docstringProse(r: Revision): string {
  const lines = r.longdoc.split('\n');
  if (lines[0]?.trim() === r.message.trim()) lines.shift();
  return lines
    .filter((l) => !/^\s*(?:Revision ID|Revises|Create Date|Decisions|Rules)\s*:/i.test(l))
    .join('\n')
    .trim();
}

function downgradeText(r: Revision): string {
  const s = r.downgradeShape;
  switch (s.kind) {
    case 'missing':
      return 'missing';
    case 'empty':
      return 'empty (does nothing)';
    case 'one-way':
      return `one-way${s.reason ? `: ${inline(s.reason)}` : ''}`;
    case 'operations':
      return `${r.downgrade.length} operation${r.downgrade.length === 1 ? '' : 's'}`;
  }
}

function operationText(op: Operation): string {
  const target = op.table ? `${op.table}${op.column ? `.${op.column}` : ''}` : (op.column ?? '');
  const parts = [`${code(op.call)}${target ? ` ${code(target)}` : ''}`];
  if (op.newName) parts.push(`→ ${code(op.newName)}`);
  if (op.name) parts.push(`name ${code(op.name)}`);
  if (op.columns.length) parts.push(`on (${op.columns.join(', ')})`);
  if (op.referent) parts.push(`→ ${code(op.referent)}`);
  if (op.columnSpecs.length && op.kind === 'create_table') parts.push(`columns ${op.columnSpecs.map((c) => c.name).join(', ')}`);
  else if (op.columnSpecs.length) parts.push(op.columnSpecs.map((c) => `${c.type ? code(c.type) : ''}${c.nullable === false ? ' NOT NULL' : ''}`.trim()).filter((x) => x).join(', '));
  if (op.autocommit) parts.push('(autocommit block)');
  if (op.kwargs.postgresql_concurrently === 'True') parts.push('(concurrently)');
  if (op.kwargs.postgresql_not_valid === 'True') parts.push('(not valid)');
  if (op.sql) parts.push(`SQL ${code(clampInline(op.sql.replace(/\s+/g, ' ').trim(), 200))}`);
  return `${parts.filter((p) => p !== '').join(' ')} (line ${op.line})`;
}
