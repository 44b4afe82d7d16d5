// Where the ADRs are: adr-tools' `.adr-dir`, Log4brains' `.log4brains.yml` (`adrFolder`, and one
// folder per package), the usual folders at the root, and the same folders inside packages.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../model.ts';
import { classifyAdrPath } from '../adr/filename.ts';
import { isNumberedRecord } from '../adr/read.ts';
import { isWithin, MAX_DEPTH, RepoTree } from './tree.ts';
import type { AdrRoot, Looked } from './types.ts';

/** Folders looked at below the root, in order of preference. */
export const ADR_FOLDERS = [
  'docs/adr',
  'docs/adrs',
  'doc/adr',
  'docs/decisions',
  'docs/architecture/decisions',
  'doc/architecture/decisions',
  'adr',
  'adrs',
  'decisions',
  'architecture/decisions',
  '.decisions',
  'docs/architecture',
] as const;

/** Folders that only count when they directly hold numbered records (they often hold other pages). */
const LOOSE = new Set(['docs/architecture']);
/** Folder endings looked for inside packages (`services/billing/docs/adr`). */
const NESTED = ['docs/adr', 'doc/adr', 'docs/decisions', 'docs/architecture/decisions', 'adr', 'adrs'];
/** ADR-like folders under these are test data, not a package's records. */
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs']);

export interface AdrDiscovery {
  roots: AdrRoot[];
  looked: Looked[];
  diagnostics: Diagnostic[];
}

export function discoverAdrs(tree: RepoTree): AdrDiscovery {
  const out: AdrDiscovery = { roots: [], looked: [], diagnostics: [] };
  const taken: string[] = [];
  const overlap = (rel: string): string | undefined => taken.find((t) => isWithin(rel, t) || isWithin(t, rel));
  const take = (rel: string, group: string | null, reason: string): void => {
    taken.push(rel);
    out.roots.push({ path: rel, group });
    out.looked.push({ kind: 'adrs', path: rel, found: true, reason });
  };
  const miss = (path: string, reason: string): void => {
    out.looked.push({ kind: 'adrs', path, found: false, reason });
  };

  // 1. The tools' own settings name the folder.
  const adrDir = readText(tree, '.adr-dir');
  if (adrDir !== null) {
    const rel = normalize(adrDir.split(/\r?\n/)[0] ?? '');
    if (rel === null) miss('.adr-dir', '.adr-dir does not name a folder inside the repository');
    else if (!tree.isDir(rel)) miss(rel, `.adr-dir names ${rel}, which does not exist`);
    else take(rel, null, '.adr-dir (adr-tools)');
  }
  for (const entry of log4brainsFolders(tree, out.diagnostics)) {
    if (entry.path === null) miss('.log4brains.yml', entry.problem);
    else if (overlap(entry.path)) continue;
    else if (!tree.isDir(entry.path)) miss(entry.path, `.log4brains.yml names ${entry.path}, which does not exist`);
    else take(entry.path, entry.group, entry.group ? `.log4brains.yml package ${entry.group}` : '.log4brains.yml adrFolder (Log4brains)');
  }

  // 2. The usual folders at the root.
  for (const rel of ADR_FOLDERS) {
    if (!tree.isDir(rel)) {
      miss(rel, 'no such folder');
      continue;
    }
    const inside = overlap(rel);
    if (inside !== undefined) {
      if (inside !== rel) miss(rel, `overlaps ${inside}, which is already read`);
      continue;
    }
    const count = LOOSE.has(rel) ? numberedRecords(tree, rel) : adrFiles(tree, rel);
    if (count === 0) miss(rel, LOOSE.has(rel) ? 'holds no numbered ADR files directly' : 'holds no ADR files');
    else take(rel, null, `${count} ADR file${count === 1 ? '' : 's'}`);
  }

  // 3. The same folders inside packages and services.
  for (const rel of tree.folders('', MAX_DEPTH + 1)) {
    const ending = NESTED.find((n) => rel.endsWith(`/${n}`));
    if (ending === undefined || overlap(rel) !== undefined || rel.split('/').some((part) => TEST_DIRS.has(part))) continue;
    const count = numberedBelow(tree, rel);
    if (count > 0) take(rel, null, `${count} numbered ADR file${count === 1 ? '' : 's'} in a package`);
  }
  return out;
}

/** Markdown files below the folder that rule 1 of the ADR format counts as records. */
function adrFiles(tree: RepoTree, rel: string): number {
  return tree.filesBelow(rel).filter((f) => classifyAdrPath(f.slice(rel.length + 1)).outcome === 'adr').length;
}

/** Records directly in the folder whose file name carries a number or a date. */
function numberedRecords(tree: RepoTree, rel: string): number {
  return tree.files(rel).filter((f) => isNumberedRecord(f)).length;
}

function numberedBelow(tree: RepoTree, rel: string): number {
  return tree.filesBelow(rel).filter((f) => isNumberedRecord(posix.basename(f)) && classifyAdrPath(f.slice(rel.length + 1)).outcome === 'adr').length;
}


interface Log4brainsEntry {
  path: string | null;
  group: string | null;
  problem: string;
}

/** `project.adrFolder` and each `project.packages[].adrFolder` of `.log4brains.yml`. */
function log4brainsFolders(tree: RepoTree, diagnostics: Diagnostic[]): Log4brainsEntry[] {
  const text = readText(tree, '.log4brains.yml') ?? readText(tree, '.log4brains.yaml');
  if (text === null) return [];
  const file = tree.isFile('.log4brains.yml') ? '.log4brains.yml' : '.log4brains.yaml';
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    diagnostics.push({ code: 'config/bad-log4brains', severity: 'warning', path: file, line: null, message: `${file} is not valid YAML (${(err as Error).message.split('\n')[0]}): fix it, or name the ADR folder in lore.config.json` });
    return [];
  }
  const project = (data as { project?: unknown } | null)?.project;
  if (!project || typeof project !== 'object') return [{ path: null, group: null, problem: `${file} has no project.adrFolder` }];
  const p = project as { adrFolder?: unknown; packages?: unknown };
  const out: Log4brainsEntry[] = [];
  const folder = typeof p.adrFolder === 'string' ? normalize(p.adrFolder) : null;
  out.push(folder === null ? { path: null, group: null, problem: `${file} has no usable project.adrFolder` } : { path: folder, group: null, problem: '' });
  if (Array.isArray(p.packages)) {
    for (const pkg of p.packages as unknown[]) {
      const { name, adrFolder } = (pkg ?? {}) as { name?: unknown; adrFolder?: unknown };
      const path = typeof adrFolder === 'string' ? normalize(adrFolder) : null;
      if (path === null || typeof name !== 'string' || name.trim() === '') {
        out.push({ path: null, group: null, problem: `${file}: a package without a name or adrFolder is skipped` });
        continue;
      }
      out.push({ path, group: name.trim(), problem: '' });
    }
  }
  return out;
}

/** `./docs/adr/` → `docs/adr`; null for absolute paths and paths leaving the repository. */
function normalize(text: string): string | null {
  const trimmed = text.trim().replaceAll('\\', '/');
  if (trimmed === '' || trimmed.startsWith('/') || /^[a-z]:/i.test(trimmed)) return null;
  const rel = posix.normalize(trimmed).replace(/\/+$/, '');
  if (rel === '.' || rel === '..' || rel.startsWith('../')) return null;
  return rel;
}

function readText(tree: RepoTree, rel: string): string | null {
  if (!tree.isFile(rel)) return null;
  try {
    return readFileSync(tree.abs(rel), 'utf8');
  } catch {
    return null;
  }
}
