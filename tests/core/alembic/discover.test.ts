import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverEnvironments, environmentFromPath, readEnvironment, readVersionsFolder } from '../../../src/core/alembic/environment.ts';
import { resolveScriptLocation } from '../../../src/core/alembic/discover.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary repository; keys ending in `/` are empty folders. */
function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lore-discover-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    const abs = join(root, path);
    if (path.endsWith('/')) mkdirSync(abs, { recursive: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  return root;
}

const migration = (rev: string, down: string | null, msg = `add ${rev}`): string =>
  `"""${msg}\n\nRevision ID: ${rev}\n"""\nrevision = '${rev}'\ndown_revision = ${down === null ? 'None' : `'${down}'`}\nbranch_labels = None\ndepends_on = None\n`;

const envFiles = (dir: string): Record<string, string> => ({ [`${dir}/env.py`]: '', [`${dir}/script.py.mako`]: '', [`${dir}/versions/`]: '' });

describe('discoverEnvironments', () => {
  it('finds the environment of an alembic.ini and names a single one default', () => {
    const root = repo({ 'alembic.ini': '[alembic]\nscript_location = migrations\n', ...envFiles('migrations'), 'migrations/versions/a1_x.py': migration('a1', null) });
    const { environments, diagnostics } = discoverEnvironments(root);
    expect(diagnostics).toEqual([]);
    expect(environments).toHaveLength(1);
    expect(environments[0]).toMatchObject({ name: 'default', path: 'migrations', locations: [join(root, 'migrations/versions')], recursive: false, sourceless: false });
  });

  it('keeps configured locations that do not exist as missing, without a diagnostic', () => {
    const root = repo({
      'alembic.ini': '[alembic]\nscript_location = %(here)s/db\npath_separator = space\nversion_locations = %(here)s/db/versions %(here)s/db/gone\nrecursive_version_locations = true\n',
      ...envFiles('db'),
    });
    const { environments, diagnostics } = discoverEnvironments(root);
    expect(diagnostics).toEqual([]);
    expect(environments[0]).toMatchObject({ path: 'db', locations: [join(root, 'db/versions')], missingLocations: [join(root, 'db/gone')], recursive: true });
  });

  it('treats every ini section with script_location as an environment and names them apart', () => {
    const root = repo({
      'alembic.ini': '[alembic]\nscript_location = migrations/core\n\n[tenant]\nscript_location = migrations/tenant\n\n[loggers]\nkeys = root\n',
      ...envFiles('migrations/core'),
      ...envFiles('migrations/tenant'),
    });
    const names = discoverEnvironments(root).environments.map((e) => [e.name, e.path]);
    expect(names).toEqual([
      ['core', 'migrations/core'],
      ['tenant', 'migrations/tenant'],
    ]);
  });

  it('disambiguates same-named folders by their parents, then by ini section', () => {
    const root = repo({
      'backend/alembic.ini': '[alembic]\nscript_location = alembic\n',
      ...envFiles('backend/alembic'),
      'service/alembic.ini': '[alembic]\nscript_location = alembic\n[alembic2]\nscript_location = alembic\nsourceless = true\n',
      ...envFiles('service/alembic'),
    });
    const names = discoverEnvironments(root).environments.map((e) => e.name);
    expect(names).toEqual(['backend-alembic', 'service-alembic', 'service-alembic-alembic2']);
  });

  it('reads [tool.alembic] from pyproject.toml, alone or under an ini that wins per key', () => {
    const tomlOnly = repo({ 'pyproject.toml': '[tool.alembic]\nscript_location = "%(here)s/alembic"\nrecursive_version_locations = true\n', ...envFiles('alembic') });
    expect(discoverEnvironments(tomlOnly).environments).toMatchObject([{ name: 'default', path: 'alembic', recursive: true }]);

    const both = repo({
      'alembic.ini': '[alembic]\nrecursive_version_locations = false\n',
      'pyproject.toml': '[project]\nname = "x"\n\n[tool.alembic]\nscript_location = "alembic"\nrecursive_version_locations = true\nversion_locations = ["%(here)s/alembic/versions", "extra"]\n',
      ...envFiles('alembic'),
      'extra/': '',
    });
    const { environments, diagnostics } = discoverEnvironments(both);
    expect(diagnostics).toEqual([]);
    expect(environments).toMatchObject([{ path: 'alembic', recursive: false, locations: [join(both, 'alembic/versions'), join(both, 'extra')] }]);
  });

  it('resolves a package-resource script_location, or reports it', () => {
    const ok = repo({ 'alembic.ini': '[alembic]\nscript_location = myapp.db:migrations\n', 'src/myapp/db/__init__.py': '', ...envFiles('src/myapp/db/migrations') });
    expect(discoverEnvironments(ok).environments.map((e) => e.path)).toEqual(['src/myapp/db/migrations']);

    const missing = repo({ 'alembic.ini': '[alembic]\nscript_location = nowhere:migrations\n' });
    const r = discoverEnvironments(missing);
    expect(r.environments).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['config/unresolved-script-location', 'alembic.ini']]);
  });

  it('falls back to env.py + script.py.mako + versions/ and reads a sibling ini without script_location', () => {
    const root = repo({ ...envFiles('app/migrations'), 'app/migrations/alembic.ini': '[alembic]\nsourceless = true\n', ...envFiles('other/db') });
    const { environments, diagnostics } = discoverEnvironments(root);
    expect(diagnostics).toEqual([]);
    expect(environments.map((e) => [e.name, e.path, e.sourceless])).toEqual([
      ['migrations', 'app/migrations', true],
      ['db', 'other/db', false],
    ]);
  });

  it('finds other *.ini files only when they have an [alembic] section', () => {
    const root = repo({ 'deploy/prod.ini': '[alembic]\nscript_location = ../db\n', 'setup.ini': '[tool]\nscript_location = x\n', ...envFiles('db') });
    expect(discoverEnvironments(root).environments.map((e) => e.path)).toEqual(['db']);
  });

  it('does not look inside node_modules, hidden folders, dist or virtualenvs', () => {
    const root = repo({
      ...envFiles('node_modules/pkg/migrations'),
      ...envFiles('.hidden/migrations'),
      ...envFiles('dist/migrations'),
      ...envFiles('venv/lib/migrations'),
      ...envFiles('.venv/lib/migrations'),
      'env2/pyvenv.cfg': '',
      ...envFiles('env2/lib/migrations'),
    });
    expect(discoverEnvironments(root).environments).toEqual([]);
  });

  it('notes an alembic.ini that sets no script_location', () => {
    const root = repo({ 'alembic.ini': '[alembic]\nsqlalchemy.url = sqlite://\n' });
    expect(discoverEnvironments(root).diagnostics.map((d) => d.code)).toEqual(['config/unresolved-script-location']);
  });
});

describe('environmentFromPath', () => {
  it('reads an ini file, a folder with alembic.ini, or a plain versions folder', () => {
    const root = repo({ 'backend/alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\n', ...envFiles('backend/migrations'), 'loose/a.py': migration('a1', null) });
    expect(environmentFromPath(root, join(root, 'backend/alembic.ini')).environments.map((e) => e.path)).toEqual(['backend/migrations']);
    expect(environmentFromPath(root, join(root, 'backend')).environments.map((e) => e.path)).toEqual(['backend/migrations']);
    expect(environmentFromPath(root, join(root, 'backend/migrations')).environments.map((e) => e.path)).toEqual(['backend/migrations']);
    const loose = environmentFromPath(root, join(root, 'loose'), { recursive: true }).environments;
    expect(loose).toMatchObject([{ name: 'default', path: 'loose', locations: [join(root, 'loose')], recursive: true }]);
  });

  it('reports a path that does not exist', () => {
    const root = repo({});
    const r = environmentFromPath(root, join(root, 'nope'));
    expect(r.environments).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
  });
});

describe('readEnvironment', () => {
  it('reads several locations in order, with repo-relative paths and every input file', () => {
    const root = repo({
      'alembic.ini': '[alembic]\nscript_location = db\nversion_locations = %(here)s/db/versions, %(here)s/db/extra\n',
      ...envFiles('db'),
      'db/versions/b_second.py': migration('b1', 'a1'),
      'db/versions/README.md': 'notes',
      'db/extra/a_first.py': migration('a1', null),
      'db/extra/utils.py': 'X = 1\n',
    });
    const spec = discoverEnvironments(root).environments[0]!;
    const graph = readEnvironment(spec, root);
    expect(graph.locations).toEqual(['db/versions', 'db/extra']);
    expect(graph.revisions.map((r) => r.path)).toEqual(['db/versions/b_second.py', 'db/extra/a_first.py']);
    expect(graph.history).toEqual(['b1', 'a1']);
    expect(graph.ignoredFiles).toEqual(['db/versions/README.md']);
    expect(graph.diagnostics.map((d) => [d.code, d.path])).toEqual([['migration/not-a-revision', 'db/extra/utils.py']]);
    expect(graph.inputs).toEqual([
      { path: 'db/versions/README.md', kind: 'migration', outcome: 'ignored', note: 'not a migration file name' },
      { path: 'db/versions/b_second.py', kind: 'migration', outcome: 'read', note: 'revision b1' },
      { path: 'db/extra/a_first.py', kind: 'migration', outcome: 'read', note: 'revision a1' },
      { path: 'db/extra/utils.py', kind: 'migration', outcome: 'error', note: 'not a revision' },
    ]);
  });

  it('passes constants to the file reader', () => {
    const root = repo({ 'v/a.py': '"""a"""\nrevision = "a1"\ndown_revision = None\n', 'v/b.py': '"""b"""\nrevision = "b1"\ndown_revision = PARENT\n' });
    const unresolved = readVersionsFolder(join(root, 'v'));
    expect(unresolved.diagnostics.map((d) => d.code)).toContain('migration/unresolved-value');
    const resolved = readVersionsFolder(join(root, 'v'), { constants: { PARENT: 'a1' } });
    expect(resolved.diagnostics).toEqual([]);
    expect(resolved.history).toEqual(['b1', 'a1']);
  });
});

describe('resolveScriptLocation', () => {
  it('keeps plain paths relative to the config folder', () => {
    expect(resolveScriptLocation('/repo', 'migrations', '/repo/backend')).toBe('/repo/backend/migrations');
    expect(resolveScriptLocation('/repo', '/abs/m', '/repo')).toBe('/abs/m');
  });
});
