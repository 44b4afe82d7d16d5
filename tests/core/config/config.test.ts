import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { closest, validateConfig } from '../../../src/core/config/validate.ts';
import { resolveConfig, resolveConfigSync } from '../../../src/core/config/resolve.ts';
import { loadKnowledge } from '../../../src/core/load.ts';
import { renderBundle } from '../../../src/core/bundle/index.ts';
import { cleanUp, repoPath, tempRepo } from '../discover/repos.ts';

afterEach(cleanUp);

const messages = (value: unknown): string[] => validateConfig(value).problems.map((p) => p.message);

describe('validateConfig', () => {
  it('accepts a complete configuration unchanged', () => {
    const full = {
      sources: { adrs: 'docs/adr', rules: ['rules', 'backend/DATABASE_RULES.md'], migrations: 'backend/alembic.ini', docs: ['docs'] },
      alembic: { constants: { 'settings.CORE_BRANCH': 'core', 'settings.LABELS': ['a', 'b'], 'settings.NONE': null } },
      audit: { checks: [{ check: 'destructive', rule: 'DB-011', severity: 'error' }, { check: 'naming', index: 'ix_{table}_{column}' }] },
      bundle: {
        outputs: { claude: true, agents: false, scoped: true, llms: true },
        budget: { maxLines: 150, maxBytes: 20000 },
        scopedBudget: { maxLines: 600 },
        commands: { generate: 'alembic revision --autogenerate -m "<message>"', upgrade: 'alembic upgrade head' },
        recentMigrations: 5,
        siteUrl: 'https://db.example.com/',
      },
      site: { title: 'Ledger', description: 'Why the schema is what it is.', base: '/handbook/', url: 'https://org.github.io', repoUrl: 'https://github.com/org/repo/blob/main/', search: true, checkLinks: false },
      rulesFromAgentFiles: true,
    };
    const r = validateConfig(full);
    expect(r.problems).toEqual([]);
    expect(r.config).toEqual(full);
  });

  it('names an unknown key with its path and suggests the nearest known one', () => {
    expect(messages({ soruces: {} })).toEqual([
      'unknown key soruces: did you mean sources? (known keys at the top level: $schema, sources, alembic, audit, bundle, site, rulesFromAgentFiles)',
    ]);
    expect(messages({ bundle: { budget: { maxLine: 10 } } })).toEqual(['unknown key bundle.budget.maxLine: did you mean bundle.budget.maxLines? (known keys in bundle.budget: maxLines, maxBytes)']);
    expect(messages({ site: { colour: 'red' } })[0]).toMatch(/^unknown key site\.colour \(known keys in site: /);
  });

  it('says what a bad value should be', () => {
    expect(messages({ sources: { adrs: 3 } })).toEqual(['sources.adrs must be a path or a list of paths (got number 3)']);
    expect(messages({ bundle: { recentMigrations: -1 } })).toEqual(['bundle.recentMigrations must be a whole number, 0 or more (got number -1)']);
    expect(messages({ site: { base: 'handbook' } })).toEqual(['site.base must be a path that starts with /, such as /handbook/ (got "handbook")']);
    expect(messages({ site: { url: 'db.example.com' } })).toEqual(['site.url must be an http(s) address such as https://db.example.com/ (got "db.example.com")']);
    expect(messages({ rulesFromAgentFiles: 'yes' })).toEqual(['rulesFromAgentFiles must be true or false (got "yes")']);
    expect(messages({ alembic: { constants: { X: 1 } } })).toEqual(['alembic.constants.X must be a string, a list of strings, or null (got number 1)']);
    expect(messages([])).toEqual(['the configuration must be an object (got a list)']);
  });

  it('checks audit entries like a rules file checks its checks: entries', () => {
    expect(messages({ audit: { checks: [{ rule: 'DB-1' }, { check: 'destructive', severity: 'fatal' }, 'naming'] } })).toEqual([
      'audit.checks[0].check must name an audit check, e.g. "destructive" (got nothing)',
      'audit.checks[1].severity must be one of error, warning, info, off (got "fatal")',
      'audit.checks[2] must be an object like { "check": "destructive", "rule": "DB-011" } (got "naming")',
    ]);
  });

  it('keeps the good keys when others are bad', () => {
    const r = validateConfig({ sources: { adrs: 'adr', rules: 7 }, sit: {} });
    expect(r.config).toEqual({ sources: { adrs: 'adr' } });
    expect(r.problems.map((p) => p.key)).toEqual(['sources.rules', 'sit']);
  });

  it('suggests only near keys', () => {
    expect(closest('bundel', ['bundle', 'site'])).toBe('bundle');
    expect(closest('colour', ['title', 'base'])).toBeNull();
  });
});

describe('resolveConfig', () => {
  it('reads lore.config.json, resolves paths against its folder, and exposes checks, constants, bundle and site', async () => {
    const root = tempRepo({
      'lore.config.json': JSON.stringify({
        sources: { adrs: 'decisions', migrations: ['db/a', 'db/b'] },
        alembic: { constants: { 'settings.BRANCH': 'core' } },
        audit: { checks: [{ check: 'naming', rule: 'DB-004', severity: 'warning', table: 'plural_snake_case' }] },
        site: { url: 'https://db.example.com/' },
        bundle: { recentMigrations: 3 },
      }),
    });
    const c = await resolveConfig(root);
    expect(c.path).toBe('lore.config.json');
    expect(c.diagnostics).toEqual([]);
    expect(c.sources).toEqual({ adrs: [join(root, 'decisions')], migrations: [join(root, 'db/a'), join(root, 'db/b')] });
    expect(c.constants).toEqual({ 'settings.BRANCH': 'core' });
    expect(c.auditChecks).toEqual([{ check: 'naming', rule: 'DB-004', severity: 'warning', options: { table: 'plural_snake_case' }, line: null }]);
    expect(c.bundle).toEqual({ recentMigrations: 3, siteUrl: 'https://db.example.com/' });
    expect(resolveConfigSync(root)).toEqual(c);
  });

  it('reads lore.config.mjs: an object, or a function of { root } (async only through resolveConfig)', async () => {
    const plain = tempRepo({ 'lore.config.mjs': "export default { site: { title: 'Plain' } };\n" });
    expect((await resolveConfig(plain)).site).toEqual({ title: 'Plain' });
    expect(resolveConfigSync(plain).site).toEqual({ title: 'Plain' });
    const fn = tempRepo({ 'lore.config.mjs': "export default ({ root }) => ({ site: { title: root.split('/').pop() } });\n" });
    expect((await resolveConfig(fn)).site.title).toBe(fn.split('/').pop());
    const asyncFn = tempRepo({ 'lore.config.mjs': "export default async () => ({ rulesFromAgentFiles: true });\n" });
    expect((await resolveConfig(asyncFn)).rulesFromAgentFiles).toBe(true);
    expect(resolveConfigSync(asyncFn).diagnostics.map((d) => d.code)).toEqual(['config/async']);
  });

  it('reports a broken file with its path (and line), without throwing', async () => {
    const json = tempRepo({ 'lore.config.json': '{\n  "sources": {\n    "adrs": "adr",\n  }\n}\n' });
    const [syntax] = (await resolveConfig(json)).diagnostics;
    expect(syntax).toMatchObject({ code: 'config/syntax', severity: 'error', path: 'lore.config.json' });
    expect(syntax!.line).toBe(4);
    const bad = tempRepo({ 'lore.config.json': '{ "bundel": {} }' });
    expect((await resolveConfig(bad)).diagnostics).toEqual([
      { code: 'config/invalid', severity: 'error', path: 'lore.config.json', line: null, message: 'unknown key bundel: did you mean bundle? (known keys at the top level: $schema, sources, alembic, audit, bundle, site, rulesFromAgentFiles)' },
    ]);
    const thrower = tempRepo({ 'lore.config.mjs': "throw new Error('boom');\n" });
    expect((await resolveConfig(thrower)).diagnostics[0]).toMatchObject({ code: 'config/unreadable', message: 'could not be loaded (boom): fix the module' });
    const noDefault = tempRepo({ 'lore.config.mjs': 'export const x = 1;\n' });
    expect((await resolveConfig(noDefault)).diagnostics[0]?.message).toMatch(/no default export/);
  });

  it('prefers lore.config.mjs and says that two files exist; reads --config instead when given', async () => {
    const root = tempRepo({ 'lore.config.mjs': "export default { site: { title: 'mjs' } };\n", 'lore.config.json': '{ "site": { "title": "json" } }', 'config/lore.json': '{ "sources": { "adrs": "../records" } }' });
    const both = await resolveConfig(root);
    expect(both.site.title).toBe('mjs');
    expect(both.diagnostics.map((d) => d.code)).toEqual(['config/two-files']);
    const given = await resolveConfig(root, { configPath: 'config/lore.json' });
    expect(given.path).toBe('config/lore.json');
    expect(given.sources.adrs).toEqual([join(root, 'records')]);
    expect((await resolveConfig(root, { configPath: 'nope.json' })).diagnostics[0]).toMatchObject({ code: 'config/missing', path: 'nope.json' });
  });

  it('puts caller overrides on top (the integration options), relative to the root', async () => {
    const root = tempRepo({ 'lore.config.json': '{ "sources": { "adrs": "adr", "rules": "rules" }, "site": { "title": "File", "base": "/x/" } }' });
    const c = await resolveConfig(root, { overrides: { sources: { adrs: 'docs/adr' }, site: { title: 'Option' } } });
    expect(c.sources).toEqual({ adrs: [join(root, 'docs/adr')], rules: [join(root, 'rules')] });
    expect(c.site).toEqual({ title: 'Option', base: '/x/' });
    const wrong = await resolveConfig(root, { overrides: { site: { base: 'x' } } });
    expect(wrong.diagnostics[0]).toMatchObject({ code: 'config/invalid', path: null, message: 'option site.base must be a path that starts with /, such as /handbook/ (got "x")' });
  });
});

describe('loadKnowledge with a configuration', () => {
  it('lets the configuration replace discovery kind by kind, and options replace the configuration', () => {
    const root = tempRepo({
      'adr/0001-a.md': '# 1. A\n\nStatus: accepted\n',
      'records/0001-b.md': '# 1. B\n\nStatus: accepted\n',
      'lore.config.json': '{ "sources": { "adrs": "records" } }',
    });
    const k = loadKnowledge(root);
    expect(k.config.path).toBe('lore.config.json');
    expect(k.adrs.map((a) => a.file)).toEqual(['records/0001-b.md']);
    expect(k.sources.find((s) => s.kind === 'adrs')).toMatchObject({ path: 'records', found: true, explicit: true, origin: 'config', reason: 'named in lore.config.json' });
    expect(k.sources.filter((s) => s.kind === 'migrations').every((s) => s.origin === 'discovered')).toBe(true);
    expect(k.inputs).toContainEqual({ path: 'lore.config.json', kind: 'config', outcome: 'read', note: 'Lore configuration' });
    expect(loadKnowledge(root, { sources: { adrs: ['adr'] } }).adrs.map((a) => a.file)).toEqual(['adr/0001-a.md']);
    expect(loadKnowledge(root, { config: null }).adrs.map((a) => a.file)).toEqual(['adr/0001-a.md']);
  });

  it('reports a configured source that does not exist, naming the config key', () => {
    const root = tempRepo({ 'lore.config.json': '{ "sources": { "rules": "no/such" } }' });
    const k = loadKnowledge(root);
    expect(k.diagnostics).toContainEqual({ code: 'config/missing-source', severity: 'error', path: null, line: null, message: 'rules source no/such does not exist: fix sources.rules in lore.config.json' });
  });

  it('reads rules sections of a hand-written CLAUDE.md when rulesFromAgentFiles is set, never Lore\'s block', () => {
    const root = tempRepo({
      'lore.config.json': '{ "rulesFromAgentFiles": true }',
      'CLAUDE.md': [
        '# Working in this repository',
        '',
        'Run the tests before pushing.',
        '',
        '## Database rules',
        '',
        '- DB-101: Never call `create_all()`.',
        '',
        '## Style',
        '',
        '- Use black.',
        '',
        '<!-- lore:begin -->',
        '## Rules',
        '- DB-999: generated, never read back',
        '<!-- lore:end -->',
        '',
      ].join('\n'),
    });
    const k = loadKnowledge(root);
    expect(k.rules.map((f) => f.path)).toEqual(['CLAUDE.md']);
    expect(k.rules[0]!.rules.map((r) => [r.label, r.line])).toEqual([['DB-101', 7]]);
    expect(k.sources).toContainEqual(expect.objectContaining({ kind: 'rules', path: 'CLAUDE.md', found: true }));
  });

  it('applies constants from the configuration and feeds the bundle options through', () => {
    const root = tempRepo({
      'lore.config.json': JSON.stringify({ alembic: { constants: { 'settings.CORE': 'core' } }, bundle: { outputs: { agents: false } } }),
      'migrations/versions/a1_x.py': "from alembic import op\nimport settings\nrevision = 'a1'\ndown_revision = None\nbranch_labels = (settings.CORE,)\ndepends_on = None\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n",
    });
    const k = loadKnowledge(root);
    expect(k.migrations[0]!.revisions[0]!.branchLabels).toEqual(['core']);
    expect(renderBundle(k, k.config.bundle).files.map((f) => f.path)).toEqual(['CLAUDE.md', 'migrations/CLAUDE.md']);
  });

  it('gives the demo its four sources from its lore.config.json', () => {
    const k = loadKnowledge(repoPath('../../..'));
    expect(k.config.path).toBe('lore.config.json');
    expect(k.sources.map((s) => [s.kind, s.path, s.found])).toEqual([
      ['adrs', 'adr', true],
      ['rules', 'rules', true],
      ['docs', 'content/docs', true],
      ['migrations', 'content/migrations', true],
    ]);
    expect(k.adrs.some((a) => a.file.startsWith('docs/decisions/'))).toBe(false);
  });
});
