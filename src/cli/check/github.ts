// `lore check --format github`: GitHub Actions workflow commands, one annotation per unwaived
// finding and per diagnostic (waived findings are left out: they are allowed).
import type { Diagnostic, Finding, Severity } from '../../core/model.ts';
import { summarize, summaryLine } from './summary.ts';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (also `:` and `,`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(severity: Severity, path: string | null, line: number | null, title: string, message: string): string {
  const props: string[] = [];
  if (path) props.push(`file=${escapeProperty(path)}`);
  if (path && line) props.push(`line=${line}`);
  props.push(`title=${escapeProperty(title)}`);
  return `::${commands[severity]} ${props.join(',')}::${escapeData(message)}`;
}

export function renderGithub(findings: Finding[], diagnostics: Diagnostic[], ruleLabel: (id: string) => string | null): string {
  const lines: string[] = [];
  for (const f of findings) {
    if (f.waiver) continue;
    const label = f.rule ? ruleLabel(f.rule) : null;
    lines.push(annotation(f.severity, f.path, f.line, `lore ${f.check}${label ? ` (${label})` : ''}`, f.message));
  }
  for (const d of diagnostics) lines.push(annotation(d.severity, d.path, d.line, `lore ${d.code}`, d.message));
  lines.push(`lore check: ${summaryLine(summarize(findings, diagnostics))}`);
  return `${lines.join('\n')}\n`;
}
