import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import type { Command } from './index.ts';
import { configFromArgs, rootFromArgs, sourceOptions } from '../sources.ts';
import { UsageError } from '../usage.ts';
import { localDate, writeEdits } from '../authoring/write.ts';
import { resolveSources } from '../../core/load.ts';
import { ADR_FORMATS, planNewAdr, type AdrFormat } from '../../core/authoring/index.ts';
import { DEFAULT_ADR_FOLDER } from '../../core/authoring/init.ts';
import { repoPath } from '../../core/fs/walk.ts';
import { compareCodePoints } from '../../core/text.ts';

/** `clock` is the only clock the command reads (tests pass a fixed one). */
export function makeNewCommand(clock: () => Date = () => new Date()): Command {
  return {
    name: 'new',
    summary: "write the next ADR, in the folder's own naming scheme and format",
    usage: 'lore new adr "Title" [root] [--supersedes N] [--format madr|nygard|log4brains] [--adrs DIR] [--config FILE]',
    help: `Writes the next Architecture Decision Record into the ADR folder below [root] (the one the
configuration names, or the one Lore discovers; --adrs DIR picks another; docs/adr when there
is none) and prints its path. The file follows the folder's own naming scheme (0001-slug.md,
001-slug.md, adr-001-slug.md, YYYYMMDD-slug.md, YYYY-MM-DD-slug.md) and the format most of its
records use (MADR front matter, Nygard's Status section, Log4brains bullets), dated today, status
proposed. An existing file is never overwritten: a number in use is skipped.

Options:
  --supersedes N   the record this one replaces (its number, or its file name): its status
                   becomes "superseded by" the new record, in its own format, and the new record
                   says which one it supersedes
  --format F       madr, nygard or log4brains, instead of the detected format`,
    options: { adrs: sourceOptions.adrs, config: sourceOptions.config, supersedes: { type: 'string' }, format: { type: 'string' } },
    async run({ values, positionals, out, cwd }) {
      const [what, title, ...rest] = positionals;
      if (what !== 'adr') throw new UsageError(what === undefined ? 'say what to create: lore new adr "Title"' : `lore new creates ADRs only: lore new adr "Title" (not ${what})`);
      if (title === undefined || title.trim() === '') throw new UsageError('give the decision a title: lore new adr "Use PostgreSQL"');
      const format = values.format as string | undefined;
      if (format !== undefined && !ADR_FORMATS.includes(format as AdrFormat)) throw new UsageError(`--format must be one of ${ADR_FORMATS.join(', ')}, not ${format}`);
      const root = rootFromArgs(rest, cwd);
      const config = await configFromArgs(values, root, cwd);
      const adrs = (values.adrs as string[] | undefined)?.map((p) => resolve(cwd, p));
      const sources = resolveSources(root, { sources: adrs ? { adrs } : {}, config });
      const folder = sources.adrs.find((a) => a.group === '')?.dir ?? sources.adrs[0]?.dir ?? join(root, DEFAULT_ADR_FOLDER);
      const plan = planNewAdr({
        folder: { dir: repoPath(root, folder), files: readFolder(folder) },
        title,
        date: localDate(clock()),
        ...(format ? { format: format as AdrFormat } : {}),
        ...(values.supersedes !== undefined ? { supersedes: values.supersedes as string } : {}),
      });
      if (!plan.ok) throw new UsageError(plan.error);
      const written = writeEdits(root, plan.edits);
      if (written.skipped.length) {
        out.error(`lore new: ${written.skipped.join(', ')} appeared while writing; nothing was overwritten. Run the command again.\n`);
        return 1;
      }
      out.write(`${shown(cwd, join(root, plan.path))}\n`);
      if (plan.superseded) out.error(`updated ${shown(cwd, join(root, plan.superseded))}: now superseded by ${basename(plan.path)}\n`);
      return 0;
    },
  };
}

export const newCommand = makeNewCommand();

/** Relative to the current folder when inside it, else absolute. */
function shown(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

/** The files directly in the folder, Markdown ones with their text. */
function readFolder(dir: string): { name: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort(compareCodePoints);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const abs = join(dir, name);
    try {
      if (!statSync(abs).isFile()) return [];
      return [{ name, text: /\.(md|markdown)$/i.test(name) ? readFileSync(abs, 'utf8') : '' }];
    } catch {
      return [];
    }
  });
}
