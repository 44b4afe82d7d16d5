import type { Command } from './index.ts';
import { knowledgeJson } from '../../core/json.ts';
import { loadFromArgs, sourceHelp, sourceLines, sourceOptions } from '../sources.ts';

export const inspect: Command = {
  name: 'inspect',
  summary: 'print the whole knowledge model (rules, ADRs, migrations, tables, links, inputs)',
  usage: 'lore inspect [root] [--json] [source options]',
  help: `Prints what Lore read below [root]: every input file and what became of it, the rules, ADRs,
migration environments, tables, links and diagnostics. Without --json, a short summary that
starts with the sources: what was found where (and how it was recognised), and what was looked
for and not found (and why).

Options:
  --json   the whole model as JSON (stable order, repo-relative paths)

${sourceHelp}`,
  options: { ...sourceOptions, json: { type: 'boolean' } },
  async run({ values, positionals, out, cwd }) {
    const k = await loadFromArgs(values, positionals, cwd);
    if (values.json) {
      out.write(`${JSON.stringify(knowledgeJson(k), null, 2)}\n`);
      return 0;
    }
    const lines = sourceLines(k.sources, k.config.path);
    lines.push('', 'Read:');
    lines.push(`  ${k.rules.length} rules files, ${k.rules.reduce((n, f) => n + f.rules.length, 0)} rules`);
    lines.push(`  ${k.adrs.length} ADRs`);
    lines.push(`  ${k.docs.length} guide pages`);
    for (const g of k.migrations) {
      lines.push(`  migrations "${g.name}" (${g.path}): ${g.revisions.length} revisions, head${g.heads.length === 1 ? '' : 's'} ${g.heads.join(', ') || '(none)'}`);
    }
    lines.push(`  ${k.tables.length} tables, ${k.links.length} links`);
    const byOutcome = new Map<string, number>();
    for (const i of k.inputs) byOutcome.set(i.outcome, (byOutcome.get(i.outcome) ?? 0) + 1);
    lines.push('', `Inputs: ${k.inputs.length} files (${[...byOutcome].map(([o, n]) => `${n} ${o}`).join(', ')})`);
    const errors = k.diagnostics.filter((d) => d.severity === 'error').length;
    lines.push(`Diagnostics: ${k.diagnostics.length} (${errors} errors) — run 'lore check' for the list`);
    out.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
