// `lore check` as text: findings grouped per migration, then diagnostics grouped per file.
import type { Diagnostic, Finding, MigrationGraph } from '../../core/model.ts';
import { paint, type Out } from '../output.ts';
import { summarize, summaryLine } from './summary.ts';

const colours = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

export function renderText(findings: Finding[], diagnostics: Diagnostic[], migrations: MigrationGraph[], out: Out, quiet: boolean): string {
  const lines: string[] = [];
  const shownFindings = quiet ? findings.filter((f) => f.waiver === null && f.severity !== 'info') : findings;
  const shownDiagnostics = quiet ? diagnostics.filter((d) => d.severity !== 'info') : diagnostics;

  const titles = new Map<string, string>();
  for (const g of migrations) for (const r of g.revisions) titles.set(r.path, `${r.revision}: ${r.message.split('\n')[0]}`);

  let current: string | undefined;
  for (const f of shownFindings) {
    if (f.path !== current) {
      if (current !== undefined) lines.push('');
      current = f.path;
      const title = titles.get(f.path);
      lines.push(`${paint(out, 'bold', f.path)}${title ? paint(out, 'dim', `  (${title})`) : ''}`);
    }
    const where = `${f.path}${f.line ? `:${f.line}` : ''}`;
    const severity = f.waiver ? paint(out, 'dim', f.severity) : paint(out, colours[f.severity], f.severity);
    lines.push(`  ${where}  ${severity}  ${paint(out, 'dim', f.check)}  ${f.message}`);
    if (f.waiver) lines.push(`    ${paint(out, 'green', `waived (${f.waiver.reason})`)}${paint(out, 'dim', ` by ${f.waiver.by}${f.waiver.line ? ` at line ${f.waiver.line}` : ''}`)}`);
  }

  let file: string | null | undefined;
  for (const d of shownDiagnostics) {
    if (d.path !== file) {
      if (lines.length) lines.push('');
      file = d.path;
      lines.push(paint(out, 'bold', d.path ?? '(project)'));
    }
    const where = d.path ? `${d.path}${d.line ? `:${d.line}` : ''}` : '(project)';
    lines.push(`  ${where}  ${paint(out, colours[d.severity], d.severity)}  ${paint(out, 'dim', d.code)}  ${d.message}`);
  }

  const s = summarize(findings, diagnostics);
  if (lines.length) lines.push('');
  const line = summaryLine(s);
  lines.push(s.errors ? paint(out, 'red', `✖ ${line}`) : paint(out, 'green', `✔ ${line}`));
  return `${lines.join('\n')}\n`;
}
