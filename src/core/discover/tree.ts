// A bounded, cached view of a repository's folders for zero-config discovery: sorted listings,
// no hidden folders, no dependency or build folders, no virtualenvs, no symlinked folders.
import { realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { FolderListings } from '../fs/listing.ts';

/** Folder names discovery never descends into. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'dist',
  'build',
  'target',
  'coverage',
  'vendor',
  'third_party',
  'venv',
  'site-packages',
  '__pycache__',
  'fixtures',
  '__fixtures__',
  'testdata',
]);

/** How many folder levels below the root discovery looks (the root is level 0). */
export const MAX_DEPTH = 4;

export class RepoTree {
  readonly root: string;
  /** Shared with the environment finder and the version-location scan of the same run. */
  readonly listings: FolderListings;
  /** Discovery asks for the files of the same folders again and again. */
  readonly #files = new Map<string, readonly string[]>();

  constructor(root: string, listings = new FolderListings()) {
    this.root = root;
    this.listings = listings;
  }

  /** Entries of a repo-relative folder ('' for the root), sorted; [] when unreadable. */
  entries(rel: string): readonly Dirent[] {
    return this.listings.entries(this.abs(rel));
  }

  abs(rel: string): string {
    return rel === '' ? this.root : join(this.root, ...rel.split('/'));
  }

  isDir(rel: string): boolean {
    try {
      return statSync(this.abs(rel)).isDirectory();
    } catch {
      return false;
    }
  }

  isFile(rel: string): boolean {
    try {
      return statSync(this.abs(rel)).isFile();
    } catch {
      return false;
    }
  }

  real(rel: string): string {
    try {
      return realpathSync(this.abs(rel));
    } catch {
      return this.abs(rel);
    }
  }

  /** Names of the regular files directly in a folder. */
  files(rel: string): readonly string[] {
    let names = this.#files.get(rel);
    if (names === undefined) {
      names = this.entries(rel)
        .filter((e) => e.isFile())
        .map((e) => e.name);
      this.#files.set(rel, names);
    }
    return names;
  }

  /** Sub-folders discovery may enter (not hidden, not skipped, not a virtualenv, not a symlink). */
  subfolders(rel: string): string[] {
    return this.entries(rel)
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name))
      .map((e) => (rel === '' ? e.name : `${rel}/${e.name}`))
      .filter((sub) => !this.entries(sub).some((e) => e.name === 'pyvenv.cfg'));
  }

  /** Every enterable folder from `start` down to `maxDepth` levels below the root, pre-order. */
  folders(start = '', maxDepth = MAX_DEPTH): string[] {
    const out: string[] = [];
    const visit = (rel: string, depth: number): void => {
      out.push(rel);
      if (depth >= maxDepth) return;
      for (const sub of this.subfolders(rel)) visit(sub, depth + 1);
    };
    visit(start, start === '' ? 0 : start.split('/').length);
    return out;
  }

  /** Files below a folder (bounded), as repo-relative paths. */
  filesBelow(start: string, maxDepth = MAX_DEPTH + 2): string[] {
    return this.folders(start, maxDepth).flatMap((dir) => this.files(dir).map((f) => (dir === '' ? f : `${dir}/${f}`)));
  }
}

/** True when `inner` is `outer` or lies below it (repo-relative paths, '' for the root). */
export function isWithin(inner: string, outer: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}/`);
}
