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
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const sourceHelp = `Sources (each repeatable; paths relative to the current folder):
  --adrs DIR         an ADR folder                      [default: adr]
  --rules PATH       a rules file or a folder of them   [default: rules]
  --migrations PATH  an Alembic versions folder, an alembic.ini, or a folder with one
                                                        [default: content/migrations/versions]
  --docs DIR         a folder of guide pages            [default: content/docs]
Without a source option, the defaults are looked for below [root].`;

export function loadFromArgs(values: Record<string, unknown>, positionals: string[], cwd: string): Promise<LoadedKnowledge> {
  if (positionals.length > 1) throw new UsageError(`expected at most one [root], got ${positionals.length}`);
  const root = resolve(cwd, positionals[0] ?? '.');
  if (!existsSync(root)) throw new UsageError(`root ${positionals[0]} does not exist`);
  const list = (key: string): string[] | undefined => {
    const v = values[key] as string[] | undefined;
    return v?.map((p) => resolve(cwd, p));
  };
  return loadKnowledgeParallel(root, {
    sources: { adrs: list('adrs'), rules: list('rules'), migrations: list('migrations'), docs: list('docs') },
  });
}
