import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/lore.mjs', import.meta.url));
const fixture = fileURLToPath(new URL('../core/fixtures/linked', import.meta.url));

describe('lore check --changed-since', () => {
  it('audits only new or changed migrations and flags edits to released ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lore-changed-'));
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, 'lore.config.json'), JSON.stringify({ sources: { adrs: 'adr', rules: 'rules', docs: 'docs', migrations: 'versions' } }));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
    // Edit the released migration; b2b2 (rename findings) is unchanged and must not be audited.
    const a = join(dir, 'versions/a1a1a1a1a1a1_create_accounts.py');
    writeFileSync(a, readFileSync(a, 'utf8').replace("sa.String(50)", 'sa.String(60)'));
    const r = spawnSync(process.execPath, [bin, 'check', '--changed-since', 'HEAD', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    const out = JSON.parse(r.stdout) as { findings: { path: string }[]; diagnostics: { code: string; path: string | null }[] };
    expect(r.status).toBe(1);
    expect(out.findings.every((f) => f.path === 'versions/a1a1a1a1a1a1_create_accounts.py')).toBe(true);
    expect(out.diagnostics.some((d) => d.code === 'migration/edited-after-release' && d.path === 'versions/a1a1a1a1a1a1_create_accounts.py')).toBe(true);
    const full = spawnSync(process.execPath, [bin, 'check', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect((JSON.parse(full.stdout) as { findings: { path: string }[] }).findings.some((f) => f.path.includes('b2b2b2b2b2b2'))).toBe(true);
  });
});
