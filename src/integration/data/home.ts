// Page data for the home page, the audit overview and the guide pages.
import type { Diagnostic, DocPage, Severity } from '../../core/model.ts';
import { migrationRef } from '../../core/ids.ts';
import { compareCodePoints } from '../../core/text.ts';
import type { RefView, SiteContext } from './context.ts';
import { adrSummary, type AdrSummary } from './decisions.ts';
import { findingView, type FindingView } from './migrations.ts';
import { anchor } from '../urls.ts';
import { humanDate, truncate } from './text.ts';
import { PAGE_SIZE, pager, pageTitle, type Pager } from './paging.ts';

export interface ProblemView {
  severity: Severity;
  code: string;
  path: string | null;
  line: number | null;
  message: string;
  /** The page of the file the problem is in, when it has one. */
  href: string | null;
}

export interface HomeData {
  title: string;
  description: string;
  counts: { rules: number; ruleFiles: number; adrs: number; migrations: number; environments: number; tables: number; docs: number; findings: number };
  environments: { name: string; href: string; heads: RefView[]; revisions: number }[];
  latestDecisions: AdrSummary[];
  latestMigrations: { environment: string; migrations: (RefView & { dateLabel: string | null })[] }[];
  problems: { errors: number; warnings: number; notes: number; shown: ProblemView[]; more: number };
  /** Unwaived findings: `open` errors and warnings (listed), `notes` the informational ones (on the audit page). */
  findings: { open: number; notes: number; waived: number; shown: FindingView[]; more: number };
  docs: { title: string; href: string; description: string | null }[];
  nav: { home: string; decisions: string; rules: string; migrations: string; tables: string; docs: string; audit: string; search: string; sitemap: string; pagefind: string; base: string };
}

const SHOWN = 6;
const PROBLEMS_SHOWN = 30;
const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Repo-relative file → its page, for pointing at problems. */
export function pageOfFile(ctx: SiteContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of ctx.k.adrs) out.set(a.file, ctx.urls.adr(a));
  for (const f of ctx.k.rules) out.set(f.path, ctx.urls.rulesFile(f.path));
  for (const d of ctx.k.docs) out.set(d.path, ctx.urls.doc(d.slug));
  for (const g of ctx.k.migrations) for (const r of g.revisions) out.set(r.path, ctx.urls.migration(g.name, r.revision));
  return out;
}

export function problemView(d: Diagnostic, pages: Map<string, string>): ProblemView {
  return { severity: d.severity, code: d.code, path: d.path, line: d.line, message: d.message, href: d.path ? (pages.get(d.path) ?? null) : null };
}

export function homeData(ctx: SiteContext): HomeData {
  const k = ctx.k;
  const pages = pageOfFile(ctx);
  const latestDecisions = k.adrs
    .map((a) => adrSummary(ctx, a))
    .sort((a, b) => compareCodePoints(b.date ?? '', a.date ?? '') || (b.number ?? -1) - (a.number ?? -1) || compareCodePoints(a.ref, b.ref))
    .slice(0, SHOWN);
  const latestMigrations = k.migrations.map((g) => ({
    environment: g.name,
    migrations: g.history.slice(0, SHOWN).map((id) => {
      const ref = migrationRef(g.name, id);
      return { ...ctx.view(ref), dateLabel: humanDate(ctx.revisions.get(ref)?.rev.createDate ?? null) };
    }),
  }));
  const serious = k.diagnostics.filter((d) => d.severity !== 'info').sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  const unwaived = k.findings.filter((f) => !f.waiver);
  const open = unwaived.filter((f) => f.severity !== 'info').sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  return {
    title: ctx.settings.title,
    description: ctx.settings.description,
    counts: {
      rules: k.rules.reduce((n, f) => n + f.rules.length, 0),
      ruleFiles: k.rules.length,
      adrs: k.adrs.length,
      migrations: k.migrations.reduce((n, g) => n + g.revisions.length, 0),
      environments: k.migrations.length,
      tables: k.tables.length,
      docs: k.docs.length,
      findings: open.length,
    },
    environments: k.migrations.map((g) => ({
      name: g.name,
      href: ctx.urls.timeline(g.name),
      heads: g.heads.map((h) => ctx.view(migrationRef(g.name, h))),
      revisions: g.revisions.length,
    })),
    latestDecisions,
    latestMigrations,
    problems: {
      errors: k.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: k.diagnostics.filter((d) => d.severity === 'warning').length,
      notes: k.diagnostics.filter((d) => d.severity === 'info').length,
      shown: serious.slice(0, PROBLEMS_SHOWN).map((d) => problemView(d, pages)),
      more: Math.max(0, serious.length - PROBLEMS_SHOWN),
    },
    findings: {
      open: open.length,
      notes: unwaived.length - open.length,
      waived: k.findings.length - unwaived.length,
      shown: open.slice(0, PROBLEMS_SHOWN).map((f) => findingView(ctx, f)),
      more: Math.max(0, open.length - PROBLEMS_SHOWN),
    },
    docs: k.docs.map((d) => ({ title: d.title, href: ctx.urls.doc(d.slug), description: d.description })),
    nav: {
      home: ctx.urls.home(),
      decisions: ctx.urls.decisions(),
      rules: ctx.urls.rulesIndex(),
      migrations: ctx.urls.migrations(),
      tables: ctx.urls.tables(),
      docs: ctx.urls.docsIndex(),
      audit: ctx.urls.audit(),
      search: ctx.urls.search(),
      sitemap: ctx.urls.sitemap(),
      pagefind: ctx.urls.href('/pagefind/'),
      base: ctx.urls.base,
    },
  };
}

export interface AuditData {
  description: string;
  open: number;
  waived: number;
  /** Open findings grouped by the rule they break (rules in id order; "no rule" last). */
  groups: { anchor: string; rule: RefView | null; findings: FindingView[] }[];
  waivedFindings: FindingView[];
  /** Every rule with a configured check or a finding: its checks and counts (anchored by rule id). */
  rules: { anchor: string; rule: RefView; checks: { check: string; severity: string | null }[]; open: number; waived: number }[];
  /** Checks configured without a rule. */
  unassigned: { check: string; severity: string | null; file: RefView }[];
  problems: ProblemView[];
  /** The pages of the audit: open findings, then waived ones, then the other problems, PAGE_SIZE a page. */
  pages: AuditPageData[];
}

/** A part of an open-findings group shown on one page. */
export interface AuditGroupPart {
  anchor: string;
  rule: RefView | null;
  /** Findings in the whole group. */
  total: number;
  /** True when the group began on an earlier page. */
  continued: boolean;
  findings: FindingView[];
}

/** One page of the audit. The counts are over all findings; the rules table is on the first page. */
export interface AuditPageData {
  page: number;
  pages: number;
  href: string;
  /** Route param below /audit/ ('' for the first page). */
  route: string;
  title: string;
  description: string;
  open: number;
  waived: number;
  /** Problems other than notes, over the whole audit. */
  serious: number;
  /** First page only: the rules table, each rule with the page and anchor of its open findings. */
  summary: { rules: (AuditData['rules'][number] & { findingsHref: string | null })[]; unassigned: AuditData['unassigned'] } | null;
  /** Whether this page shows the open-findings section (the first page always does). */
  showOpen: boolean;
  groups: AuditGroupPart[];
  waivedFindings: FindingView[];
  /** Whether this page shows the other-problems section (the last page always does). */
  showProblems: boolean;
  problems: ProblemView[];
  pager: Pager | null;
}

export function auditData(ctx: SiteContext): AuditData {
  const open = ctx.k.findings.filter((f) => !f.waiver);
  const byRule = new Map<string, FindingView[]>();
  for (const f of open) {
    const key = f.rule ?? '';
    const list = byRule.get(key) ?? [];
    list.push(findingView(ctx, f));
    byRule.set(key, list);
  }
  const groups = [...byRule.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : compareCodePoints(a, b)))
    .map(([rule, findings]) => ({
      anchor: rule ? `findings-${anchor(rule)}` : 'findings-no-rule',
      rule: rule ? ctx.view(`rule:${rule}`) : null,
      findings: findings.sort((x, y) => compareCodePoints(x.migration?.label ?? '', y.migration?.label ?? '') || (x.line ?? 0) - (y.line ?? 0)),
    }));
  const rules = new Map<string, AuditData['rules'][number]>();
  const ruleRow = (id: string): AuditData['rules'][number] => {
    let row = rules.get(id);
    if (!row) {
      row = { anchor: anchor(id), rule: ctx.view(`rule:${id}`), checks: [], open: 0, waived: 0 };
      rules.set(id, row);
    }
    return row;
  };
  const unassigned: AuditData['unassigned'] = [];
  for (const file of ctx.k.rules) {
    for (const c of file.checks) {
      const id = c.rule ? c.rule.toLowerCase().replace(/^rule:/, '') : null;
      if (id && ctx.rules.has(id)) ruleRow(id).checks.push({ check: c.check, severity: c.severity });
      else unassigned.push({ check: c.check, severity: c.severity, file: ctx.view(`rules-file:${file.path}`) });
    }
  }
  for (const f of ctx.k.findings) {
    if (!f.rule || !ctx.rules.has(f.rule)) continue;
    const row = ruleRow(f.rule);
    if (f.waiver) row.waived++;
    else row.open++;
  }
  const files = pageOfFile(ctx);
  const data: Omit<AuditData, 'pages'> = {
    description: truncate(`Audit of the migrations against the written rules: ${open.length} open finding${open.length === 1 ? '' : 's'}, ${ctx.k.findings.length - open.length} waived.`, 180),
    open: open.length,
    waived: ctx.k.findings.length - open.length,
    groups,
    waivedFindings: ctx.k.findings.filter((f) => f.waiver).map((f) => findingView(ctx, f)),
    rules: [...rules.values()].sort((a, b) => compareCodePoints(a.rule.label, b.rule.label)),
    unassigned,
    problems: ctx.k.diagnostics.map((d) => problemView(d, files)),
  };
  return { ...data, pages: auditPages(ctx, data) };
}

/** Cuts the audit into pages: open findings by group, then waived findings, then other problems. */
function auditPages(ctx: SiteContext, a: Omit<AuditData, 'pages'>, size = PAGE_SIZE): AuditPageData[] {
  const serious = a.problems.filter((p) => p.severity !== 'info');
  type Item = { kind: 'open'; group: number; finding: FindingView } | { kind: 'waived'; finding: FindingView } | { kind: 'problem'; problem: ProblemView };
  const items: Item[] = [];
  a.groups.forEach((g, group) => {
    for (const finding of g.findings) items.push({ kind: 'open', group, finding });
  });
  for (const finding of a.waivedFindings) items.push({ kind: 'waived', finding });
  for (const problem of serious) items.push({ kind: 'problem', problem });
  const count = Math.max(1, Math.ceil(items.length / size));
  const hrefs = Array.from({ length: count }, (_, i) => ctx.urls.audit(i + 1));
  const firstPage = new Map<string, number>();
  const pages: AuditPageData[] = [];
  for (let n = 1; n <= count; n++) {
    const groups: AuditGroupPart[] = [];
    const waivedFindings: FindingView[] = [];
    const problems: ProblemView[] = [];
    for (const item of items.slice((n - 1) * size, n * size)) {
      if (item.kind === 'open') {
        const g = a.groups[item.group]!;
        let part = groups[groups.length - 1];
        if (part?.anchor !== g.anchor) {
          part = { anchor: g.anchor, rule: g.rule, total: g.findings.length, continued: firstPage.has(g.anchor), findings: [] };
          if (!part.continued) firstPage.set(g.anchor, n);
          groups.push(part);
        }
        part.findings.push(item.finding);
      } else if (item.kind === 'waived') waivedFindings.push(item.finding);
      else problems.push(item.problem);
    }
    pages.push({
      page: n,
      pages: count,
      href: hrefs[n - 1]!,
      route: ctx.urls.path(hrefs[n - 1]!).replace(/^\/audit\/?/, '').replace(/\/$/, ''),
      title: pageTitle('Audit', n, count),
      description: a.description,
      open: a.open,
      waived: a.waived,
      serious: serious.length,
      summary: null,
      showOpen: n === 1 || groups.length > 0,
      groups,
      waivedFindings,
      showProblems: n === count || problems.length > 0,
      problems,
      pager: pager(n, count, (p) => hrefs[p - 1]!),
    });
  }
  // The rules table links each rule to where its open findings begin.
  pages[0]!.summary = {
    rules: a.rules.map((r) => {
      const at = firstPage.get(`findings-${r.anchor}`);
      return { ...r, findingsHref: at === undefined ? null : `${at === 1 ? '' : hrefs[at - 1]}#findings-${r.anchor}` };
    }),
    unassigned: a.unassigned,
  };
  return pages;
}

export interface DocPageData {
  slug: string;
  href: string;
  title: string;
  description: string;
  path: string;
  sourceHref: string | null;
  citedBy: RefView[];
  cites: RefView[];
  body: string;
}

export function docPage(ctx: SiteContext, doc: DocPage, body: string): DocPageData {
  const self = `doc:${doc.path}`;
  const href = ctx.urls.doc(doc.slug);
  return {
    slug: ctx.urls.path(href).replace(/^\/docs\//, '').replace(/\/$/, ''),
    href,
    title: doc.title,
    description: truncate(doc.description ?? `${doc.title}: a guide page of ${ctx.settings.title}.`, 180),
    path: doc.path,
    sourceHref: ctx.settings.repoUrl ? ctx.settings.repoUrl + doc.path.split('/').map(encodeURIComponent).join('/') : null,
    citedBy: ctx.linked(self, 'in', ['cites', 'mentions']).map(ctx.view),
    cites: ctx.linked(self, 'out', ['cites']).map(ctx.view),
    body,
  };
}
