// The CLI keeps what it parsed in [root]/.lore-cache (or $LORE_CACHE_DIR) unless --no-cache.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const demo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(demo, 'bin/lore.mjs');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function copy(): string {
  const root = mkdtempSync(join(tmpdir(), 'lore-cli-cache-'));
  made.push(root);
  for (const part of ['adr', 'rules', 'content', 'lore.config.json']) cpSync(join(demo, part), join(root, part), { recursive: true });
  return root;
}

function lore(args: string[], env: Record<string, string | undefined> = {}) {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: demo, encoding: 'utf8', env: merged });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lore parse cache (CLI)', () => {
  it('writes .lore-cache with a .gitignore, and gives the same output on the next run', () => {
    const root = copy();
    const first = lore(['inspect', root, '--json'], { LORE_CACHE_DIR: undefined });
    expect(first.code).toBe(0);
    expect(readFileSync(join(root, '.lore-cache', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    const stored = readFileSync(join(root, '.lore-cache', 'parsed.jsonl'), 'utf8').trim().split('\n').slice(1);
    const model = JSON.parse(first.stdout) as { migrations: { revisions: unknown[] }[]; adrs: unknown[]; rules: unknown[] };
    // One entry per migration, ADR and rules file.
    expect(stored.length).toBe(model.migrations[0]!.revisions.length + model.adrs.length + model.rules.length);
    const second = lore(['inspect', root, '--json'], { LORE_CACHE_DIR: undefined });
    expect(second.stdout).toBe(first.stdout);
    expect(lore(['check', root, '--format', 'json'], { LORE_CACHE_DIR: undefined }).stdout).toBe(lore(['check', root, '--format', 'json', '--no-cache']).stdout);
    // The cache is not an input of the model.
    expect(second.stdout).not.toContain('.lore-cache');
  });

  it('writes nothing with --no-cache, and uses $LORE_CACHE_DIR when set', () => {
    const root = copy();
    expect(lore(['check', root, '--no-cache'], { LORE_CACHE_DIR: undefined }).code).toBe(0);
    expect(existsSync(join(root, '.lore-cache'))).toBe(false);
    const elsewhere = mkdtempSync(join(tmpdir(), 'lore-cache-dir-'));
    made.push(elsewhere);
    expect(lore(['bundle', root, '--check'], { LORE_CACHE_DIR: elsewhere }).code).not.toBe(2);
    expect(existsSync(join(elsewhere, 'parsed.jsonl'))).toBe(true);
    expect(existsSync(join(root, '.lore-cache'))).toBe(false);
  });
});
