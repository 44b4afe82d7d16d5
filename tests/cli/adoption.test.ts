// lore init, lore new adr, --config, and what inspect says about the sources, on repositories laid
// out like real projects.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeNewCommand } from '../../src/cli/commands/new.ts';
import { makeInitCommand } from '../../src/cli/commands/init.ts';
import { UsageError } from '../../src/cli/usage.ts';
import type { Command } from '../../src/cli/commands/index.ts';
import type { Out } from '../../src/cli/output.ts';
import { loadKnowledge } from '../../src/core/load.ts';
import { cleanUp, copyRepo, repoPath, tempRepo } from '../core/discover/repos.ts';

afterEach(cleanUp);

const bin = fileURLToPath(new URL('../../bin/lore.mjs', import.meta.url));
const clock = () => new Date(2025, 4, 6, 12, 0, 0); // 2025-05-06, local time

function lore(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function run(cmd: Command, positionals: string[], values: Record<string, unknown> = {}, cwd = '/') {
  let stdout = '';
  let stderr = '';
  const out: Out = { write: (t) => void (stdout += t), error: (t) => void (stderr += t), color: false };
  const code = await cmd.run({ values, positionals, out, cwd });
  return { code, stdout, stderr };
}

const newAdr = makeNewCommand(clock);
const init = makeInitCommand(clock);
const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

describe('lore new adr', () => {
  it('MADR (flask-madr): next number, front matter, and the superseded record updated in its front matter', async () => {
    const root = copyRepo('flask-madr');
    const r = await run(newAdr, ['adr', 'Move orders to their own schema'], { supersedes: '2' }, root);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('docs/adr/0003-move-orders-to-their-own-schema.md\n');
    expect(r.stderr).toBe('updated docs/adr/0002-use-flask-migrate.md: now superseded by 0003-move-orders-to-their-own-schema.md\n');
    expect(read(root, 'docs/adr/0003-move-orders-to-their-own-schema.md')).toMatch(/^---\nstatus: proposed\ndate: 2025-05-06\nsupersedes: ADR-0002\n---\n\n# Move orders to their own schema\n/);
    expect(read(root, 'docs/adr/0002-use-flask-migrate.md')).toMatch(/^---\nstatus: "superseded by ADR-0003"\ndate: 2024-01-20\ndecision-makers: \[Ana\]\nsuperseded-by: ADR-0003\n---\n/);
    const k = loadKnowledge(root);
    const byId = new Map(k.adrs.map((a) => [a.id, a]));
    expect(byId.get('0002-use-flask-migrate')!.status).toBe('superseded');
    expect(k.links).toContainEqual(expect.objectContaining({ from: 'adr:0003-move-orders-to-their-own-schema', to: 'adr:0002-use-flask-migrate', kind: 'supersedes' }));
    expect(k.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('Nygard (adr-tools): numbered title, Status section, both records linked', async () => {
    const root = copyRepo('adr-tools');
    const r = await run(newAdr, ['adr', 'Use SQLite for tests'], { supersedes: '0002-use-postgresql.md' }, root);
    expect(r.code).toBe(0);
    const text = read(root, 'architecture/records/0003-use-sqlite-for-tests.md');
    expect(text).toMatch(/^# 3\. Use SQLite for tests\n\nDate: 2025-05-06\n\n## Status\n\nProposed\n\nSupersedes \[ADR-0002\]\(0002-use-postgresql\.md\)\n/);
    expect(read(root, 'architecture/records/0002-use-postgresql.md')).toContain('## Status\n\nSuperseded by [ADR-0003](0003-use-sqlite-for-tests.md)\n');
    const k = loadKnowledge(root);
    expect(k.adrs.find((a) => a.number === 2)!.supersededBy).toEqual(['0003-use-sqlite-for-tests']);
  });

  it('Log4brains: today-dated file name and bullets; a package folder with --adrs', async () => {
    const root = copyRepo('log4brains');
    const r = await run(newAdr, ['adr', 'Keep raw readings for 90 days'], { supersedes: '20240212-store-readings-in-postgresql' }, root);
    expect(r.stdout).toBe('docs/adr/20250506-keep-raw-readings-for-90-days.md\n');
    expect(read(root, 'docs/adr/20250506-keep-raw-readings-for-90-days.md')).toMatch(/^# Keep raw readings for 90 days\n\n- Status: proposed\n- Date: 2025-05-06\n- Supersedes: \[Store sensor readings in PostgreSQL\]\(20240212-store-readings-in-postgresql\.md\)\n/);
    expect(read(root, 'docs/adr/20240212-store-readings-in-postgresql.md')).toContain('- Status: superseded by [Keep raw readings for 90 days](20250506-keep-raw-readings-for-90-days.md)\n');
    const again = await run(newAdr, ['adr', 'Keep raw readings for 90 days'], {}, root);
    expect(again.stdout).toBe('docs/adr/20250506-keep-raw-readings-for-90-days-2.md\n');
    const pkg = await run(newAdr, ['adr', 'Sample every ten seconds'], { adrs: ['packages/sensors/adr'] }, root);
    expect(pkg.stdout).toBe('packages/sensors/adr/20250506-sample-every-ten-seconds.md\n');
  });

  it('a folder of adr-NNN files keeps that scheme; --format overrides the detected format; nothing is clobbered', async () => {
    const root = tempRepo({ 'docs/decisions/adr-001-first.md': '# ADR 001: First\n\n## Status\n\nAccepted\n', 'docs/decisions/adr-002-second.md': '# ADR 002: Second\n\n## Status\n\nAccepted\n' });
    const r = await run(newAdr, ['adr', 'Third', root], { format: 'madr' });
    expect(r.stdout.trim()).toBe(join(root, 'docs/decisions/adr-003-third.md').slice(1)); // shown relative to the cwd /
    expect(read(root, 'docs/decisions/adr-003-third.md').startsWith('---\nstatus: proposed\n')).toBe(true);
    const next = await run(newAdr, ['adr', 'Third'], {}, root);
    expect(next.stdout).toBe('docs/decisions/adr-004-third.md\n');
    expect(read(root, 'docs/decisions/adr-003-third.md').startsWith('---\nstatus: proposed\n')).toBe(true);
  });

  it('creates docs/adr when there is no ADR folder, and refuses bad usage', async () => {
    const root = tempRepo({ 'README.md': '# x\n' });
    expect((await run(newAdr, ['adr', 'First'], {}, root)).stdout).toBe('docs/adr/0001-first.md\n');
    await expect(run(newAdr, ['rule', 'x', root])).rejects.toThrow(UsageError);
    await expect(run(newAdr, ['adr'])).rejects.toThrow(/give the decision a title/);
    await expect(run(newAdr, ['adr', 'x', root], { format: 'y-statements' })).rejects.toThrow(/--format must be one of madr, nygard, log4brains/);
    await expect(run(newAdr, ['adr', 'x', root], { supersedes: '9' })).rejects.toThrow(/no record in docs\/adr matches --supersedes 9/);
  });
});

describe('lore init', () => {
  it('on an empty repository: docs/adr with a template and a first record, the next steps and a CI job', async () => {
    const root = tempRepo({ 'README.md': '# app\n' });
    const r = await run(init, [root]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(root, 'docs/adr')).sort()).toEqual(['0001-record-architecture-decisions.md', 'template.md']);
    expect(readdirSync(root).sort()).toEqual(['README.md', 'docs']); // no configuration needed
    expect(r.stdout).toContain('Wrote:\n  docs/adr/template.md\n  docs/adr/0001-record-architecture-decisions.md\n');
    expect(r.stdout).toContain('npx lore check');
    expect(r.stdout).toContain('npx lore bundle --check');
    const k = loadKnowledge(root);
    expect(k.adrs.map((a) => [a.file, a.status, a.date])).toEqual([['docs/adr/0001-record-architecture-decisions.md', 'accepted', '2025-05-06']]);
    expect(k.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('on a repository with everything present: writes nothing and says what it found where', async () => {
    const root = copyRepo('flask-madr');
    const before = JSON.stringify(snapshot(root));
    const r = await run(init, [root]);
    expect(JSON.stringify(snapshot(root))).toBe(before);
    expect(r.stdout).toContain('Wrote nothing');
    expect(r.stdout).toContain('  migrations migrations         migrations/alembic.ini next to env.py and versions/ (Flask-Migrate layout)\n');
  });

  it('writes lore.config.json for a source discovery would not find, and never overwrites one', async () => {
    const root = tempRepo({ 'handbook/database.md': '# Rules\n\n- DB-001: x\n' });
    await run(init, [root], { rules: [join(root, 'handbook/database.md')] });
    expect(JSON.parse(read(root, 'lore.config.json'))).toEqual({ sources: { rules: 'handbook/database.md' } });
    expect(loadKnowledge(root).rules.map((f) => f.path)).toEqual(['handbook/database.md']);
    const again = await run(init, [root], { rules: [join(root, 'handbook/database.md')], docs: [join(root, 'handbook')] });
    expect(JSON.parse(read(root, 'lore.config.json'))).toEqual({ sources: { rules: 'handbook/database.md' } });
    expect(again.stdout).toContain('add them to lore.config.json');
  });
});

function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), r);
      else out[r] = readFileSync(join(dir, e.name), 'utf8');
    }
  };
  walk(root, '');
  return out;
}

describe('the CLI on repositories with no configuration', () => {
  it.each(['flask-madr', 'backend-subfolder', 'two-envs', 'adr-tools', 'log4brains'])('%s: lore check passes and inspect says what it found', (name) => {
    const check = lore(['check', repoPath(name)], '/');
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const inspect = lore(['inspect', repoPath(name)], '/');
    expect(inspect.stdout).toMatch(/^Sources:\n {2}found {6}adrs {7}/);
    expect(inspect.stdout).toMatch(/^ {2}found {6}migrations /m);
  });

  it('inspect lists what was looked for and not found, with the reason', () => {
    const r = lore(['inspect', repoPath('backend-subfolder')], '/');
    expect(r.stdout).toContain('  not found  docs       docs                       no Markdown pages outside docs/decisions\n');
    expect(r.stdout).toContain('  not found  docs       looked for content/docs\n');
  });

  it('a broken configuration is a usage error that names the key; --config reads another file', () => {
    const root = tempRepo({ 'lore.config.json': '{ "sources": { "adr": "docs/adr" } }', 'alt.json': '{ "sources": { "adrs": "records" } }', 'records/0001-x.md': '# 1. X\n\nStatus: accepted\n' });
    const bad = lore(['check', root], '/');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('lore.config.json: unknown key sources.adr: did you mean sources.adrs?');
    const alt = lore(['inspect', root, '--config', join(root, 'alt.json')], '/');
    expect(alt.code).toBe(0);
    expect(alt.stdout).toContain('Sources (configuration: alt.json):\n  found      adrs       records');
  });
});
