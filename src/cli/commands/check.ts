import type { Command } from './index.ts';
import type { Diagnostic } from '../../core/model.ts';
import { loadFromArgs, sourceHelp, sourceOptions } from '../sources.ts';
import { paint, type Out } from '../output.ts';
import { UsageError } from '../usage.ts';

export const check: Command = {
  name: 'check',
  summary: 'report broken links, graph problems and unreadable input; exit 1 on errors',
  usage: 'lore check [root] [--format text|json] [--fail-on error|warning] [source options]',
  help: `Reads the rules, ADRs and migrations below [root] (default: the current folder) and prints every
diagnostic, grouped by file, as path:line, severity, code and what to fix.

Options:
  --format text|json     output format                        [default: text]
  --fail-on error|warning  lowest severity that makes the exit code 1 [default: error]
  --quiet                print only errors and warnings (text format)

${sourceHelp}`,
  options: { ...sourceOptions, format: { type: 'string' }, 'fail-on': { type: 'string' }, quiet: { type: 'boolean' } },
  async run({ values, positionals, out, cwd }) {
    const format = (values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not ${format}`);
    const failOn = (values['fail-on'] as string | undefined) ?? 'error';
    if (failOn !== 'error' && failOn !== 'warning') throw new UsageError(`--fail-on must be error or warning, not ${failOn}`);
    const knowledge = loadFromArgs(values, positionals, cwd);
    const diagnostics = knowledge.diagnostics;
    const failed = diagnostics.some((d) => d.severity === 'error' || (failOn === 'warning' && d.severity === 'warning'));
    if (format === 'json') {
      out.write(`${JSON.stringify({ ok: !failed, summary: summarize(diagnostics), diagnostics }, null, 2)}\n`);
    } else {
      out.write(renderText(diagnostics, out, Boolean(values.quiet)));
    }
    return failed ? 1 : 0;
  },
};

function summarize(list: Diagnostic[]): { errors: number; warnings: number; infos: number; files: number } {
  return {
    errors: list.filter((d) => d.severity === 'error').length,
    warnings: list.filter((d) => d.severity === 'warning').length,
    infos: list.filter((d) => d.severity === 'info').length,
    files: new Set(list.map((d) => d.path ?? '')).size,
  };
}

const colours = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

export function renderText(all: Diagnostic[], out: Out, quiet: boolean): string {
  const list = quiet ? all.filter((d) => d.severity !== 'info') : all;
  const lines: string[] = [];
  let current: string | null | undefined;
  for (const d of list) {
    if (d.path !== current) {
      if (current !== undefined) lines.push('');
      current = d.path;
      lines.push(paint(out, 'bold', d.path ?? '(project)'));
    }
    const where = d.path ? `${d.path}${d.line ? `:${d.line}` : ''}` : '(project)';
    lines.push(`  ${where}  ${paint(out, colours[d.severity], d.severity)}  ${paint(out, 'dim', d.code)}  ${d.message}`);
  }
  const s = summarize(all);
  if (lines.length) lines.push('');
  const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`, `${s.infos} note${s.infos === 1 ? '' : 's'}`];
  lines.push(s.errors ? paint(out, 'red', `✖ ${parts.join(', ')}`) : paint(out, 'green', `✔ ${parts.join(', ')}`));
  return `${lines.join('\n')}\n`;
}
