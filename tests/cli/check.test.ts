import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/lore.mjs', import.meta.url));
const linked = fileURLToPath(new URL('../core/fixtures/linked', import.meta.url));

function lore(args: string[], cwd = repo) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lore check', () => {
  it('passes on the demo knowledge base', () => {
    const r = lore(['check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ 0 errors/);
  });

  it('fails on a broken fixture with path:line messages grouped by file', () => {
    const r = lore(['check', linked, '--adrs', `${linked}/adr`, '--rules', `${linked}/rules`, '--docs', `${linked}/docs`, '--migrations', `${linked}/versions`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('adr/0002-add-replicas.md:10  error  link/unresolved  ADR-0042 is mentioned');
    expect(r.stdout).toContain('versions/a1a1a1a1a1a1_create_accounts.py:8  error');
    expect(r.stdout).toMatch(/^docs\/guide\.md$/m);
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
  });

  it('prints JSON with --format json', () => {
    const r = lore(['check', linked, '--adrs', `${linked}/adr`, '--migrations', `${linked}/versions`, '--format', 'json']);
    const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string; path: string; line: number }[] };
    expect(out.ok).toBe(false);
    expect(out.diagnostics.some((d) => d.code === 'link/unresolved' && d.path === 'adr/0002-add-replicas.md' && d.line === 10)).toBe(true);
  });

  it('exits 2 on usage errors and on a missing explicit source', () => {
    expect(lore(['check', '--format', 'xml']).code).toBe(2);
    expect(lore(['check', '--nope']).code).toBe(2);
    expect(lore(['nonsense']).code).toBe(2);
    const missing = lore(['check', '--adrs', 'no/such/folder']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('config/missing-source');
  });
});

describe('lore inspect --json', () => {
  it('lists every input file of the demo with what became of it, and the model sections', () => {
    const r = lore(['inspect', '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout) as Record<string, unknown[]> & { inputs: { path: string; outcome: string }[] };
    for (const key of ['rules', 'adrs', 'migrations', 'tables', 'links', 'diagnostics', 'inputs']) expect(Array.isArray(m[key])).toBe(true);
    const paths = m.inputs.map((i) => i.path);
    expect(paths).toContain('adr/README.md');
    expect(paths).toContain('rules/DATABASE_RULES.md');
    expect(paths.filter((p) => p.startsWith('content/migrations/versions/')).length).toBe(39);
    expect(m.inputs.find((i) => i.path === 'adr/template.md')?.outcome).toBe('not-an-adr');
    expect(JSON.stringify(m)).not.toContain(repo); // repo-relative paths only
  });
});

describe('lore --help / --version', () => {
  it('prints help and the version', () => {
    expect(lore(['--help']).stdout).toMatch(/Usage: lore <command>/);
    expect(lore(['check', '--help']).stdout).toMatch(/--format text\|json/);
    expect(lore(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
