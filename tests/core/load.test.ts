import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadKnowledge, loadKnowledgeParallel } from '../../src/core/load.ts';
import { minFilesForWorkers } from '../../src/core/alembic/parse-pool.ts';
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
    // Copy the demo's migrations into enough files to cross the worker threshold: a linear chain.
    const dir = mkdtempSync(join(tmpdir(), 'lore-parallel-'));
    const versions = join(dir, 'content/migrations/versions');
    mkdirSync(versions, { recursive: true });
    const template = readFileSync(join(demo, 'content/migrations/versions', readdirSync(join(demo, 'content/migrations/versions'))[0]!), 'utf8');
    const n = minFilesForWorkers + 50;
    for (let i = 0; i < n; i++) {
      const id = `r${String(i).padStart(5, '0')}`;
      const parent = i === 0 ? 'None' : `'r${String(i - 1).padStart(5, '0')}'`;
      const body = template.replace(/^revision\b.*$/m, `revision = '${id}'`).replace(/^down_revision\b.*$/m, `down_revision = ${parent}`);
      writeFileSync(join(versions, `${id}_step.py`), body);
    }
    const one = knowledgeJson(loadKnowledge(dir));
    const many = knowledgeJson(await loadKnowledgeParallel(dir));
    expect(many).toEqual(one);
    expect(one.migrations[0]!.revisions.length).toBe(n);
  });
});
