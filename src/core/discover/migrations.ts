// Where the Alembic environments are: alembic.ini files (any ini with an [alembic] section),
// pyproject.toml [tool.alembic], env.py + script.py.mako + versions/ folders (Flask-Migrate's
// `migrations/`), and, as a last resort, a bare `migrations/versions` folder of revision files.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { Diagnostic } from '../model.ts';
import { discoverEnvironments, type EnvironmentSpec } from '../alembic/environment.ts';
import { MAX_DEPTH, RepoTree, SKIPPED_DIRS } from './tree.ts';
import type { Looked } from './types.ts';

export interface MigrationsDiscovery {
  environments: EnvironmentSpec[];
  looked: Looked[];
  diagnostics: Diagnostic[];
}

const VERSIONS_PARENTS = new Set(['migrations', 'alembic', 'migration', 'alembic_migrations', 'db_migrations']);

export function discoverMigrations(tree: RepoTree): MigrationsDiscovery {
  const found = discoverEnvironments(tree.root, { maxDepth: MAX_DEPTH, skipDirs: SKIPPED_DIRS, listings: tree.listings });
  const looked: Looked[] = found.environments.map((env) => ({ kind: 'migrations', path: env.path, found: true, reason: environmentReason(env) }));
  if (found.environments.length) return { environments: found.environments, looked, diagnostics: found.diagnostics };

  const bare = bareVersionsFolders(tree);
  if (bare.length) {
    const environments = bare.map((rel, i): EnvironmentSpec => ({
      name: bare.length === 1 ? 'default' : posix.dirname(rel).replaceAll('/', '-') || `env-${i + 1}`,
      path: rel,
      locations: [tree.abs(rel)],
      missingLocations: [],
      recursive: false,
      sourceless: false,
      root: tree.root,
      origin: null,
      section: null,
    }));
    for (const rel of bare) {
      looked.push({ kind: 'migrations', path: rel, found: true, reason: 'a versions folder of Alembic revision files (no alembic.ini or env.py next to it)' });
    }
    return { environments, looked, diagnostics: found.diagnostics };
  }
  looked.push({
    kind: 'migrations',
    path: '.',
    found: false,
    reason: `no alembic.ini, no pyproject.toml with [tool.alembic], no env.py + script.py.mako + versions/ folder within ${MAX_DEPTH} folder levels`,
  });
  return { environments: [], looked, diagnostics: found.diagnostics };
}

function environmentReason(env: EnvironmentSpec): string {
  const origin = env.origin ?? null;
  if (origin === null) return 'env.py + script.py.mako + versions/ (an Alembic environment folder)';
  if (origin.endsWith('pyproject.toml') && !env.section) return `${origin} [tool.alembic] script_location`;
  // Flask-Migrate keeps its alembic.ini inside the environment folder, without script_location.
  if (posix.dirname(origin) === env.path && posix.basename(origin) === 'alembic.ini') return `${origin} next to env.py and versions/ (Flask-Migrate layout)`;
  return `${origin} [${env.section ?? 'alembic'}] script_location`;
}

/** `…/migrations/versions` folders holding at least one file that assigns `down_revision`. */
function bareVersionsFolders(tree: RepoTree): string[] {
  return tree
    .folders('', MAX_DEPTH + 1)
    .filter((rel) => posix.basename(rel) === 'versions' && VERSIONS_PARENTS.has(posix.basename(posix.dirname(rel))))
    .filter((rel) =>
      tree
        .files(rel)
        .filter((f) => f.endsWith('.py') && !f.startsWith('__init__'))
        .slice(0, 5)
        .some((f) => looksLikeRevision(tree.abs(`${rel}/${f}`))),
    );
}

function looksLikeRevision(abs: string): boolean {
  try {
    return /^\s*down_revision\b/m.test(readFileSync(abs, 'utf8'));
  } catch {
    return false;
  }
}
