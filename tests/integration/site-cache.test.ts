// The site reads files through the same parse cache as the CLI (unless `cache: false`).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { invalidateSites, loadSite } from '../../src/integration/site.ts';
import { resolveOptions } from '../../src/integration/options.ts';
import { knowledgeJson } from '../../src/core/json.ts';

const demo = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  invalidateSites();
});

function copy(): string {
  const root = mkdtempSync(join(tmpdir(), 'lore-site-cache-'));
  made.push(root);
  for (const part of ['adr', 'rules', 'content', 'lore.config.json']) cpSync(join(demo, part), join(root, part), { recursive: true });
  return root;
}

describe('site parse cache', () => {
  it('writes [root]/.lore-cache on load and reads the same model from it', () => {
    const saved = process.env.LORE_CACHE_DIR;
    delete process.env.LORE_CACHE_DIR;
    try {
      const root = copy();
      const first = loadSite(resolveOptions({ root }, root), '/');
      const stored = readFileSync(join(root, '.lore-cache', 'parsed.jsonl'), 'utf8').trim().split('\n').slice(1);
      const k = first.knowledge;
      expect(stored).toHaveLength(k.migrations[0]!.revisions.length + k.adrs.length + k.rules.length);
      invalidateSites(root);
      const second = loadSite(resolveOptions({ root }, root), '/');
      expect(second).not.toBe(first);
      expect(JSON.stringify(knowledgeJson(second.knowledge))).toBe(JSON.stringify(knowledgeJson(first.knowledge)));
    } finally {
      if (saved !== undefined) process.env.LORE_CACHE_DIR = saved;
    }
  });

  it('writes nothing with cache: false', () => {
    const root = copy();
    loadSite(resolveOptions({ root, cache: false }, root), '/');
    expect(existsSync(join(root, '.lore-cache'))).toBe(false);
  });
});
