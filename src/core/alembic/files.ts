// Which files of a version location Alembic would load, and in which order (§2, §3).
import { realpathSync, statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { FolderListings } from '../fs/listing.ts';
import { joinPrefix } from '../fs/paths.ts';

export interface ScanOptions {
  recursive: boolean;
  sourceless: boolean;
  /** Absolute repository root: files whose real path lies outside it are not read. */
  root: string;
}

/** Where a listed file is: `abs` is `dir` (the folder as reached from its location) joined with `name`. */
interface Listed {
  abs: string;
  dir: string;
  name: string;
}

/** One entry of a scan, in load order for `load` entries. */
export type ScannedFile =
  /**
   * `real` is the resolved path Alembic records; `realDir` its folder when `real` is `realDir`
   * joined with `name` (absent for a symbolic link, resolved on its own).
   */
  | (Listed & { kind: 'load'; real: string; realDir?: string; symlink?: boolean })
  /** A regular file that Alembic does not load (listed under `ignoredFiles`). */
  | (Listed & { kind: 'ignored'; reason: string })
  /** Bytecode without a `.py` source (§2.3); never listed under `ignoredFiles`. */
  | (Listed & { kind: 'sourceless' })
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
 * `listings`: folder listings shared with the rest of the run.
 */
export function scanLocations(locations: string[], options: ScanOptions, listings = new FolderListings()): ScannedFile[] {
  const out: ScannedFile[] = [];
  const realRoot = safeRealpath(options.root) ?? options.root;
  const insideRoot = realRoot + sep;
  const seen = new Set<string>();
  // Resolving each folder once is enough for plain files: only a symlinked file needs its own realpath.
  const realFolders = new Map<string, { real: string; prefix: string } | null>();
  const realFolderOf = (entry: Listed): { real: string; prefix: string } | null => {
    let folder = realFolders.get(entry.dir);
    if (folder === undefined) {
      // The folder as the file path spells it (`join` normalized `dir`).
      const real = safeRealpath(dirname(entry.abs));
      folder = real === null ? null : { real, prefix: joinPrefix(real) };
      realFolders.set(entry.dir, folder);
    }
    return folder;
  };
  for (const location of locations) {
    for (const entry of scanLocation(location, options, listings)) {
      if (entry.kind !== 'load') {
        out.push(entry);
        continue;
      }
      const folder = entry.symlink ? null : realFolderOf(entry);
      const real = entry.symlink ? safeRealpath(entry.abs) : folder && folder.prefix + entry.name;
      if (real === null) {
        out.push({ kind: 'unreadable', abs: entry.abs, reason: 'broken symbolic link: fix or remove it' });
      } else if (real !== realRoot && !real.startsWith(insideRoot)) {
        out.push({ kind: 'unreadable', abs: entry.abs, reason: 'symbolic link points outside the repository and is not read' });
      } else if (!seen.has(real)) {
        seen.add(real);
        entry.real = real;
        if (folder) entry.realDir = folder.real;
        out.push(entry);
      }
    }
  }
  return out;
}

/** One location, before de-duplication: a folder's files (sorted), its bytecode cache, then sub-folders. */
export function scanLocation(dir: string, options: Pick<ScanOptions, 'recursive' | 'sourceless'>, listings = new FolderListings()): ScannedFile[] {
  const out: ScannedFile[] = [];
  const visit = (folder: string): void => {
    const listing = listings.list(folder);
    if (listing.error) {
      out.push({ kind: 'unreadable', abs: folder, reason: `folder could not be read (${errCode(listing.error)}): check its permissions` });
      return;
    }
    const prefix = joinPrefix(folder);
    // The listing is sorted, so both lists are too.
    const files: string[] = [];
    const subdirs: string[] = [];
    const links = new Set<string>();
    for (const entry of listing.entries) {
      if (entry.isDirectory()) subdirs.push(entry.name);
      else if (entry.isSymbolicLink()) {
        // os.walk lists a symlinked folder among the folders but does not enter it.
        if (!isDirectory(prefix + entry.name)) {
          files.push(entry.name);
          links.add(entry.name);
        }
      } else files.push(entry.name);
    }
    let names: Set<string> | undefined;
    const has = (name: string): boolean => (names ??= new Set(files)).has(name);
    for (const name of files) {
      const scanned = classify(prefix + name, folder, name, has, options.sourceless);
      if (scanned.kind === 'load' && links.has(name)) scanned.symlink = true;
      out.push(scanned);
    }
    if (subdirs.includes('__pycache__')) out.push(...scanBytecodeCache(prefix + '__pycache__', files, listings));
    if (!options.recursive) return;
    for (const sub of subdirs) if (!sub.endsWith('__pycache__')) visit(prefix + sub);
  };
  visit(dir);
  return out;
}

/** `has`: whether the folder holds a file of that name. */
function classify(abs: string, dir: string, name: string, has: (name: string) => boolean, sourceless: boolean): ScannedFile {
  if (isBytecodeName(name) && passesNameFilter(name, true)) {
    const source = name.slice(0, -1);
    if (has(source)) return { kind: 'ignored', abs, dir, name, reason: 'bytecode next to its source' };
    return { kind: 'sourceless', abs, dir, name };
  }
  if (passesNameFilter(name, sourceless)) return { kind: 'load', abs, dir, name, real: abs };
  return { kind: 'ignored', abs, dir, name, reason: 'not a migration file name' };
}

/** `__pycache__/*.pyc` whose stem has no file in the folder: what sourceless Alembic would add. */
function scanBytecodeCache(cache: string, folderFiles: string[], listings: FolderListings): ScannedFile[] {
  const prefix = joinPrefix(cache);
  const stems = new Set(folderFiles.map(stem));
  return listings
    .entries(cache)
    .filter((e) => !e.isDirectory() && isBytecodeName(e.name) && passesNameFilter(e.name, true) && !stems.has(stem(e.name)))
    .map((e) => ({ kind: 'sourceless', abs: prefix + e.name, dir: cache, name: e.name }) as const);
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
