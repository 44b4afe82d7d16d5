// The source options every knowledge command shares: [root] plus --adrs/--rules/--migrations/--docs.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { loadKnowledgeParallel, type LoadedKnowledge } from '../core/load.ts';
import { UsageError } from './usage.ts';

export const sourceOptions = {
  adrs: { type: 'string', multiple: true },
  rules: { type: 'string', multiple: true },
  migrations: { type: 'string', multiple: true },
  docs: { type: 'string', multiple: true },
  constant: { type: 'string', multiple: true },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const sourceHelp = `Sources (each repeatable; paths relative to the current folder):
  --adrs DIR         an ADR folder                      [default: adr]
  --rules PATH       a rules file or a folder of them   [default: rules]
  --migrations PATH  an Alembic versions folder, an alembic.ini, or a folder with one
                                                        [default: content/migrations/versions]
  --docs DIR         a folder of guide pages            [default: content/docs]
  --constant EXPR=VALUE
                     the value of a non-literal expression in a migration's revision
                     variables, e.g. --constant settings.CORE_BRANCH=core (None for None;
                     a,b for a tuple)
Without a source option, the defaults are looked for below [root].`;

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

export function loadFromArgs(values: Record<string, unknown>, positionals: string[], cwd: string): Promise<LoadedKnowledge> {
  if (positionals.length > 1) throw new UsageError(`expected at most one [root], got ${positionals.length}`);
  const root = resolve(cwd, positionals[0] ?? '.');
  if (!existsSync(root)) throw new UsageError(`root ${positionals[0]} does not exist`);
  const list = (key: string): string[] | undefined => {
    const v = values[key] as string[] | undefined;
    return v?.map((p) => resolve(cwd, p));
  };
  const constants = parseConstants(values.constant as string[] | undefined);
  return loadKnowledgeParallel(root, {
    sources: { adrs: list('adrs'), rules: list('rules'), migrations: list('migrations'), docs: list('docs') },
    ...(constants ? { constants } : {}),
  });
}
