// The auditor: runs every check over every migration (upgrade order, one table catalog per
// environment), applies the rules files' configuration and the waivers, and returns findings in a
// stable order (path, line, check).
import type { Adr, Diagnostic, Finding, Knowledge, Link, Operation, Revision, RuleCheckConfig, RuleFile } from '../model.ts';
import { upgradeOrder } from '../tables.ts';
import { compareCodePoints } from '../text.ts';
import { downgradeScope, newCatalog, upgradeScope, type Scope } from './catalog.ts';
import { resolveConfig, ruleName, type CheckConfig } from './config.ts';
import type { Check, Emit, OperationContext, Phase, RawFinding } from './types.ts';
import { readWaivers, type AcceptingAdr, type MigrationWaivers } from './waivers.ts';
import { constraintValidate } from './checks/constraint-validate.ts';
import { destructive } from './checks/destructive.ts';
import { downgrade } from './checks/downgrade.ts';
import { graph } from './checks/graph.ts';
import { indexLock } from './checks/index-lock.ts';
import { naiveDatetime } from './checks/naive-datetime.ts';
import { naming } from './checks/naming.ts';
import { notNullWithoutDefault } from './checks/not-null-without-default.ts';
import { rawSql } from './checks/raw-sql.ts';
import { rename } from './checks/rename.ts';
import { setNotNull } from './checks/set-not-null.ts';
import { typeChange } from './checks/type-change.ts';
import { waiverWithoutReason } from './checks/waiver-without-reason.ts';

export type { Check } from './types.ts';
export { isGraphProblem } from './checks/graph.ts';

/** Every check, in the order they are documented. */
export const checks: readonly Check[] = [
  destructive,
  downgrade,
  notNullWithoutDefault,
  rename,
  typeChange,
  setNotNull,
  indexLock,
  constraintValidate,
  rawSql,
  naiveDatetime,
  naming,
  graph,
  waiverWithoutReason,
];

/** What the auditor reads. */
export type AuditInput = Pick<Knowledge, 'rules' | 'adrs' | 'migrations' | 'links'>;

export interface AuditResult {
  findings: Finding[];
  /** Configuration and waiver problems (`audit/unknown-check`, `audit/unknown-rule`, …). */
  diagnostics: Diagnostic[];
}

/** Findings only (configuration problems are in `audit(k).diagnostics`). */
export function auditKnowledge(k: AuditInput): Finding[] {
  return audit(k).findings;
}

/** `fromConfig`: `audit.checks` of a Lore config file, read like a rules file's `checks:` (and after them). */
export function audit(k: AuditInput, fromConfig?: { path: string; checks: RuleCheckConfig[] }): AuditResult {
  const configFile: RuleFile[] = fromConfig
    ? [{ path: fromConfig.path, title: 'Lore configuration', appliesTo: [], priority: null, checks: fromConfig.checks, rules: [], body: '', bodyLine: 1 }]
    : [];
  const config = resolveConfig([...k.rules, ...configFile], [...checks]);
  const diagnostics = [...config.diagnostics];
  const findings: Finding[] = [];
  const waivable = new Set(checks.filter((c) => c !== waiverWithoutReason).map((c) => c.id));
  const acceptingAdrs = adrIndex(k.adrs, k.links);
  const active = checks.filter((c) => config.checks.get(c.id)!.enabled);
  const reasonlessConfig = config.checks.get(waiverWithoutReason.id)!;

  for (const g of k.migrations) {
    const catalog = newCatalog();
    const byPhase: Record<Phase, Check[]> = {
      upgrade: active.filter((c) => c.operation && c.phases.includes('upgrade')),
      downgrade: active.filter((c) => c.operation && c.phases.includes('downgrade')),
    };
    const revisionChecks = active.filter((c) => c.revision);

    // The revision being audited, shared with the emit functions below.
    let rev: Revision | null = null;
    let waivers: MigrationWaivers = { find: () => null };
    let currentOp: Operation | null = null;
    let currentPhase: Phase = 'upgrade';
    const emitters = new Map<string, Emit>();
    for (const c of active) {
      const cfg = config.checks.get(c.id)!;
      emitters.set(c.id, (raw) => {
        if (rev === null) return;
        const helper = currentOp?.via ? ` (in ${currentOp.via}(), called from ${currentPhase}())` : '';
        const finding = makeFinding(c, cfg, raw, g.name, rev, rev.path, helper);
        if (finding === null) return;
        finding.waiver = waivers.find(c.id, raw.line, raw.callLine);
        findings.push(finding);
      });
    }

    const runPhase = (phase: Phase, ops: Operation[], scope: Scope): void => {
      const list = byPhase[phase];
      currentPhase = phase;
      if (list.length === 0) {
        for (const op of ops) scope.apply(op);
        return;
      }
      const ctxByCheck = list.map((c) => ({ check: c, emit: emitters.get(c.id)!, ctx: context(g.name, rev!, phase, scope, config.checks.get(c.id)!) }));
      for (const op of ops) {
        currentOp = op;
        for (const { check, emit, ctx } of ctxByCheck) check.operation!(op, ctx, emit);
        scope.apply(op);
      }
      currentOp = null;
    };

    for (const r of upgradeOrder(g)) {
      rev = r;
      const read = readWaivers(r, waivable, acceptingAdrs(g.name, r));
      waivers = read.waivers;
      diagnostics.push(...read.diagnostics);
      for (const w of read.reasonless) {
        const f = makeFinding(waiverWithoutReason, reasonlessConfig, { line: w.line, callLine: null, message: `"${w.text}" gives no reason, so it waives nothing; write why the finding is acceptable after the closing bracket.` }, g.name, r, r.path, '');
        if (f) findings.push(f);
      }
      runPhase('upgrade', r.upgrade, upgradeScope(catalog, r.revision));
      runPhase('downgrade', r.downgrade, downgradeScope(catalog, r.revision));
      for (const c of revisionChecks) {
        const cfg = config.checks.get(c.id)!;
        c.revision!(r, { environment: g.name, option: (key) => cfg.option(key) }, emitters.get(c.id)!);
      }
    }

    rev = null;
    for (const c of active) {
      if (!c.graph) continue;
      const cfg = config.checks.get(c.id)!;
      c.graph(g, (revision, raw) => {
        const f = makeFinding(c, cfg, raw, g.name, revision, raw.path ?? revision?.path ?? g.path, '');
        if (f === null) return;
        if (revision) f.waiver = readWaivers(revision, waivable, acceptingAdrs(g.name, revision)).waivers.find(c.id, raw.line, raw.callLine);
        findings.push(f);
      });
    }
  }

  return { findings: sortFindings(findings), diagnostics };
}

function context(environment: string, revision: Revision, phase: Phase, scope: Scope, cfg: CheckConfig): OperationContext {
  return { environment, revision, phase, scope, option: (key) => cfg.option(key) };
}

function makeFinding(check: Check, cfg: CheckConfig, raw: RawFinding, environment: string, revision: Revision | null, path: string, suffix: string): Finding | null {
  const configured = cfg.severityFor(raw.aspect);
  if (configured === 'off') return null;
  const rule = cfg.entryFor(raw.aspect)?.rule ?? null;
  const message = `${rule ? `${ruleName(rule)}: ` : ''}${raw.message}${suffix}`;
  return {
    check: check.id,
    severity: raw.severity ?? configured,
    rule: rule?.id ?? null,
    environment,
    revision: revision?.revision ?? null,
    path,
    line: raw.line,
    message,
    waiver: null,
  };
}

const DECISIONS = /decisions?:/i;
const DECISIONS_LINE = /^\s*Decisions?:\s*(.*)$/i;

/** ADRs a migration cites (`implements` links, `Decisions:` trailer) that accept some check. */
function adrIndex(adrs: Adr[], links: Link[]): (environment: string, rev: Revision) => AcceptingAdr[] {
  const accepting = new Map<string, Adr>();
  const byNumber = new Map<number, Adr>();
  for (const adr of adrs) {
    if (adr.accepts.length === 0 || adr.status === 'rejected' || adr.status === 'proposed' || adr.status === 'draft') continue;
    accepting.set(`adr:${adr.id}`, adr);
    if (adr.number !== null && adr.group === '' && !byNumber.has(adr.number)) byNumber.set(adr.number, adr);
  }
  if (accepting.size === 0) return () => [];
  const cited = new Map<string, Link[]>();
  for (const l of links) {
    if (l.kind !== 'implements' || !accepting.has(l.to)) continue;
    const list = cited.get(l.from);
    if (list) list.push(l);
    else cited.set(l.from, [l]);
  }
  return (environment, rev) => {
    const out: AcceptingAdr[] = [];
    const seen = new Set<string>();
    for (const l of cited.get(`migration:${environment}/${rev.revision}`) ?? []) {
      if (seen.has(l.to)) continue;
      seen.add(l.to);
      out.push({ adr: accepting.get(l.to)!, ref: l.to, line: l.source.path === rev.path ? l.source.line : null });
    }
    if (rev.docLine !== null && DECISIONS.test(rev.longdoc)) {
      rev.longdoc.split('\n').forEach((text, i) => {
        const m = DECISIONS_LINE.exec(text);
        if (!m) return;
        for (const n of m[1]!.matchAll(/\bADR[-_ ]?(\d{1,6})\b/gi)) {
          const adr = byNumber.get(Number(n[1]));
          const ref = adr ? `adr:${adr.id}` : null;
          if (!adr || !ref || seen.has(ref)) continue;
          seen.add(ref);
          out.push({ adr, ref, line: rev.docLine! + i });
        }
      });
    }
    return out;
  };
}

export function sortFindings(list: Finding[]): Finding[] {
  // Group by path first: few path comparisons, then small groups sorted by line, check, message.
  const groups = new Map<string, Finding[]>();
  for (const f of list) {
    const g = groups.get(f.path);
    if (g) g.push(f);
    else groups.set(f.path, [f]);
  }
  const out: Finding[] = [];
  for (const path of [...groups.keys()].sort(compareCodePoints)) {
    const g = groups.get(path)!;
    g.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || compareCodePoints(a.check, b.check) || compareCodePoints(a.message, b.message));
    out.push(...g);
  }
  return out;
}

export function checkById(id: string): Check | undefined {
  return checks.find((c) => c.id === id);
}
