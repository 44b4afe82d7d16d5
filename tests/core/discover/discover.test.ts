import { afterEach, describe, expect, it } from 'vitest';
import { discoverSources } from '../../../src/core/discover/index.ts';
import { adrGroups } from '../../../src/core/discover/groups.ts';
import { cleanUp, migration, repoPath, tempRepo } from './repos.ts';

afterEach(cleanUp);

const envFiles = (dir: string): Record<string, string> => ({ [`${dir}/env.py`]: '', [`${dir}/script.py.mako`]: '', [`${dir}/versions/`]: '' });
const found = (r: ReturnType<typeof discoverSources>, kind: string) => r.looked.filter((l) => l.kind === kind && l.found).map((l) => [l.path, l.reason]);

describe('discoverSources on the fixture repositories', () => {
  it('a Flask-Migrate app: migrations/ with its own alembic.ini, docs/adr, a root DATABASE_RULES.md, docs/ pages', () => {
    const r = discoverSources(repoPath('flask-madr'));
    expect(r.sources.adrs).toEqual([{ path: 'docs/adr', group: null }]);
    expect(r.sources.rules).toEqual(['DATABASE_RULES.md']);
    expect(r.sources.docs).toEqual(['docs']);
    expect(r.sources.migrations.map((e) => [e.name, e.path])).toEqual([['default', 'migrations']]);
    expect(found(r, 'migrations')).toEqual([['migrations', 'migrations/alembic.ini next to env.py and versions/ (Flask-Migrate layout)']]);
    expect(r.diagnostics).toEqual([]);
  });

  it('a back end in a sub-folder: backend/alembic.ini with two version locations, docs/ holding only ADRs is no docs folder', () => {
    const r = discoverSources(repoPath('backend-subfolder'));
    const [env] = r.sources.migrations;
    expect(r.sources.migrations).toHaveLength(1);
    expect(env!.path).toBe('backend/alembic');
    expect(env!.locations.map((l) => l.slice(repoPath('backend-subfolder').length + 1))).toEqual(['backend/alembic/versions', 'backend/alembic/data_migrations']);
    expect(found(r, 'migrations')).toEqual([['backend/alembic', 'backend/alembic.ini [alembic] script_location']]);
    expect(r.sources.rules).toEqual(['backend/DATABASE_RULES.md']);
    expect(r.sources.adrs).toEqual([{ path: 'docs/decisions', group: null }]);
    expect(r.sources.docs).toEqual([]);
    expect(r.looked).toContainEqual({ kind: 'docs', path: 'docs', found: false, reason: 'no Markdown pages outside docs/decisions' });
  });

  it('two environments (an alembic.ini and a pyproject.toml [tool.alembic]) become two named graphs', () => {
    const r = discoverSources(repoPath('two-envs'));
    expect(r.sources.migrations.map((e) => [e.name, e.path, e.origin])).toEqual([
      ['migrations', 'services/accounts/migrations', 'services/accounts/alembic.ini'],
      ['alembic', 'services/reporting/alembic', 'services/reporting/pyproject.toml'],
    ]);
    expect(found(r, 'migrations').map(([, reason]) => reason)).toEqual([
      'services/accounts/alembic.ini [alembic] script_location',
      'services/reporting/pyproject.toml [tool.alembic] script_location',
    ]);
  });

  it("adr-tools: the folder .adr-dir names, even where no usual folder is", () => {
    const r = discoverSources(repoPath('adr-tools'));
    expect(r.sources.adrs).toEqual([{ path: 'architecture/records', group: null }]);
    expect(found(r, 'adrs')).toEqual([['architecture/records', '.adr-dir (adr-tools)']]);
    expect(r.sources.rules).toEqual(['docs/rules']);
    expect(r.sources.migrations.map((e) => e.path)).toEqual(['alembic']);
  });

  it('Log4brains: adrFolder and each package folder of .log4brains.yml, packages as groups', () => {
    const r = discoverSources(repoPath('log4brains'));
    expect(r.sources.adrs).toEqual([
      { path: 'docs/adr', group: null },
      { path: 'packages/sensors/adr', group: 'sensors' },
    ]);
    expect(found(r, 'migrations')).toEqual([['migrations', 'pyproject.toml [tool.alembic] script_location']]);
  });
});

describe('discoverSources rules of thumb', () => {
  it('says what it looked for when nothing is there', () => {
    const r = discoverSources(tempRepo({ 'README.md': '# x\n' }));
    expect(r.looked.every((l) => !l.found)).toBe(true);
    expect(r.looked.filter((l) => l.kind === 'adrs').map((l) => l.path)).toContain('docs/adr');
    expect(r.looked.find((l) => l.kind === 'migrations')?.reason).toMatch(/^no alembic\.ini, no pyproject\.toml with \[tool\.alembic\], no env\.py/);
    expect(r.looked.find((l) => l.path === 'DATABASE_RULES.md')?.found).toBe(false);
  });

  it('skips dependency and build folders and stops at a bounded depth', () => {
    const root = tempRepo({
      'node_modules/pkg/alembic.ini': '[alembic]\nscript_location = m\n',
      ...envFiles('node_modules/pkg/m'),
      'a/b/c/d/e/alembic.ini': '[alembic]\nscript_location = m\n',
      ...envFiles('a/b/c/d/e/m'),
      'node_modules/pkg/DATABASE_RULES.md': '# x\n',
      'a/b/c/d/e/f/DATABASE_RULES.md': '# x\n',
      'services/api/DATABASE_RULES.md': '# Rules\n\n- DB-001: x\n',
    });
    const r = discoverSources(root);
    expect(r.sources.migrations).toEqual([]);
    expect(r.sources.rules).toEqual(['services/api/DATABASE_RULES.md']);
  });

  it('falls back to a bare migrations/versions folder of revision files', () => {
    const root = tempRepo({ 'db/migrations/versions/a1_x.py': migration('a1', null), 'other/versions/b1.py': 'print(1)\n' });
    const r = discoverSources(root);
    expect(r.sources.migrations.map((e) => [e.name, e.path])).toEqual([['default', 'db/migrations/versions']]);
    expect(found(r, 'migrations')[0]![1]).toMatch(/versions folder of Alembic revision files/);
  });

  it('finds per-package ADR folders outside tests, and counts only folders with ADR files', () => {
    const root = tempRepo({
      'adr/README.md': '# Index\n',
      'services/billing/docs/adr/0001-use-stripe.md': '# 1. Use Stripe\n',
      'tests/data/adr/0001-fixture.md': '# 1. Fixture\n',
      'src/adr/parser.ts': 'export {};\n',
    });
    const r = discoverSources(root);
    expect(r.sources.adrs).toEqual([{ path: 'services/billing/docs/adr', group: null }]);
    expect(r.looked).toContainEqual({ kind: 'adrs', path: 'adr', found: false, reason: 'holds no ADR files' });
  });

  it('takes docs/architecture only when it holds numbered records, and never a folder twice', () => {
    const loose = discoverSources(tempRepo({ 'docs/architecture/overview.md': '# Overview\n' }));
    expect(loose.sources.adrs).toEqual([]);
    const nested = discoverSources(tempRepo({ 'docs/architecture/decisions/0001-x.md': '# 1. X\n', 'docs/architecture/overview.md': '# O\n' }));
    expect(nested.sources.adrs).toEqual([{ path: 'docs/architecture/decisions', group: null }]);
    expect(nested.looked).toContainEqual({ kind: 'adrs', path: 'docs/architecture', found: false, reason: 'overlaps docs/architecture/decisions, which is already read' });
  });

  it('reports a .adr-dir that names a missing folder and a .log4brains.yml that is not YAML', () => {
    const r = discoverSources(tempRepo({ '.adr-dir': 'doc/arch\n', '.log4brains.yml': 'project: [\n' }));
    expect(r.looked).toContainEqual({ kind: 'adrs', path: 'doc/arch', found: false, reason: '.adr-dir names doc/arch, which does not exist' });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['config/bad-log4brains', '.log4brains.yml']]);
  });

  it('reads the rules sections of a hand-written CLAUDE.md only when asked, and never a generated one', () => {
    const files = {
      'CLAUDE.md': '# Working here\n\n## Database rules\n\n- Never call create_all().\n',
      'AGENTS.md': '<!-- Generated by lore bundle from rules/ (inputs sha256:00). Do not edit. -->\n# Rules\n',
    };
    const off = discoverSources(tempRepo(files));
    expect(off.sources.agentRules).toEqual([]);
    expect(off.looked.find((l) => l.path === 'CLAUDE.md')?.reason).toMatch(/rulesFromAgentFiles/);
    expect(off.looked.find((l) => l.path === 'AGENTS.md')?.reason).toBe('generated by lore bundle (never read as rules)');
    const on = discoverSources(tempRepo(files), { rulesFromAgentFiles: true });
    expect(on.sources.agentRules).toEqual(['CLAUDE.md']);
  });

  it('keeps folders other readers own out of the guide pages', () => {
    const r = discoverSources(tempRepo({ 'docs/adr/0001-x.md': '# 1. X\n', 'docs/rules/db.md': '# R\n\n- DB-001: x\n', 'docs/guide.md': '# Guide\n' }));
    expect(r.sources.docs).toEqual(['docs']);
    expect(r.looked).toContainEqual({ kind: 'docs', path: 'docs', found: true, reason: '1 Markdown page' });
  });
});

describe('adrGroups', () => {
  it('keeps the empty group for one folder, or for the first generic one of several', () => {
    expect(adrGroups([{ path: 'docs/adr', group: null }])).toEqual(['']);
    expect(adrGroups([{ path: 'docs/adr', group: null }, { path: 'decisions', group: null }])).toEqual(['', 'decisions']);
    expect(adrGroups([{ path: 'adr', group: null }, { path: 'docs/decisions', group: null }])).toEqual(['', 'docs-decisions']);
  });

  it('names package folders after the package, and given groups as given', () => {
    expect(adrGroups([{ path: 'services/billing/docs/adr', group: null }, { path: 'services/auth/docs/adr', group: null }])).toEqual(['billing', 'auth']);
    expect(adrGroups([{ path: 'docs/adr', group: null }, { path: 'packages/sensors/adr', group: 'sensors' }])).toEqual(['', 'sensors']);
    expect(adrGroups([{ path: 'a/x/adr', group: null }, { path: 'b/x/adr', group: null }])).toEqual(['x', 'x-2']);
  });
});

describe('readAdrDirectory with sub-folder groups', () => {
  it('gives each sub-folder of numbered records its own group and numbering, and rewrites links that leave a group', async () => {
    const { readAdrDirectory } = await import('../../../src/core/adr/read.ts');
    const root = tempRepo({
      'docs/adr/0001-main.md': '# 1. Main\n\nStatus: accepted\n',
      'docs/adr/0002-main-again.md': '# 2. Again\n\nStatus: accepted\n',
      'docs/adr/billing/0001-stripe.md': '# 1. Stripe\n\n## Status\n\nSuperseded by [Main](../0001-main.md)\n',
      'docs/adr/billing/0001-clash.md': '# 1. Clash\n\nStatus: proposed\n',
      'docs/adr/billing/notes/design.md': '# Design notes\n',
      'docs/adr/archive/old.md': '# Old\n',
    });
    const r = readAdrDirectory(root, `${root}/docs/adr`, { subgroups: true });
    expect(r.adrs.map((a) => [a.group, a.id, a.file])).toEqual([
      ['', '0001-main', 'docs/adr/0001-main.md'],
      ['', '0002-main-again', 'docs/adr/0002-main-again.md'],
      ['', 'archive/old', 'docs/adr/archive/old.md'],
      ['billing', '0001-clash', 'docs/adr/billing/0001-clash.md'],
      ['billing', '0001-stripe', 'docs/adr/billing/0001-stripe.md'],
      ['billing', 'notes/design', 'docs/adr/billing/notes/design.md'],
    ]);
    expect(r.adrs.find((a) => a.id === '0001-stripe')!.supersededBy).toEqual(['0001-main']);
    // Numbers clash only inside a group.
    expect(r.diagnostics.filter((d) => d.code === 'adr/duplicate-number').map((d) => d.path)).toEqual(['docs/adr/billing/0001-clash.md', 'docs/adr/billing/0001-stripe.md']);
    // Without the option, sub-folders stay in the folder's group (conformance rule 2).
    expect(readAdrDirectory(root, `${root}/docs/adr`).adrs.map((a) => a.group)).toEqual(['', '', '', '', '', '']);
  });
});
