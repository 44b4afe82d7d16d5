// The source options every knowledge command shares: [root], --config, --adrs/--rules/--migrations/--docs, --constant.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { defaultCacheDir, FileParseCache } from '../core/parse-cache.ts';
import { loadKnowledgeParallel, type LoadedKnowledge, type SourceState } from '../core/load.ts';
import { formatConfigProblems, resolveConfig, type ResolvedConfig } from '../core/config/resolve.ts';
import { UsageError } from './usage.ts';

export const sourceOptions = {
  adrs: { type: 'string', multiple: true },
  rules: { type: 'string', multiple: true },
  migrations: { type: 'string', multiple: true },
  docs: { type: 'string', multiple: true },
  constant: { type: 'string', multiple: true },
  config: { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const sourceHelp = `Sources (each repeatable; paths relative to the current folder):
  --adrs DIR         an ADR folder
  --rules PATH       a rules file or a folder of them
  --migrations PATH  an Alembic versions folder, an alembic.ini, or a folder with one
  --docs DIR         a folder of guide pages
  --constant EXPR=VALUE
                     the value of a non-literal expression in a migration's revision
                     variables, e.g. --constant settings.CORE_BRANCH=core (None for None;
                     a,b for a tuple)
  --config FILE      read this configuration file instead of [root]/lore.config.mjs or
                     [root]/lore.config.json
  --no-cache         parse every file again; by default what was parsed from migrations,
                     ADRs and rules files is kept in [root]/.lore-cache/ (or
                     $LORE_CACHE_DIR), keyed by file content
A kind given here replaces the configuration's; a kind given nowhere is discovered below
[root] (alembic.ini, env.py folders, docs/adr, .adr-dir, .log4brains.yml, rules/,
DATABASE_RULES.md, content/docs, docs/ …). 'lore inspect' shows what was found where.`;

/** `settings.CORE_BRANCH=core` → ['settings.CORE_BRANCH', 'core']; `X=None` → null; `X=a,b` → ['a', 'b']. */
export function parseConstants(items: string[] | undefined): Record<string, string | string[] | null> | undefined {
  if (!items?.length) return undefined;
  const out: Record<string, string | string[] | null> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--constant takes EXPR=VALUE, not ${item}`);
    const value = item.slice(eq + 1).trim();
    out[item.slice(0, eq).trim()] = value === 'None' ? null : value.includes(',') ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;
  }
  return out;
}

/** [root] as an absolute folder that exists. */
export function rootFromArgs(positionals: string[], cwd: string): string {
  if (positionals.length > 1) throw new UsageError(`expected at most one [root], got ${positionals.length}`);
  const root = resolve(cwd, positionals[0] ?? '.');
  if (!existsSync(root)) throw new UsageError(`root ${positionals[0]} does not exist`);
  return root;
}

/** The configuration of [root] (or --config FILE); a broken one is a usage error (exit 2) naming the bad keys. */
export async function configFromArgs(values: Record<string, unknown>, root: string, cwd: string): Promise<ResolvedConfig> {
  const given = values.config as string | undefined;
  const config = await resolveConfig(root, given === undefined ? {} : { configPath: resolve(cwd, given) });
  const problems = formatConfigProblems(config.diagnostics);
  if (problems) throw new UsageError(`the configuration cannot be used:\n${problems}`);
  return config;
}

export async function loadFromArgs(values: Record<string, unknown>, positionals: string[], cwd: string): Promise<LoadedKnowledge> {
  const root = rootFromArgs(positionals, cwd);
  const config = await configFromArgs(values, root, cwd);
  const list = (key: string): string[] | undefined => {
    const v = values[key] as string[] | undefined;
    return v?.map((p) => resolve(cwd, p));
  };
  const constants = parseConstants(values.constant as string[] | undefined);
  const cache = values['no-cache'] ? null : new FileParseCache(defaultCacheDir(root));
  const knowledge = await loadKnowledgeParallel(root, {
    sources: { adrs: list('adrs'), rules: list('rules'), migrations: list('migrations'), docs: list('docs') },
    ...(constants ? { constants } : {}),
    config,
    cache,
  });
  // A cache that cannot be written (read-only checkout) only costs time on the next run.
  cache?.save();
  return knowledge;
}

/**
 * What was read from where, and what was looked for and not found: one line per source found,
 * then per kind the places looked at without success (a kind with nothing found lists them all).
 */
export function sourceLines(sources: SourceState[], configPath: string | null): string[] {
  const lines: string[] = [configPath ? `Sources (configuration: ${configPath}):` : 'Sources:'];
  const kinds = ['adrs', 'rules', 'migrations', 'docs'] as const;
  const width = Math.max(...sources.filter((s) => s.found).map((s) => s.path.length), 10);
  for (const kind of kinds) {
    for (const s of sources.filter((x) => x.kind === kind && x.found)) {
      lines.push(`  found      ${kind.padEnd(10)} ${s.path.padEnd(width)}  ${s.reason}`);
    }
  }
  for (const kind of kinds) {
    const all = sources.filter((x) => x.kind === kind);
    const missing = all.filter((x) => !x.found);
    if (!missing.length) continue;
    const nothing = all.every((x) => !x.found);
    // Plain absent folders only matter when nothing of the kind was found.
    const told = missing.filter((x) => x.explicit || x.reason !== 'no such folder');
    for (const s of told) lines.push(`  not found  ${kind.padEnd(10)} ${s.path.padEnd(width)}  ${s.reason}`);
    const absent = missing.filter((x) => !told.includes(x));
    if (nothing && absent.length) lines.push(`  not found  ${kind.padEnd(10)} looked for ${absent.map((x) => x.path).join(', ')}`);
    if (nothing && !missing.some((x) => x.explicit)) lines.push(`  ${''.padEnd(9)}  ${''.padEnd(10)} (name the folder with --${kind} or sources.${kind} in lore.config.json)`);
  }
  return lines;
}
