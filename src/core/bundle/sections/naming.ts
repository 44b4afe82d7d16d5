// 3. Naming templates: from the `naming` audit options in the rules' `checks`, and the naming rules' own words.
import type { RuleItem } from '../../model.ts';
import type { BundleContext } from '../context.ts';
import { code, inline } from '../inline.ts';
import { compareCodePoints } from '../../text.ts';

const KINDS: { keys: string[]; label: string }[] = [
  { keys: ['table', 'tables'], label: 'Tables' },
  { keys: ['column', 'columns'], label: 'Columns' },
  { keys: ['foreign-key', 'foreign-keys', 'fk'], label: 'Foreign-key columns' },
  { keys: ['index', 'indexes'], label: 'Indexes' },
  { keys: ['unique', 'unique-constraint'], label: 'Unique constraints' },
  { keys: ['check', 'check-constraint'], label: 'Check constraints' },
  { keys: ['foreign-key-constraint', 'fk-constraint'], label: 'Foreign-key constraints' },
  { keys: ['primary-key', 'pk'], label: 'Primary keys' },
  { keys: ['constraint', 'constraints'], label: 'Constraints' },
];

const PLACEHOLDERS: Record<string, string> = {
  referent: 'parent_table',
  referent_singular: 'parent_table_singular',
  referent_table: 'parent_table',
  parent: 'parent_table',
  parent_singular: 'parent_table_singular',
};

const CONVENTIONS: Record<string, string> = {
  plural_snake_case: 'plural snake_case',
  singular_snake_case: 'singular snake_case',
  snake_case: 'snake_case',
  lower_snake_case: 'lower-case snake_case',
  camel_case: 'camelCase',
  pascal_case: 'PascalCase',
  kebab_case: 'kebab-case',
};

export interface NamingTemplate {
  kind: string;
  label: string;
  /** As shown: `ix_<table>_<column>` in code, or a convention in words. */
  template: string;
  rules: string[];
}

const normalizeKey = (key: string): string => key.trim().toLowerCase().replace(/[_\s]+/g, '-');

/** Naming templates the rules' `checks` declare for the `naming` audit, in a fixed kind order. */
export function namingTemplates(ctx: BundleContext): NamingTemplate[] {
  const found = new Map<string, NamingTemplate>();
  for (const file of ctx.rulesFiles) {
    for (const check of file.checks) {
      if (check.check !== 'naming' || check.severity === 'off') continue;
      const rule = check.rule ? ctx.rule(check.rule) : null;
      const ruleName = rule ? ctx.ruleName(rule) : check.rule;
      for (const [rawKey, value] of Object.entries(check.options)) {
        if (typeof value !== 'string' || value.trim() === '') continue;
        const key = normalizeKey(rawKey);
        const kind = KINDS.find((k) => k.keys.includes(key));
        const id = kind ? kind.keys[0]! : key;
        const existing = found.get(id);
        if (existing) {
          if (ruleName && !existing.rules.includes(ruleName)) existing.rules.push(ruleName);
          continue;
        }
        found.set(id, {
          kind: id,
          label: kind?.label ?? capitalizeWords(key),
          template: showTemplate(value.trim()),
          rules: ruleName ? [ruleName] : [],
        });
      }
    }
  }
  const order = (kind: string): number => {
    const i = KINDS.findIndex((k) => k.keys[0] === kind);
    return i < 0 ? KINDS.length : i;
  };
  return [...found.values()].sort((a, b) => order(a.kind) - order(b.kind) || compareCodePoints(a.kind, b.kind));
}

function showTemplate(value: string): string {
  if (value.includes('{')) return code(value.replace(/\{([^{}]+)\}/g, (_m, name: string) => `<${PLACEHOLDERS[name.trim()] ?? name.trim()}>`));
  const convention = CONVENTIONS[value.toLowerCase().replace(/[-\s]+/g, '_')];
  return convention ?? code(value);
}

function capitalizeWords(key: string): string {
  const words = key.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const NAMING_TITLE = /\b(?:name|names|named|naming)\b/i;

/** Rules about names that no `naming` check covers: shown as the rules word them. */
function namingRules(ctx: BundleContext, covered: Set<string>): RuleItem[] {
  return ctx.rulesFiles
    .flatMap((f) => f.rules)
    .filter((r) => !covered.has(ctx.ruleName(r)))
    .filter((r) => NAMING_TITLE.test(r.title) || r.section.some((s) => /\bnaming\b|\bnames\b/i.test(s)));
}

export function namingSection(ctx: BundleContext): string[] {
  const templates = namingTemplates(ctx);
  const covered = new Set(templates.flatMap((t) => t.rules));
  // The rules' own words only stand in when no `naming` check states the templates.
  const others = templates.length ? [] : namingRules(ctx, covered);
  if (templates.length === 0 && others.length === 0) return [];
  const lines = ['## Naming templates', ''];
  for (const t of templates) lines.push(`- ${t.label}: ${t.template}${t.rules.length ? ` (${t.rules.join(', ')})` : ''}`);
  for (const r of others) lines.push(`- ${inline(r.title)} (${ctx.ruleName(r)})`);
  lines.push('');
  return lines;
}
