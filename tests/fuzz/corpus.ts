// The seed files the mutation fuzzer starts from: the conformance fixtures and the demo's sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../..', import.meta.url));

export interface Seed {
  /** Repo-relative path. */
  path: string;
  bytes: Uint8Array;
}

function collect(dir: string, ext: string): Seed[] {
  const out: Seed[] = [];
  const visit = (abs: string): void => {
    for (const name of readdirSync(abs).sort()) {
      const child = join(abs, name);
      if (statSync(child).isDirectory()) visit(child);
      else if (name.endsWith(ext)) out.push({ path: relative(repo, child).split('\\').join('/'), bytes: readFileSync(child) });
    }
  };
  visit(join(repo, dir));
  return out;
}

export const markdownSeeds: Seed[] = [
  ...collect('tests/core/adr/conformance', '.md'),
  ...collect('adr', '.md'),
  ...collect('rules', '.md'),
  ...collect('content/docs', '.md'),
];

export const pythonSeeds: Seed[] = [...collect('tests/core/alembic/conformance', '.py'), ...collect('content/migrations/versions', '.py')];
