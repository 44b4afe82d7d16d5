// Page data for the rules index and for each rules file (one page, every rule anchored).
import type { RuleCheckConfig, RuleFile, RuleItem, Severity } from '../../core/model.ts';
import { ruleRef } from '../../core/ids.ts';
import { compareCodePoints } from '../../core/text.ts';
import type { RefView, SiteContext } from './context.ts';
import { anchor } from '../urls.ts';
import { splitRulesFile } from '../markdown/segments.ts';
import { inline, plural, truncate, plainText, type Inline } from './text.ts';

export interface EnforcedBy {
  check: string;
  severity: Severity | 'off' | null;
}

export interface RuleView {
  id: string;
  anchor: string;
  href: string;
  label: string | null;
  title: Inline[];
  titleText: string;
  section: string[];
  /** Heading level the rule is shown at (2–6). */
  level: number;
  decisions: RefView[];
  /** Migrations that cite the rule: the first few, and how many in all. */
  migrations: RefView[];
  migrationCount: number;
  enforcedBy: EnforcedBy[];
  findings: { total: number; open: number; href: string | null };
}

export type RulesSegmentView = { kind: 'text'; markdown: string } | { kind: 'rule'; rule: RuleView; markdown: string };

export interface RulesFilePageData {
  path: string;
  slug: string;
  href: string;
  title: string;
  description: string;
  appliesTo: string[];
  priority: number | null;
  sourceHref: string | null;
  rules: RuleView[];
  segments: RulesSegmentView[];
  checks: (EnforcedBy & { rule: RefView | null })[];
}

export interface RulesIndexData {
  files: { path: string; href: string; title: string; description: string; appliesTo: string[]; rules: Pick<RuleView, 'id' | 'href' | 'label' | 'title'>[] }[];
  total: number;
}

const MIGRATIONS_SHOWN = 8;

/** `DB-011` or `db-011` in a `checks:` entry → the rule's id. */
function checkRuleId(ctx: SiteContext, c: RuleCheckConfig): string | null {
  if (!c.rule) return null;
  const id = c.rule.toLowerCase().replace(/^rule:/, '');
  return ctx.rules.has(id) ? id : null;
}

function enforcement(ctx: SiteContext): Map<string, EnforcedBy[]> {
  const out = new Map<string, EnforcedBy[]>();
  for (const f of ctx.k.rules) {
    for (const c of f.checks) {
      const id = checkRuleId(ctx, c);
      if (!id) continue;
      const list = out.get(id) ?? [];
      if (!list.some((e) => e.check === c.check && e.severity === c.severity)) list.push({ check: c.check, severity: c.severity });
      out.set(id, list);
    }
  }
  return out;
}

function ruleView(ctx: SiteContext, rule: RuleItem, level: number, enforced: Map<string, EnforcedBy[]>, fileHref: string, id: string): RuleView {
  const self = ruleRef(rule.id);
  const decisions = [...new Set([...ctx.linked(self, 'out', ['cites'], 'adr:'), ...ctx.linked(self, 'in', ['cites'], 'adr:')])]
    .map(ctx.view)
    .sort((a, b) => compareCodePoints(a.label, b.label));
  const newest = (r: string): number => ctx.historyIndex.get(r) ?? Number.MAX_SAFE_INTEGER;
  const migrationRefs = ctx.linked(self, 'in', ['cites', 'mentions'], 'migration:').sort((a, b) => newest(a) - newest(b) || compareCodePoints(a, b));
  const findings = ctx.findingsByRule.get(rule.id) ?? [];
  return {
    id: rule.id,
    anchor: id,
    href: `${fileHref}#${id}`,
    label: rule.label,
    title: inline(rule.title),
    titleText: plainText(rule.title),
    section: rule.section,
    level,
    decisions,
    migrations: migrationRefs.slice(0, MIGRATIONS_SHOWN).map(ctx.view),
    migrationCount: migrationRefs.length,
    enforcedBy: enforced.get(rule.id) ?? [],
    // The audit page anchors every rule that has a check or a finding.
    findings: {
      total: findings.length,
      open: findings.filter((f) => !f.waiver).length,
      href: findings.length || enforced.has(rule.id) ? `${ctx.urls.audit()}#${anchor(rule.id)}` : null,
    },
  };
}

export function rulesFilePage(ctx: SiteContext, file: RuleFile): RulesFilePageData {
  const enforced = enforcement(ctx);
  const href = ctx.urls.rulesFile(file.path);
  const used = new Set<string>();
  const unique = (id: string): string => {
    let a = id;
    for (let n = 2; used.has(a); n++) a = `${id}-${n}`;
    used.add(a);
    return a;
  };
  const segments: RulesSegmentView[] = splitRulesFile(file).map((s) =>
    s.kind === 'text' ? s : { kind: 'rule', rule: ruleView(ctx, s.rule, s.level ?? 3, enforced, href, unique(anchor(s.rule.id))), markdown: s.markdown },
  );
  const rules = segments.flatMap((s) => (s.kind === 'rule' ? [s.rule] : []));
  const intro = segments.find((s) => s.kind === 'text');
  return {
    path: file.path,
    slug: ctx.urls.path(href).replace(/^\/rules\//, '').replace(/\/$/, ''),
    href,
    title: file.title,
    description: truncate(
      intro ? plainText(intro.markdown.split('\n\n').find((p) => !p.startsWith('#')) ?? '') || `${file.title}: ${plural(rules.length, 'rule')}.` : `${file.title}: ${plural(rules.length, 'rule')}.`,
      180,
    ),
    appliesTo: file.appliesTo,
    priority: file.priority,
    sourceHref: ctx.settings.repoUrl ? ctx.settings.repoUrl + file.path.split('/').map(encodeURIComponent).join('/') : null,
    rules,
    segments,
    checks: file.checks.map((c) => {
      const id = checkRuleId(ctx, c);
      return { check: c.check, severity: c.severity, rule: id ? ctx.view(ruleRef(id)) : null };
    }),
  };
}

export function rulesIndex(ctx: SiteContext): RulesIndexData {
  const files = ctx.k.rules.map((f) => ({
    path: f.path,
    href: ctx.urls.rulesFile(f.path),
    title: f.title,
    description: plural(f.rules.length, 'rule'),
    appliesTo: f.appliesTo,
    rules: f.rules.map((r) => ({ id: r.id, href: ctx.urls.rule(r.id)!, label: r.label, title: inline(r.title) })),
  }));
  return { files, total: files.reduce((n, f) => n + f.rules.length, 0) };
}
