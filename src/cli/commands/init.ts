import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from './index.ts';
import { rootFromArgs, sourceOptions } from '../sources.ts';
import { UsageError } from '../usage.ts';
import { paint } from '../output.ts';
import { localDate, writeEdits } from '../authoring/write.ts';
import { ADR_FORMATS, CI_SNIPPET, planInit, type AdrFormat } from '../../core/authoring/index.ts';
import { discoverSources, type SourceKind } from '../../core/discover/index.ts';
import { findConfigFile } from '../../core/config/resolve.ts';
import { repoPath } from '../../core/fs/walk.ts';

/** `clock` is the only clock the command reads (tests pass a fixed one). */
export function makeInitCommand(clock: () => Date = () => new Date()): Command {
  return {
    name: 'init',
    summary: 'set Lore up in a repository: see what is there, add what is missing, print the next steps',
    usage: 'lore init [root] [--format madr|nygard|log4brains] [--adrs DIR] [--rules PATH] [--migrations PATH] [--docs DIR]',
    help: `Looks for the ADRs, rules, Alembic migrations and guide pages below [root] the way every
command does (alembic.ini, env.py folders, docs/adr, .adr-dir, .log4brains.yml, rules/,
DATABASE_RULES.md, content/docs, docs/ …) and prints what it found where.

When there is no ADR folder, it creates docs/adr (or the --adrs folder) with a template.md and a
first record, "Record architecture decisions". It writes lore.config.json only when a source
given here would not be discovered where it is. It never overwrites a file.

Options:
  --format F   format of the template and the first record: madr (default), nygard, log4brains
  --adrs DIR, --rules PATH, --migrations PATH, --docs DIR
               where those sources are, when discovery does not find them`,
    options: {
      adrs: sourceOptions.adrs,
      rules: sourceOptions.rules,
      migrations: sourceOptions.migrations,
      docs: sourceOptions.docs,
      format: { type: 'string' },
    },
    async run({ values, positionals, out, cwd }) {
      const format = values.format as string | undefined;
      if (format !== undefined && !ADR_FORMATS.includes(format as AdrFormat)) throw new UsageError(`--format must be one of ${ADR_FORMATS.join(', ')}, not ${format}`);
      const root = rootFromArgs(positionals, cwd);
      const requested: Partial<Record<SourceKind, string[]>> = {};
      for (const kind of ['adrs', 'rules', 'migrations', 'docs'] as const) {
        const list = values[kind] as string[] | undefined;
        if (!list?.length) continue;
        const rel = list.map((p) => repoPath(root, resolve(cwd, p)));
        const outside = rel.find((p) => p.startsWith('..'));
        if (outside) throw new UsageError(`--${kind} ${outside} is outside ${root}`);
        requested[kind] = rel;
      }
      const config = findConfigFile(root);
      const discovered = discoverSources(root);
      const plan = planInit({
        discovered: discovered.looked,
        requested,
        configFile: config === null ? null : repoPath(root, config),
        exists: (p) => existsSync(join(root, p)),
        date: localDate(clock()),
        ...(format ? { format: format as AdrFormat } : {}),
      });
      const written = writeEdits(root, plan.edits);

      const lines: string[] = ['Found:'];
      if (!plan.found.length) lines.push('  nothing yet');
      const width = Math.max(0, ...plan.found.map((f) => f.path.length));
      for (const f of plan.found) lines.push(`  ${f.kind.padEnd(10)} ${f.path.padEnd(width)}  ${f.reason}`.trimEnd());
      if (plan.missing.length) {
        lines.push('', 'Looked for, not found:');
        for (const m of plan.missing) {
          const absent = m.looked.filter((l) => l.reason === 'no such folder').map((l) => l.path);
          if (absent.length) lines.push(`  ${m.kind.padEnd(10)} ${absent.join(', ')}: no such folder`);
          for (const l of m.looked.filter((x) => x.reason !== 'no such folder')) lines.push(`  ${m.kind.padEnd(10)} ${l.path === '.' ? '' : `${l.path}: `}${l.reason}`);
        }
      }
      lines.push('');
      if (written.written.length) {
        lines.push('Wrote:');
        for (const p of written.written) lines.push(`  ${paint(out, 'green', p)}`);
      } else lines.push('Wrote nothing: everything Lore needs is in place.');
      if (written.skipped.length) lines.push(`Left as they are (they exist): ${written.skipped.join(', ')}`);
      if (plan.config && !plan.config.written) {
        lines.push('', `These sources are not where Lore looks by itself; add them to ${plan.config.path}:`, ...plan.config.content.trimEnd().split('\n').map((l) => `  ${l}`));
      }
      lines.push('', 'Next steps:', ...plan.nextSteps.map((s) => `  ${s}`), '', 'In CI (GitHub Actions):', ...CI_SNIPPET.split('\n').map((l) => `  ${l}`), '');
      out.write(lines.join('\n'));
      return 0;
    },
  };
}

export const init = makeInitCommand();
