// 1. Rules that must not be broken: every rule, one line each, never trimmed.
import type { BundleContext } from '../context.ts';
import { clampInline, code, inline } from '../inline.ts';

/** Longer rule titles are cut, with the place of the full text. */
const RULE_MAX = 160;

export function rulesSection(ctx: BundleContext): string[] {
  const lines = ['## Rules that must not be broken', ''];
  const files = ctx.rulesFiles.filter((f) => f.rules.length > 0);
  if (files.length === 0) {
    lines.push('No rules files were found, so there are no written rules to follow yet.', '');
    return lines;
  }
  const example = code(`Rules: ${ctx.ruleName(files[0]!.rules[0]!)}`);
  lines.push(
    `Follow every rule below. Cite a rule by its id (${example} in a migration docstring, or in a review); the file named above each list has the full text, the reasons and examples.`,
    '',
  );
  for (const file of files) {
    lines.push(`### ${inline(file.title)} (${code(file.path)})`, '');
    for (const rule of file.rules) lines.push(`- ${ruleLine(rule, file.path)}`);
    lines.push('');
  }
  return lines;
}

export function ruleLine(rule: { id: string; label: string | null; title: string; line: number }, path: string): string {
  const title = inline(rule.title);
  const short = clampInline(title, RULE_MAX);
  const where = short === title ? '' : ` (full text: ${code(path)} line ${rule.line})`;
  return `${rule.label ?? rule.id}: ${short}${where}`;
}
