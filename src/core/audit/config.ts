// Audit configuration: the checks' defaults merged with what the rules files declare (`checks:` in
// front matter or a ```lore-checks block): which rule each check enforces, its severity (or 'off'),
// and options such as naming templates.
import type { Diagnostic, RuleCheckConfig, RuleFile, RuleItem, Severity } from '../model.ts';
import type { Check } from './types.ts';

export interface ConfigEntry {
  rule: RuleItem | null;
  severity: Severity | 'off' | null;
  /** Options under their canonical keys. */
  options: Record<string, unknown>;
  path: string;
  line: number | null;
}

export interface CheckConfig {
  check: Check;
  /** The rules files' entries for this check, in file order. */
  entries: ConfigEntry[];
  /** The entry that governs a finding (of an aspect), or null when none is declared. */
  entryFor(aspect?: string): ConfigEntry | null;
  /** Effective severity of a finding (of an aspect). */
  severityFor(aspect?: string): Severity | 'off';
  /** First declared value of an option (canonical key), or undefined. */
  option(key: string): unknown;
  /** False when everything the check could report is switched off. */
  enabled: boolean;
}

export interface AuditConfig {
  checks: Map<string, CheckConfig>;
  diagnostics: Diagnostic[];
}

export function resolveConfig(rules: RuleFile[], checks: Check[]): AuditConfig {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(checks.map((c) => [c.id, c]));
  const entries = new Map<string, ConfigEntry[]>(checks.map((c) => [c.id, []]));
  const findRule = ruleFinder(rules);

  for (const file of rules) {
    for (const declared of file.checks) {
      const check = byId.get(declared.check.trim().toLowerCase());
      if (!check) {
        diagnostics.push({
          code: 'audit/unknown-check',
          severity: 'error',
          path: file.path,
          line: declared.line,
          message: `\`checks:\` names \`${declared.check}\`, which is not an audit check, so no check enforces this entry; use one of ${checks.map((c) => c.id).join(', ')}.`,
        });
        continue;
      }
      entries.get(check.id)!.push(readEntry(declared, check, file, findRule, diagnostics));
    }
  }

  const configs = new Map<string, CheckConfig>();
  for (const check of checks) configs.set(check.id, makeConfig(check, entries.get(check.id)!));
  return { checks: configs, diagnostics };
}

function readEntry(
  declared: RuleCheckConfig,
  check: Check,
  file: RuleFile,
  findRule: (text: string, file: RuleFile) => RuleItem | null,
  diagnostics: Diagnostic[],
): ConfigEntry {
  let rule: RuleItem | null = null;
  if (declared.rule !== null) {
    rule = findRule(declared.rule, file);
    if (rule === null) {
      diagnostics.push({
        code: 'audit/unknown-rule',
        severity: 'warning',
        path: file.path,
        line: declared.line,
        message: `\`checks:\` says \`${check.id}\` enforces ${declared.rule}, but no rules file defines that rule; fix the label (its findings name no rule until then).`,
      });
    }
  }
  const options: Record<string, unknown> = {};
  const known = check.options ?? {};
  for (const [key, value] of Object.entries(declared.options)) {
    const canonical = known[key.trim().toLowerCase().replace(/_/g, '-')];
    if (canonical === undefined) {
      const list = Object.keys(known);
      diagnostics.push({
        code: 'audit/unknown-option',
        severity: 'warning',
        path: file.path,
        line: declared.line,
        message: `\`${check.id}\` has no option \`${key}\`; it is ignored. ${list.length ? `Its options are ${list.join(', ')}.` : 'This check takes no options.'}`,
      });
      continue;
    }
    const problem = check.validate?.(canonical, value) ?? null;
    if (problem !== null) {
      diagnostics.push({
        code: 'audit/bad-option',
        severity: 'warning',
        path: file.path,
        line: declared.line,
        message: `\`${check.id}\` option \`${key}\`: ${problem}; this part of the check is off until it is fixed.`,
      });
      // Keep the key (switched off) so the entry still names the rule of this part.
      if (check.aspects?.includes(canonical) && !(canonical in options)) options[canonical] = false;
      continue;
    }
    if (!(canonical in options)) options[canonical] = value;
  }
  return { rule, severity: declared.severity, options, path: file.path, line: declared.line };
}

function makeConfig(check: Check, entries: ConfigEntry[]): CheckConfig {
  const aspects = new Set(check.aspects ?? []);
  const generic = entries.find((e) => !Object.keys(e.options).some((k) => aspects.has(k))) ?? null;
  const entryFor = (aspect?: string): ConfigEntry | null => {
    if (aspect !== undefined) {
      const own = entries.find((e) => aspect in e.options);
      if (own) return own;
    }
    return generic;
  };
  const severityFor = (aspect?: string): Severity | 'off' => entryFor(aspect)?.severity ?? check.severity;
  const option = (key: string): unknown => {
    for (const e of entries) if (key in e.options) return e.options[key];
    return undefined;
  };
  const parts = [undefined, ...aspects];
  return { check, entries, entryFor, severityFor, option, enabled: parts.some((a) => severityFor(a) !== 'off') };
}

/** Resolves `DB-011` / `db-011` / `rule:db-011`: the same file first, then every rules file. */
function ruleFinder(rules: RuleFile[]): (text: string, file: RuleFile) => RuleItem | null {
  const index = new Map<string, RuleItem>();
  for (const file of rules) {
    for (const item of file.rules) {
      for (const k of [item.id, item.label?.toLowerCase()]) if (k && !index.has(k)) index.set(k, item);
    }
  }
  return (text, file) => {
    const wanted = text.trim().toLowerCase().replace(/^rule:/, '');
    return file.rules.find((r) => r.id === wanted || r.label?.toLowerCase() === wanted) ?? index.get(wanted) ?? null;
  };
}

/** `DB-013 (Indexes on existing tables are created CONCURRENTLY)` for messages. */
export function ruleName(rule: RuleItem): string {
  return `${rule.label ?? rule.id} (${rule.title})`;
}
