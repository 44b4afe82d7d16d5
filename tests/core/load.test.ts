import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadKnowledge, loadKnowledgeParallel } from '../../src/core/load.ts';
import { minFilesForWorkers, parseInWorker, runJob, takeJobs, type ParseJob, type ParseOutcome } from '../../src/core/alembic/parse-pool.ts';
import { FileParseCache } from '../../src/core/parse-cache.ts';
import { CountingCache } from './counting-cache.ts';
import { knowledgeJson } from '../../src/core/json.ts';

const demo = fileURLToPath(new URL('../..', import.meta.url));

describe('loadKnowledge', () => {
  it('reads the demo with every source found and no errors', () => {
    const k = loadKnowledge(demo);
    expect(k.sources.every((s) => s.found)).toBe(true);
    expect(k.adrs.length).toBeGreaterThanOrEqual(8);
    expect(k.migrations[0]!.revisions.length).toBe(39);
    expect(k.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('gives the same model in worker threads as on one thread, on a repository large enough to use them', async () => {
    const { dir, n } = chain(minFilesForWorkers + 50);
    const one = knowledgeJson(loadKnowledge(dir));
    const many = knowledgeJson(await loadKnowledgeParallel(dir));
    expect(many).toEqual(one);
    expect(one.migrations[0]!.revisions.length).toBe(n);
  });

  it('stores what the workers parse under the keys a later run looks up', async () => {
    const { dir, n } = chain(minFilesForWorkers + 20);
    const cacheDir = join(dir, '.lore-cache');
    const first = new CountingCache(new FileParseCache(cacheDir));
    const plain = knowledgeJson(loadKnowledge(dir));
    expect(knowledgeJson(await loadKnowledgeParallel(dir, { cache: first }))).toEqual(plain);
    // Workers worked out the migrations' keys: nothing was looked up in the empty cache for them.
    expect([first.gets, first.sets]).toEqual([0, n]);
    expect(first.inner.save()).toBe(true);
    const second = new CountingCache(new FileParseCache(cacheDir));
    expect(knowledgeJson(await loadKnowledgeParallel(dir, { cache: second }))).toEqual(plain);
    expect([second.gets, second.hits, second.sets]).toEqual([n, n, 0]);
  });
});

describe('parser workers', () => {
  it('start, parse every job they are given, and answer with the same results as this thread', async () => {
    const versions = join(demo, 'content/migrations/versions');
    const jobs: ParseJob[] = readdirSync(versions)
      .filter((name) => name.endsWith('.py'))
      .sort()
      .map((name) => ({ entry: { real: join(versions, name), shown: name }, key: true }));
    const result = await parseInWorker(jobs);
    expect(result.filter((_, i) => i % 2 === 0)).toEqual(jobs.map((_, i) => i));
    // A worker sends keyed parses as JSON text, ready for the cache.
    const outcomes = result.filter((_, i) => i % 2 === 1) as ParseOutcome[];
    expect(outcomes.every((o) => 'json' in o)).toBe(true);
    expect(outcomes.map((o) => ('json' in o ? { parsed: JSON.parse(o.json), key: o.key } : o))).toEqual(jobs.map(runJob));
  });

  it('takes only the jobs no other thread has taken, each once', () => {
    const jobs: ParseJob[] = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ entry: { real: join(tmpdir(), `missing-${name}.py`), shown: `${name}.py` } }));
    const next = new Int32Array(new SharedArrayBuffer(4));
    next[0] = 3; // another thread took jobs 0–2
    const out = takeJobs(jobs, next);
    expect(out.filter((_, i) => i % 2 === 0)).toEqual([3, 4]);
    expect(out[1]).toEqual({ parsed: { unreadable: expect.stringContaining('could not be read'), shown: 'd.py' } });
    expect(takeJobs(jobs, next)).toEqual([]);
  });
});

/** A linear chain of `n` copies of the demo's first migration in a fresh repository. */
function chain(n: number): { dir: string; n: number } {
  const dir = mkdtempSync(join(tmpdir(), 'lore-parallel-'));
  const versions = join(dir, 'content/migrations/versions');
  mkdirSync(versions, { recursive: true });
  const template = readFileSync(join(demo, 'content/migrations/versions', readdirSync(join(demo, 'content/migrations/versions'))[0]!), 'utf8');
  for (let i = 0; i < n; i++) {
    const id = `r${String(i).padStart(5, '0')}`;
    const parent = i === 0 ? 'None' : `'r${String(i - 1).padStart(5, '0')}'`;
    const body = template.replace(/^revision\b.*$/m, `revision = '${id}'`).replace(/^down_revision\b.*$/m, `down_revision = ${parent}`);
    writeFileSync(join(versions, `${id}_step.py`), body);
  }
  return { dir, n };
}

