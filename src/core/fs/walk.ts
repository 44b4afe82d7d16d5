// Walking a source folder safely: sorted, no symlink escapes or loops, no crash on unreadable entries.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../model.ts';
import { compareCodePoints } from '../text.ts';

export interface WalkOptions {
  /** Folder names not descended into (hidden folders are always skipped). */
  skipDirs?: ReadonlySet<string>;
  /** Diagnostic code prefix, e.g. `adr` → `adr/unreadable`. */
  code: string;
}

export interface WalkResult {
  /** Absolute paths of regular files, in code-point order of their relative paths (pre-order). */
  files: string[];
  /** Folders not descended into and entries that are neither files nor folders, with the reason. */
  skipped: { abs: string; reason: string }[];
  diagnostics: Diagnostic[];
}

export const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/** Repo-relative posix path. */
export function repoPath(root: string, abs: string): string {
  return toPosix(relative(root, abs));
}

export function walkFiles(root: string, dir: string, options: WalkOptions): WalkResult {
  const files: string[] = [];
  const skipped: WalkResult['skipped'] = [];
  const diagnostics: Diagnostic[] = [];
  const realRoot = safeRealpath(root) ?? root;
  const seen = new Set<string>();
  const visit = (folder: string): void => {
    const real = safeRealpath(folder);
    if (real === null) return;
    if (seen.has(real)) {
      skipped.push({ abs: folder, reason: 'folder already read through another path (symbolic link loop)' });
      return;
    }
    seen.add(real);
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch (err) {
      diagnostics.push(problem(root, folder, options.code, `folder could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): check its permissions`));
      return;
    }
    entries.sort(compareCodePoints);
    const subdirs: string[] = [];
    for (const name of entries) {
      const abs = join(folder, name);
      // Emacs lock files (`.#name`, usually dangling symbolic links) come and go while editing.
      if (name.startsWith('.#')) {
        skipped.push({ abs, reason: 'editor lock file' });
        continue;
      }
      let st;
      try {
        st = lstatSync(abs);
        if (st.isSymbolicLink()) {
          const target = safeRealpath(abs);
          if (target === null) {
            diagnostics.push(problem(root, abs, options.code, 'broken symbolic link: fix or remove it'));
            continue;
          }
          if (target !== realRoot && !target.startsWith(realRoot + sep)) {
            diagnostics.push(problem(root, abs, options.code, 'symbolic link points outside the repository and is not followed'));
            continue;
          }
          st = statSync(abs);
        }
      } catch (err) {
        diagnostics.push(problem(root, abs, options.code, `could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): check its permissions`));
        continue;
      }
      if (st.isDirectory()) {
        if (name.startsWith('.')) skipped.push({ abs, reason: 'hidden folder, not read' });
        else if (options.skipDirs?.has(name)) skipped.push({ abs, reason: `${name}/ folder, not read` });
        else subdirs.push(abs);
      } else if (st.isFile()) files.push(abs);
      else skipped.push({ abs, reason: 'not a regular file' });
    }
    for (const sub of subdirs) visit(sub);
  };
  visit(dir);
  return { files, skipped, diagnostics };
}

function safeRealpath(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

function problem(root: string, abs: string, code: string, message: string): Diagnostic {
  return { code: `${code}/unreadable`, severity: 'error', path: repoPath(root, abs), line: null, message };
}
