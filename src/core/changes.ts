// `--changed-since REF`: which migration files were added, modified or deleted since a git ref.
// A migration that existed at REF has been released, and so applied somewhere: editing it changes
// nothing on those databases, so every such edit is an error.
import { execFileSync } from 'node:child_process';
import { posix, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './model.ts';
import { passesNameFilter } from './alembic/files.ts';
import { resolveSources, type LoadOptions } from './load.ts';

export interface ChangedMigrations {
  /** Repo-relative paths of migration files that did not exist at REF (committed or not, untracked included). */
  added: string[];
  /** Repo-relative paths of migration files that existed at REF and differ now. */
  modified: string[];
  /** Repo-relative paths of migration files that existed at REF and are gone. */
  deleted: string[];
  /** `git/*` problems (not a repository, unknown ref), and one finding per edited or deleted migration. */
  diagnostics: Diagnostic[];
}

export interface ChangedOptions extends LoadOptions {
  /** Version folders (repo-relative or absolute) to look in; default: those of the resolved sources. */
  locations?: { path: string; recursive: boolean }[];
  /** The git executable (tests). */
  git?: string;
}

/** Migration files changed between REF and the working tree. Never throws. */
export function changedMigrations(rootArg: string, ref: string, options: ChangedOptions = {}): ChangedMigrations {
  const root = resolve(rootArg);
  const out: ChangedMigrations = { added: [], modified: [], deleted: [], diagnostics: [] };
  const git = (args: string[]): { ok: true; text: string } | { ok: false; error: string } => {
    try {
      const text = execFileSync(options.git ?? 'git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
      return { ok: true, text };
    } catch (err) {
      const e = err as { stderr?: string; code?: string; message: string };
      return { ok: false, error: e.code === 'ENOENT' ? 'git is not installed' : (e.stderr?.trim().split('\n')[0] ?? e.message) };
    }
  };
  const problem = (code: string, message: string): ChangedMigrations => {
    out.diagnostics.push({ code, severity: 'error', path: null, line: null, message });
    return out;
  };

  if (ref.trim() === '' || ref.startsWith('-')) return problem('git/bad-ref', `"${ref}" is not a git ref: give a branch, tag or commit, e.g. --changed-since origin/main`);
  const top = git(['rev-parse', '--show-toplevel']);
  if (!top.ok) return problem('git/not-a-repository', `${root} is not inside a git repository (${top.error}): --changed-since needs the repository's history`);
  const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!commit.ok || commit.text.trim() === '') {
    return problem('git/unknown-ref', `git does not know the ref "${ref}": fetch it first (in CI: actions/checkout with fetch-depth: 0, or git fetch origin ${ref})`);
  }

  const locations = options.locations ?? migrationLocations(root, options);
  const relLocations = locations.map((l) => ({ path: toRepo(root, resolve(root, l.path)), recursive: l.recursive })).filter((l) => l.path !== null) as { path: string; recursive: boolean }[];
  if (relLocations.length === 0) return out;
  const isMigration = (path: string): boolean =>
    relLocations.some((l) => {
      const inner = l.path === '.' ? path : path.startsWith(`${l.path}/`) ? path.slice(l.path.length + 1) : null;
      if (inner === null) return false;
      const parts = inner.split('/');
      if (!l.recursive && parts.length > 1) return false;
      if (parts.some((p) => p.endsWith('__pycache__'))) return false;
      return passesNameFilter(parts[parts.length - 1]!, false);
    });
  const specs = relLocations.map((l) => (l.path === '.' ? '.' : l.path));

  // Committed and uncommitted changes of tracked files, paths relative to the root.
  const diff = git(['diff', '--name-status', '--no-renames', '--relative', '-z', commit.text.trim(), '--', ...specs]);
  if (!diff.ok) return problem('git/failed', `git diff failed (${diff.error})`);
  const fields = diff.text.split('\0').filter((f) => f !== '');
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]!;
    const path = fields[i + 1]!;
    if (!isMigration(path)) continue;
    if (status.startsWith('A')) out.added.push(path);
    else if (status.startsWith('D')) out.deleted.push(path);
    else out.modified.push(path);
  }
  // New files not yet added to git.
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...specs]);
  if (untracked.ok) for (const path of untracked.text.split('\0')) if (path && isMigration(path) && !out.added.includes(path)) out.added.push(path);

  out.added.sort();
  out.modified.sort();
  out.deleted.sort();
  for (const path of out.modified) {
    out.diagnostics.push({
      code: 'migration/edited-after-release',
      severity: 'error',
      path,
      line: null,
      message: `this migration already existed at ${ref} and has been edited since: an applied migration must never be edited: revert the change and write a new migration`,
    });
  }
  for (const path of out.deleted) {
    out.diagnostics.push({
      code: 'migration/deleted-after-release',
      severity: 'error',
      path,
      line: null,
      message: `this migration existed at ${ref} and has been deleted: databases that applied it still record its revision, so restore the file and write a new migration that undoes it`,
    });
  }
  return out;
}

/** The version folders of the repository's environments (configuration, then discovery). */
function migrationLocations(root: string, options: LoadOptions): { path: string; recursive: boolean }[] {
  const r = resolveSources(root, options);
  return r.environments.flatMap((env) => env.locations.map((path) => ({ path, recursive: env.recursive })));
}

function toRepo(root: string, abs: string): string | null {
  const rel = relative(root, abs);
  if (rel.startsWith('..') || posix.isAbsolute(rel) || /^[a-z]:/i.test(rel)) return null;
  return rel === '' ? '.' : sep === '/' ? rel : rel.split(sep).join('/');
}
