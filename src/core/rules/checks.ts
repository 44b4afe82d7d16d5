// Audit configuration declared by a rules file: front matter `checks:` or ```lore-checks blocks.
// Check ids are not validated here (the auditor knows them); malformed entries are reported and skipped.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import type { Diagnostic, RuleCheckConfig } from '../model.ts';
import { nodeLine, parseYaml, scalarText, toPlain } from './yaml-source.ts';

const severities = new Set(['error', 'warning', 'info', 'off']);

interface Context {
  doc: Document.Parsed;
  lineOf: (offset: number) => number;
  path: string;
  diagnostics: Diagnostic[];
  /** Line given to every entry (a block's fence line), or null to use each entry's own line. */
  entryLine: number | null;
  /** Where the configuration came from, for messages. */
  where: string;
}

/** The front matter `checks:` value. */
export function readFrontMatterChecks(
  node: unknown,
  doc: Document.Parsed,
  lineOf: (offset: number) => number,
  path: string,
  diagnostics: Diagnostic[],
): RuleCheckConfig[] {
  if (isScalar(node) && (node.value === null || node.value === undefined)) return [];
  const ctx: Context = { doc, lineOf, path, diagnostics, entryLine: null, where: 'front matter `checks:`' };
  if (!isSeq(node)) {
    report(ctx, nodeLine(node, lineOf), '`checks:` must be a list of `{ check, rule, severity }` entries; it is ignored.');
    return [];
  }
  return readEntries(node.items, ctx);
}

/** A ```lore-checks fenced block; `fenceLine` is the file line of its opening fence. */
export function readChecksBlock(yaml: string, fenceLine: number, path: string, diagnostics: Diagnostic[]): RuleCheckConfig[] {
  const { doc, lineOf, errors } = parseYaml(yaml, fenceLine + 1);
  const ctx: Context = { doc, lineOf, path, diagnostics, entryLine: fenceLine, where: '`lore-checks` block' };
  if (errors.length > 0) {
    const first = errors[0]!;
    report(ctx, first.line, `The \`lore-checks\` block is not valid YAML (${first.message}); fix it — the block is ignored.`);
    return [];
  }
  let root: unknown = doc.contents;
  if (isMap(root) && root.has('checks')) root = root.get('checks', true);
  if (!isSeq(root)) {
    report(ctx, fenceLine, 'A `lore-checks` block must hold a YAML list of `{ check, rule, severity }` entries; it is ignored.');
    return [];
  }
  return readEntries(root.items, ctx);
}

function readEntries(items: unknown[], ctx: Context): RuleCheckConfig[] {
  const configs: RuleCheckConfig[] = [];
  for (const item of items) {
    const config = readEntry(item, ctx);
    if (config !== null) configs.push(config);
  }
  return configs;
}

function readEntry(item: unknown, ctx: Context): RuleCheckConfig | null {
  const line = nodeLine(item, ctx.lineOf);
  if (!isMap(item)) {
    report(ctx, line, `Each entry of the ${ctx.where} must be a mapping like \`{ check: destructive, rule: DB-011 }\`; this entry is skipped.`);
    return null;
  }
  let check: string | null = null;
  let rule: string | null = null;
  let severity: RuleCheckConfig['severity'] = null;
  const options: Record<string, unknown> = {};
  for (const pair of item.items) {
    const key = scalarText(pair.key);
    const value = pair.value;
    if (key === null) {
      report(ctx, line, `An entry of the ${ctx.where} has a key that is not text; this entry is skipped.`);
      return null;
    }
    const empty = value === null || (isScalar(value) && (value.value === null || value.value === undefined));
    if (key === 'check') {
      const text = scalarText(value)?.trim() ?? '';
      if (text === '') {
        report(ctx, line, `\`check\` must name an audit check (e.g. \`destructive\`); this entry is skipped.`);
        return null;
      }
      check = text;
    } else if (key === 'rule') {
      if (empty) continue;
      const text = scalarText(value)?.trim() ?? null;
      if (text === null || text === '') {
        report(ctx, line, '`rule` must be one rule label or id (e.g. `DB-011`); write one entry per rule. This entry is skipped.');
        return null;
      }
      rule = text;
    } else if (key === 'severity') {
      if (empty) continue;
      const text = scalarText(value)?.trim().toLowerCase() ?? '';
      if (!severities.has(text)) {
        report(ctx, line, `\`severity\` must be one of error, warning, info, off (got ${describe(value)}); this entry is skipped.`);
        return null;
      }
      severity = text as RuleCheckConfig['severity'];
    } else {
      const plain = toPlain(value, ctx.doc);
      if ('error' in plain) {
        report(ctx, line, `Option \`${key}\` cannot be read (${plain.error}); this entry is skipped.`);
        return null;
      }
      options[key] = plain.value;
    }
  }
  if (check === null) {
    report(ctx, line, `An entry of the ${ctx.where} has no \`check\` key; add one (e.g. \`check: destructive\`). This entry is skipped.`);
    return null;
  }
  return { check, rule, severity, options, line: ctx.entryLine ?? line };
}

function describe(value: unknown): string {
  const text = scalarText(value);
  return text === null ? 'a list or mapping' : `\`${text}\``;
}

function report(ctx: Context, line: number | null, message: string): void {
  ctx.diagnostics.push({ code: 'rules/bad-checks', severity: 'error', path: ctx.path, line, message });
}
