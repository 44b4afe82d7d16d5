import { readFileSync } from 'node:fs';
import type { Command } from './index.ts';
import { resolve } from 'node:path';
import { loadFromArgs, rootFromArgs, sourceHelp, sourceLines, sourceOptions } from '../sources.ts';
import { changedMigrations } from '../../core/changes.ts';
import { sortDiagnostics } from '../../core/load.ts';
import { UsageError } from '../usage.ts';
import { failed, summarize } from '../check/summary.ts';
import { renderText } from '../check/text.ts';
import { renderGithub } from '../check/github.ts';
import { toSarif, type ToolInfo } from '../check/sarif.ts';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export const check: Command = {
  name: 'check',
  summary: 'audit the migrations against the rules and report unreadable input; exit 1 on errors',
  usage: 'lore check [root] [--format text|json|sarif|github] [--fail-on error|warning] [source options]',
  help: `Reads the rules, ADRs and migrations below [root] (default: the current folder), audits every
migration against the checks the rules files declare, and prints the findings grouped per
migration (path:line, severity, check id, the rule it enforces and what to do instead) and every
diagnostic, grouped by file. Waived findings are shown with their reason and do not fail.

Options:
  --format text|json|sarif|github  output format                        [default: text]
                         json:   { ok, summary, diagnostics, findings }
                         sarif:  SARIF 2.1.0, for GitHub code scanning
                         github: GitHub Actions annotations (::error file=…,line=…::…)
  --fail-on error|warning  lowest severity that makes the exit code 1 [default: error]
  --quiet                print only unwaived errors and warnings (text format)
  --changed-since REF    audit only the migrations added or modified since the git ref REF
                         (e.g. origin/main), and report every edit to a migration that
                         already existed at REF: an applied migration must never be edited

Exit codes: 0 no unwaived error, 1 an unwaived error finding or an error diagnostic, 2 usage error.

${sourceHelp}`,
  options: { ...sourceOptions, format: { type: 'string' }, 'fail-on': { type: 'string' }, quiet: { type: 'boolean' }, 'changed-since': { type: 'string' } },
  async run({ values, positionals, out, cwd }) {
    const format = ((values.format as string | undefined) ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${format}`);
    const failOn = (values['fail-on'] as string | undefined) ?? 'error';
    if (failOn !== 'error' && failOn !== 'warning') throw new UsageError(`--fail-on must be error or warning, not ${failOn}`);
    const knowledge = await loadFromArgs(values, positionals, cwd);
    let { findings, diagnostics } = knowledge;
    const since = values['changed-since'] as string | undefined;
    if (since !== undefined) {
      const root = rootFromArgs(positionals, cwd);
      const migrations = (values.migrations as string[] | undefined)?.map((p) => resolve(cwd, p));
      const changed = changedMigrations(root, since, { config: knowledge.config, ...(migrations ? { sources: { migrations } } : {}) });
      const audited = new Set([...changed.added, ...changed.modified]);
      findings = findings.filter((f) => audited.has(f.path));
      diagnostics = sortDiagnostics([...diagnostics, ...changed.diagnostics]);
    }
    const fail = failed(findings, diagnostics, failOn);

    if (format === 'json') {
      out.write(`${JSON.stringify({ ok: !fail, summary: summarize(findings, diagnostics), diagnostics, findings }, null, 2)}\n`);
    } else if (format === 'sarif') {
      out.write(`${JSON.stringify(toSarif(findings, diagnostics, knowledge.rules, toolInfo()), null, 2)}\n`);
    } else if (format === 'github') {
      const labels = new Map<string, string>();
      for (const file of knowledge.rules) for (const r of file.rules) labels.set(r.id, r.label ?? r.id);
      out.write(renderGithub(findings, diagnostics, (id) => labels.get(id) ?? null));
    } else {
      if (!values.quiet) out.write(`${sourceLines(knowledge.sources, knowledge.config.path).join('\n')}\n\n`);
      out.write(renderText(findings, diagnostics, knowledge.migrations, out, Boolean(values.quiet)));
    }
    return fail ? 1 : 0;
  },
};

function toolInfo(): ToolInfo {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
    homepage?: string;
    repository?: string | { url?: string };
  };
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const informationUri = pkg.homepage ?? repository?.replace(/^git\+/, '').replace(/\.git$/, '') ?? `https://www.npmjs.com/package/${pkg.name}`;
  return { name: 'lore', version: pkg.version, informationUri };
}
