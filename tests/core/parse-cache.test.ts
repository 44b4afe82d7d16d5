// The parse cache: the same model with and without it, only changed files parsed again, and a
// broken, foreign or unwritable cache never breaks a run.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FileParseCache, parseKey } from '../../src/core/parse-cache.ts';
import { CountingCache } from './counting-cache.ts';
import { loadKnowledge, loadKnowledgeParallel } from '../../src/core/load.ts';
import { knowledgeJson } from '../../src/core/json.ts';

const demo = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lore-parse-cache-'));
  made.push(dir);
  return dir;
}

/** A copy of the demo's sources. */
function demoCopy(): string {
  const root = tempDir();
  for (const part of ['adr', 'rules', 'content', 'lore.config.json']) cpSync(join(demo, part), join(root, part), { recursive: true });
  return root;
}

const json = (k: Parameters<typeof knowledgeJson>[0]): string => JSON.stringify(knowledgeJson(k));
const versions = 'content/migrations/versions';

describe('parse cache', () => {
  it('gives the same model as no cache, and on the second run parses nothing', async () => {
    const root = demoCopy();
    const cacheDir = join(root, '.lore-cache');
    const plain = json(loadKnowledge(root));

    const first = new CountingCache(new FileParseCache(cacheDir));
    const k = await loadKnowledgeParallel(root, { cache: first });
    expect(json(k)).toBe(plain);
    // Every migration, ADR and rules file parsed once, and stored. An empty cache is not asked
    // for migrations (each key is worked out where the file is parsed).
    const files = k.migrations[0]!.revisions.length + k.adrs.length + k.rules.length;
    expect(k.migrations[0]!.revisions.length).toBeGreaterThan(30);
    expect(first.misses).toBe(k.adrs.length + k.rules.length);
    expect(first.hits).toBe(0);
    expect(first.sets).toBe(files);
    expect(first.inner.save()).toBe(true);
    expect(readFileSync(join(cacheDir, '.gitignore'), 'utf8')).toMatch(/^\*$/m);

    const second = new CountingCache(new FileParseCache(cacheDir));
    expect(second.size).toBe(files);
    expect(json(await loadKnowledgeParallel(root, { cache: second }))).toBe(plain);
    expect(json(loadKnowledge(root, { cache: new FileParseCache(cacheDir) }))).toBe(plain);
    expect([second.hits, second.misses, second.sets]).toEqual([files, 0, 0]);
  });

  it('parses an edited file again, and forgets the old version on save', async () => {
    const root = demoCopy();
    const cacheDir = join(root, '.lore-cache');
    const warm = new FileParseCache(cacheDir);
    await loadKnowledgeParallel(root, { cache: warm });
    warm.save();
    const entries = (): string[] => readFileSync(join(cacheDir, 'parsed.jsonl'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(' ')[0]!);
    const before = entries();

    const file = join(root, versions, readdirSync(join(root, versions)).filter((n) => n.endsWith('.py')).sort()[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"""([^\n]*)/, '"""Edited message for the cache test'));
    const after = new CountingCache(new FileParseCache(cacheDir));
    const k = await loadKnowledgeParallel(root, { cache: after });
    expect([after.misses, after.sets]).toEqual([1, 1]);
    expect(k.migrations[0]!.revisions.some((r) => r.message === 'Edited message for the cache test')).toBe(true);
    expect(json(k)).toBe(json(loadKnowledge(root)));
    after.inner.save();
    const now = entries();
    expect(now.length).toBe(before.length);
    expect(now.filter((key) => !before.includes(key))).toHaveLength(1);
  });

  it('keys on the kind, the content and the context', () => {
    const bytes = new TextEncoder().encode('revision = "a"\n');
    const key = parseKey('migration', bytes, 'v/a.py', null);
    expect(parseKey('migration', new TextEncoder().encode('revision = "a"\n'), 'v/a.py', null)).toBe(key);
    expect(parseKey('migration', 'revision = "a"\n', 'v/a.py', null)).toBe(key);
    expect(parseKey('adr', bytes, 'v/a.py', null)).not.toBe(key);
    expect(parseKey('migration', new TextEncoder().encode('revision = "b"\n'), 'v/a.py', null)).not.toBe(key);
    expect(parseKey('migration', bytes, 'v/b.py', null)).not.toBe(key);
    expect(parseKey('migration', bytes, 'v/a.py', { X: 'y' })).not.toBe(key);
    expect(parseKey('migration', bytes, 'v/a.py', { X: 'y', A: 'b' })).toBe(parseKey('migration', bytes, 'v/a.py', { A: 'b', X: 'y' }));
  });

  it('hands out copies: what a caller changes is not what is saved', () => {
    const dir = tempDir();
    const cache = new FileParseCache(dir);
    const value = { list: [1, 2], name: 'x' };
    cache.set('k', value);
    value.list.push(3);
    cache.save();
    const again = new FileParseCache(dir);
    const copy = again.get('k') as typeof value;
    expect(copy).toEqual({ list: [1, 2], name: 'x' });
    copy.name = 'changed';
    expect(again.get('k')).toEqual({ list: [1, 2], name: 'x' });
  });

  it('treats a corrupt or foreign cache file as empty', async () => {
    const root = demoCopy();
    const cacheDir = join(root, '.lore-cache');
    const plain = json(loadKnowledge(root));
    const valid = (header: object): string => `${JSON.stringify(header)}\nkey {"revision":`;
    for (const content of ['{ not json', 'null\nkey {}', valid({ format: 2, fingerprint: 'another lore' }), valid({ format: 99 }), '\u0000\u0001binary']) {
      rmSync(cacheDir, { recursive: true, force: true });
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(join(cacheDir, 'parsed.jsonl'), content);
      const cache = new CountingCache(new FileParseCache(cacheDir));
      expect(cache.size).toBe(0);
      expect(json(await loadKnowledgeParallel(root, { cache }))).toBe(plain);
      expect(cache.hits).toBe(0);
    }
  });

  it('runs on when the cache cannot be written', async () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: use a path below a regular file instead.
      const root = demoCopy();
      const cache = new FileParseCache(join(root, 'lore.config.json', 'cache'));
      await loadKnowledgeParallel(root, { cache });
      expect(cache.save()).toBe(false);
      return;
    }
    const root = demoCopy();
    const locked = join(root, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const cache = new FileParseCache(join(locked, 'cache'));
    await loadKnowledgeParallel(root, { cache });
    expect(cache.save()).toBe(false);
    expect(existsSync(join(locked, 'cache'))).toBe(false);
  });
});
