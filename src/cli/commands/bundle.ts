import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from './index.ts';
import { loadFromArgs, sourceHelp, sourceOptions } from '../sources.ts';
import { UsageError } from '../usage.ts';
import { paint } from '../output.ts';
import { applyBundle, isGenerated, ManagedBlockError, renderBundle, unifiedDiff, type BundleOptionsInput } from '../../core/bundle/index.ts';
import { normalizeNewlines } from '../../core/text.ts';

export const bundle: Command = {
  name: 'bundle',
  summary: 'write CLAUDE.md, AGENTS.md and a migrations-scoped CLAUDE.md for coding agents (or --check them)',
  usage: 'lore bundle [root] [--check] [--stdout] [--site-url URL] [source options]',
  help: `Renders the agent bundle from the rules, ADRs and migrations below [root]: CLAUDE.md and
AGENTS.md at the root (the rules, how schema changes are made, naming templates, settled
decisions, the migration state, where to read more), and a CLAUDE.md next to each migrations
folder with the migration rules in full. Root files are kept under 200 lines and 32 KiB by
shortening older migrations and decision summaries first; rules are never dropped.

The bundle options (outputs, budget, commands, recentMigrations, siteUrl) come from the
\`bundle\` key of lore.config.json / lore.config.mjs.

A file that starts with Lore's header is replaced whole. A hand-written CLAUDE.md or AGENTS.md
is kept: only the block between <!-- lore:begin --> and <!-- lore:end --> is Lore's (it is
appended when missing), and every byte outside it stays as it is.

Options:
  --check         write nothing; exit 1 and print a unified diff when a file is stale or missing
  --stdout        print the root CLAUDE.md to stdout instead of writing files
  --site-url URL  link the published site (and its llms.txt) from the bundle

Exit codes: 0 written (or fresh with --check), 1 stale with --check, 2 usage error or broken
managed-block markers.

${sourceHelp}`,
  options: { ...sourceOptions, check: { type: 'boolean' }, stdout: { type: 'boolean' }, 'site-url': { type: 'string' } },
  async run({ values, positionals, out, cwd }) {
    if (values.check && values.stdout) throw new UsageError('--check and --stdout cannot be combined');
    const k = await loadFromArgs(values, positionals, cwd);
    // The configuration's `bundle` options (siteUrl defaults to `site.url`); --site-url wins.
    const input: BundleOptionsInput = { ...k.config.bundle };
    if (typeof values['site-url'] === 'string') input.siteUrl = values['site-url'];
    const result = renderBundle(k, input);

    if (values.stdout) {
      const root = result.files.find((f) => f.path === 'CLAUDE.md') ?? result.files[0];
      if (root) out.write(root.content);
      return 0;
    }

    for (const r of result.reports) {
      if (r.overBudget) {
        const b = result.options.budget;
        out.error(
          `lore bundle: ${r.path} is over the budget (${r.lines} lines, ${r.bytes} bytes; budget ${b.maxLines} lines, ${b.maxBytes} bytes) even with every optional part trimmed: the rules alone need that much. Shorten or split the rules files.\n`,
        );
      }
    }

    let stale = 0;
    const planned: { path: string; abs: string; existing: string | null; next: string }[] = [];
    for (const f of result.files) {
      const abs = join(k.root, f.path);
      const existing = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
      let next: string;
      try {
        next = applyBundle(existing, f.content);
      } catch (err) {
        if (err instanceof ManagedBlockError) {
          out.error(`lore bundle: ${f.path}: ${err.message}\n`);
          return 2;
        }
        throw err;
      }
      planned.push({ path: f.path, abs, existing, next });
    }

    if (values.check) {
      for (const p of planned) {
        // Line endings do not make a bundle stale (git may check files out with CRLF).
        if (p.existing !== null && normalizeNewlines(p.existing) === normalizeNewlines(p.next)) continue;
        stale++;
        const diff = unifiedDiff(p.existing === null ? null : normalizeNewlines(p.existing), normalizeNewlines(p.next), `a/${p.path}`, `b/${p.path}`);
        out.write(colorDiff(out, diff));
      }
      if (stale) {
        out.write(`\n${paint(out, 'red', '✖')} ${stale} of ${planned.length} bundle file${planned.length === 1 ? '' : 's'} ${stale === 1 ? 'is' : 'are'} stale or missing: run \`lore bundle\` and commit the result.\n`);
        return 1;
      }
      out.write(`${paint(out, 'green', '✔')} bundle is up to date (${planned.map((p) => p.path).join(', ')})\n`);
      return 0;
    }

    for (const p of planned) {
      const report = result.reports.find((r) => r.path === p.path);
      const size = report ? ` (${report.lines} lines, ${(report.bytes / 1024).toFixed(1)} KiB${report.trimmed.length ? `; shortened: ${report.trimmed.join(', ')}` : ''})` : '';
      if (p.existing === p.next) {
        out.write(`unchanged ${p.path}${size}\n`);
        continue;
      }
      mkdirSync(dirname(p.abs), { recursive: true });
      writeFileSync(p.abs, p.next);
      const how = p.existing !== null && !isGenerated(p.existing) ? 'updated the lore block in' : 'wrote';
      out.write(`${how} ${p.path}${size}\n`);
    }
    return 0;
  },
};

function colorDiff(out: Parameters<typeof paint>[0], diff: string): string {
  if (!out.color) return diff;
  return diff
    .split('\n')
    .map((l) => (l.startsWith('+') && !l.startsWith('+++') ? paint(out, 'green', l) : l.startsWith('-') && !l.startsWith('---') ? paint(out, 'red', l) : l.startsWith('@@') ? paint(out, 'cyan', l) : l))
    .join('\n');
}
