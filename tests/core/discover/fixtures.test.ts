// Each fixture repository, laid out like a real project, gives its model, its bundle and a clean
// check with no configuration at all.
import { describe, expect, it } from 'vitest';
import { loadKnowledge, type LoadedKnowledge } from '../../../src/core/load.ts';
import { renderBundle } from '../../../src/core/bundle/index.ts';
import { repoPath } from './repos.ts';

const load = (name: string): LoadedKnowledge => loadKnowledge(repoPath(name));
const errors = (k: LoadedKnowledge) => [...k.diagnostics.filter((d) => d.severity === 'error'), ...k.findings.filter((f) => f.severity === 'error' && f.waiver === null)];
const foundSources = (k: LoadedKnowledge) => k.sources.filter((s) => s.found).map((s) => `${s.kind} ${s.path}`);

describe('zero-config fixture repositories', () => {
  it('flask-madr: MADR records, Flask-Migrate migrations, root rules file, docs pages', () => {
    const k = load('flask-madr');
    expect(k.config.path).toBeNull();
    expect(foundSources(k)).toEqual(['adrs docs/adr', 'rules DATABASE_RULES.md', 'migrations migrations', 'docs docs']);
    expect(k.sources.every((s) => s.origin === 'discovered')).toBe(true);
    expect(k.adrs.map((a) => [a.file, a.status])).toEqual([
      ['docs/adr/0001-record-architecture-decisions.md', 'accepted'],
      ['docs/adr/0002-use-flask-migrate.md', 'accepted'],
    ]);
    expect(k.inputs.find((i) => i.path === 'docs/adr/adr-template.md')?.outcome).toBe('not-an-adr');
    expect(k.docs.map((d) => d.path)).toEqual(['docs/deploying.md', 'docs/index.md']);
    expect(k.migrations.map((g) => [g.name, g.path, g.revisions.length, g.heads])).toEqual([['default', 'migrations', 3, ['c71d0e4b9f32']]]);
    expect(k.links).toContainEqual(expect.objectContaining({ from: 'migration:default/4f2a9c1d7e10', to: 'adr:0002-use-flask-migrate', kind: 'implements' }));
    expect(errors(k)).toEqual([]);
    const bundle = renderBundle(k);
    expect(bundle.files.map((f) => f.path)).toEqual(['CLAUDE.md', 'AGENTS.md', 'migrations/CLAUDE.md']);
    expect(bundle.files[0]!.content).toContain('DB-001');
    expect(bundle.files[0]!.content).toContain('`migrations/`: 3 migrations; head `c71d0e4b9f32`');
  });

  it('backend-subfolder: one environment reading both version locations, in order', () => {
    const k = load('backend-subfolder');
    expect(foundSources(k)).toEqual(['adrs docs/decisions', 'rules backend/DATABASE_RULES.md', 'migrations backend/alembic']);
    const [g] = k.migrations;
    expect(g!.locations).toEqual(['backend/alembic/versions', 'backend/alembic/data_migrations']);
    expect(g!.history).toEqual(['4e6a8c0d2f34', '3d5f7b9c1e23', '2c4e6a8b0d12']);
    expect(k.inputs.filter((i) => i.kind === 'migration').map((i) => i.path)).toContain('backend/alembic/data_migrations/4e6a8c0d2f34_backfill_ticket_status.py');
    expect(k.rules[0]!.rules.map((r) => r.label)).toEqual(['DB-001', 'DB-002']);
    expect(errors(k)).toEqual([]);
    expect(renderBundle(k).files.map((f) => f.path)).toEqual(['CLAUDE.md', 'AGENTS.md', 'backend/alembic/CLAUDE.md']);
  });

  it('two-envs: two graphs, and ADR sub-folders kept as groups that number from 1 without clashing', () => {
    const k = load('two-envs');
    expect(k.migrations.map((g) => [g.name, g.path, g.revisions.map((r) => r.revision)])).toEqual([
      ['migrations', 'services/accounts/migrations', ['a0a1a2a3a4a5', 'a1b2c3d4e5f6']],
      ['alembic', 'services/reporting/alembic', ['b0b1b2b3b4b5']],
    ]);
    expect(k.adrs.map((a) => [a.group, a.id, a.number])).toEqual([
      ['', '0001-one-database-per-service', 1],
      ['accounts', '0001-hash-passwords-with-argon2', 1],
      ['reporting', '0001-daily-totals-table', 1],
    ]);
    expect(k.diagnostics.filter((d) => d.code === 'adr/duplicate-number')).toEqual([]);
    // A relative link out of a group reaches the record one folder up.
    expect(k.links).toContainEqual(expect.objectContaining({ from: 'adr:accounts/0001-hash-passwords-with-argon2', to: 'adr:0001-one-database-per-service' }));
    expect(errors(k)).toEqual([]);
    const paths = renderBundle(k).files.map((f) => f.path);
    expect(paths).toEqual(['CLAUDE.md', 'AGENTS.md', 'services/accounts/migrations/CLAUDE.md', 'services/reporting/alembic/CLAUDE.md']);
  });

  it('adr-tools: Nygard records in the .adr-dir folder, plain alembic init layout', () => {
    const k = load('adr-tools');
    expect(foundSources(k)).toEqual(['adrs architecture/records', 'rules docs/rules', 'migrations alembic']);
    expect(k.adrs.map((a) => [a.number, a.title, a.date])).toEqual([
      [1, 'Record architecture decisions', '2024-03-04'],
      [2, 'Use PostgreSQL', '2024-03-05'],
    ]);
    expect(errors(k)).toEqual([]);
    expect(renderBundle(k).files[0]!.content).toContain('Use PostgreSQL');
  });

  it('log4brains: dated records, a package folder as a group, pyproject [tool.alembic]', () => {
    const k = load('log4brains');
    expect(k.adrs.map((a) => [a.group, a.id, a.date, a.status])).toEqual([
      ['', '20240105-use-log4brains-to-manage-the-adrs', '2024-01-05', 'accepted'],
      ['', '20240212-store-readings-in-postgresql', '2024-02-12', 'accepted'],
      ['sensors', '20240301-calibrate-on-the-device', '2024-03-01', 'proposed'],
    ]);
    expect(k.migrations.map((g) => g.path)).toEqual(['migrations']);
    expect(errors(k)).toEqual([]);
    expect(renderBundle(k).files.map((f) => f.path)).toContain('migrations/CLAUDE.md');
  });
});
