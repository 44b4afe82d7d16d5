// Which files of a version location Alembic would load, and in which order (§2, §3).
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { compareCodePoints } from '../text.ts';

export interface ScanOptions {
  recursive: boolean;
  sourceless: boolean;
  /** Absolute repository root: files whose real path lies outside it are not read. */
  root: string;
}

/** One entry of a scan, in load order for `load` entries. */
export type ScannedFile =
  /** `abs` is the path as listed, `real` the resolved path Alembic records. */
  | { kind: 'load'; abs: string; real: string; symlink?: boolean }
  /** A regular file that Alembic does not load (listed under `ignoredFiles`). */
  | { kind: 'ignored'; abs: string; reason: string }
  /** Bytecode without a `.py` source (§2.3); never listed under `ignoredFiles`. */
  | { kind: 'sourceless'; abs: string }
  /** A file or folder that could not be read or points outside the repository. */
  | { kind: 'unreadable'; abs: string; reason: string };

/** Alembic's bare-name filter: `.py` (or `.pyc`/`.pyo` when sourceless), not `__init__*`, not `.#*`. */
export function passesNameFilter(name: string, sourceless: boolean): boolean {
  if (name.startsWith('.#') || name.startsWith('__init__')) return false;
  if (name.endsWith('.py')) return true;
  return sourceless && isBytecodeName(name);
}

export function isBytecodeName(name: string): boolean {
  return name.endsWith('.pyc') || name.endsWith('.pyo');
}

/**
 * Scans the version locations in order. The same real file reached twice is loaded once
 * (the second reach is dropped silently, like Alembic's "loaded twice" warning).
 */
export function scanLocations(locations: string[], options: ScanOptions): ScannedFile[] {
  const out: ScannedFile[] = [];
  const realRoot = safeRealpath(options.root) ?? options.root;
  const seen = new Set<string>();
  // Resolving each folder once is enough for plain files: only a symlinked file needs its own realpath.
  const realFolders = new Map<string, string | null>();
  const realOf = (entry: { abs: string; symlink?: boolean }): string | null => {
    if (entry.symlink) return safeRealpath(entry.abs);
    const folder = dirname(entry.abs);
    let real = realFolders.get(folder);
    if (real === undefined) realFolders.set(folder, (real = safeRealpath(folder)));
    return real === null ? null : join(real, basename(entry.abs));
  };
  for (const location of locations) {
    for (const entry of scanLocation(location, options)) {
      if (entry.kind !== 'load') {
        out.push(entry);
        continue;
      }
      const real = realOf(entry);
      if (real === null) {
        out.push({ kind: 'unreadable', abs: entry.abs, reason: 'broken symbolic link: fix or remove it' });
      } else if (real !== realRoot && !real.startsWith(realRoot + sep)) {
        out.push({ kind: 'unreadable', abs: entry.abs, reason: 'symbolic link points outside the repository and is not read' });
      } else if (!seen.has(real)) {
        seen.add(real);
        out.push({ kind: 'load', abs: entry.abs, real });
      }
    }
  }
  return out;
}

/** One location, before de-duplication: a folder's files (sorted), its bytecode cache, then sub-folders. */
export function scanLocation(dir: string, options: Pick<ScanOptions, 'recursive' | 'sourceless'>): ScannedFile[] {
  const out: ScannedFile[] = [];
  const visit = (folder: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (err) {
      out.push({ kind: 'unreadable', abs: folder, reason: `folder could not be read (${errCode(err)}): check its permissions` });
      return;
    }
    const files: string[] = [];
    const subdirs: string[] = [];
    const links = new Set<string>();
    for (const entry of entries) {
      if (entry.isDirectory()) subdirs.push(entry.name);
      else if (entry.isSymbolicLink()) {
        // os.walk lists a symlinked folder among the folders but does not enter it.
        if (!isDirectory(join(folder, entry.name))) {
          files.push(entry.name);
          links.add(entry.name);
        }
      } else files.push(entry.name);
    }
    files.sort(compareCodePoints);
    const names = new Set(files);
    for (const name of files) {
      const scanned = classify(folder, name, names, options.sourceless);
      if (scanned.kind === 'load' && links.has(name)) scanned.symlink = true;
      out.push(scanned);
    }
    if (subdirs.includes('__pycache__')) out.push(...scanBytecodeCache(join(folder, '__pycache__'), files));
    if (!options.recursive) return;
    subdirs.sort(compareCodePoints);
    for (const sub of subdirs) if (!sub.endsWith('__pycache__')) visit(join(folder, sub));
  };
  visit(dir);
  return out;
}

function classify(folder: string, name: string, names: Set<string>, sourceless: boolean): ScannedFile {
  const abs = join(folder, name);
  if (isBytecodeName(name) && passesNameFilter(name, true)) {
    const source = name.slice(0, -1);
    if (names.has(source)) return { kind: 'ignored', abs, reason: 'bytecode next to its source' };
    return { kind: 'sourceless', abs };
  }
  if (passesNameFilter(name, sourceless)) return { kind: 'load', abs, real: abs };
  return { kind: 'ignored', abs, reason: 'not a migration file name' };
}

/** `__pycache__/*.pyc` whose stem has no file in the folder: what sourceless Alembic would add. */
function scanBytecodeCache(cache: string, folderFiles: string[]): ScannedFile[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(cache, { withFileTypes: true });
  } catch {
    return [];
  }
  const stems = new Set(folderFiles.map(stem));
  return entries
    .filter((e) => !e.isDirectory() && isBytecodeName(e.name) && passesNameFilter(e.name, true) && !stems.has(stem(e.name)))
    .map((e) => e.name)
    .sort(compareCodePoints)
    .map((name) => ({ kind: 'sourceless', abs: join(cache, name) }) as const);
}

const stem = (name: string): string => name.split('.')[0] ?? name;

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function safeRealpath(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

export function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException | null)?.code ?? 'error';
}
