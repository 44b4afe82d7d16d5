// Differential test: `lore history <dir>` must print exactly what real `alembic history` prints,
// on the demo folder and on seeded random revision trees.
//
//   LORE_DIFF_CASES=200   number of random trees (default 40)
//   LORE_DIFF_SEED=1000   first seed (default 1); seeds are consecutive
//   LORE_REQUIRE_ALEMBIC=1  fail (instead of skip) when /usr/bin/python3 cannot import alembic
//   LORE_ALEMBIC_PYTHON=…   another python with alembic (default /usr/bin/python3)
//                          (implied by CI=true)
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alembicUnavailableReason, runAlembicHistory, type OracleResult } from './alembic-oracle.ts';
import { generateTree, writeTree } from './generate.ts';
import { createRng } from './random.ts';
import { generateMigrations } from '../../bench/gen/migrations.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LORE_BIN = join(ROOT, 'bin', 'lore.mjs');
const DEMO = join(ROOT, 'content', 'migrations', 'versions');
const CASES = Number(process.env.LORE_DIFF_CASES ?? 40);
const FIRST_SEED = Number(process.env.LORE_DIFF_SEED ?? 1);

const unavailable = alembicUnavailableReason();
const required = process.env.LORE_REQUIRE_ALEMBIC === '1' || process.env.CI === 'true';
if (unavailable !== null && !required) {
  console.warn(
    `[differential] lore-vs-alembic history tests SKIPPED: ${unavailable}. ` +
      'Install them with `apt-get install python3-alembic python3-sqlalchemy`; ' +
      'set LORE_REQUIRE_ALEMBIC=1 to make this a failure (CI does).',
  );
}

function runLoreHistory(dir: string, ...extra: string[]): Promise<OracleResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [LORE_BIN, 'history', dir, ...extra],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        done({ stdout, stderr, exitCode: code });
      },
    );
  });
}

/** A short pointer to the first line that differs, to read before the full diff. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) {
      return `first difference at output line ${i + 1}:\n  alembic: ${JSON.stringify(e[i] ?? '<no line>')}\n  lore:    ${JSON.stringify(a[i] ?? '<no line>')}`;
    }
  }
  return 'outputs are equal';
}

function mismatchMessage(what: string, lore: OracleResult, alembic: string, reproduce: string): string {
  const stderr = lore.stderr.trim() === '' ? '' : `\nlore stderr (exit ${lore.exitCode}):\n${lore.stderr.trim().slice(0, 2000)}`;
  return `${what}: lore history differs from alembic history\n${firstDifference(lore.stdout, alembic)}\nreproduce: ${reproduce}${stderr}\n`;
}

describe.skipIf(unavailable !== null && !required)('lore history vs real alembic history', () => {
  if (unavailable !== null) {
    it('needs real Alembic (LORE_REQUIRE_ALEMBIC=1)', () => {
      throw new Error(`real Alembic is required but ${unavailable}: install python3-alembic python3-sqlalchemy (apt-get install -y python3-alembic python3-sqlalchemy)`);
    });
    return;
  }

  it('on the demo folder content/migrations/versions', async () => {
    if (!existsSync(DEMO)) {
      throw new Error(`the demo folder ${DEMO} does not exist: the demo migrations must be in content/migrations/versions`);
    }
    const [alembic, lore] = await Promise.all([runAlembicHistory(DEMO), runLoreHistory(DEMO)]);
    expect(alembic.exitCode, `real alembic history failed on the demo folder:\n${alembic.stderr}`).toBe(0);
    expect(alembic.stdout.trim().length, 'alembic printed no history for the demo folder').toBeGreaterThan(0);
    expect(lore.stdout, mismatchMessage('demo folder', lore, alembic.stdout, 'npx node bin/lore.mjs history content/migrations/versions')).toBe(alembic.stdout);
  });

  it('on the benchmark generator\'s branch-and-merge graph (600 revisions)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lore-diff-bench-'));
    try {
      const tables = Array.from({ length: 60 }, (_, i) => `bench_table_${i}s`);
      const files = generateMigrations(createRng(99), 600, tables, [1, 2, 3], ['DB-001']);
      mkdirSync(join(dir, 'versions'));
      for (const f of files) writeFileSync(join(dir, 'versions', basename(f.path)), f.text);
      const versions = join(dir, 'versions');
      const [alembic, lore] = await Promise.all([runAlembicHistory(versions), runLoreHistory(versions)]);
      expect(alembic.exitCode, `real alembic failed on the benchmark graph:\n${alembic.stderr}`).toBe(0);
      expect(alembic.stdout.match(/ \(head\)/g)?.length, 'the benchmark graph must have exactly one head').toBe(1);
      expect(lore.stdout, mismatchMessage('benchmark graph', lore, alembic.stdout, 'generateMigrations(createRng(99), 600, …)')).toBe(alembic.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Each seed is its own concurrent test (vitest runs up to `maxConcurrency`, default 5, at once),
  // so a slow machine never hits one big hook timeout and every seed reports on its own.
  describe.concurrent(`on ${CASES} random revision trees (seeds ${FIRST_SEED}..${FIRST_SEED + CASES - 1})`, () => {
    const seeds = Array.from({ length: CASES }, (_, i) => FIRST_SEED + i);

    it.for(seeds)('seed %i', { timeout: 180_000 }, async (seed, { expect }) => {
      const dir = mkdtempSync(join(tmpdir(), `lore-diff-seed-${seed}-`));
      try {
        const tree = generateTree(seed);
        writeTree(tree, dir);
        const [alembic, lore, json] = await Promise.all([runAlembicHistory(dir), runLoreHistory(dir), runLoreHistory(dir, '--json')]);
        // The generator only makes valid graphs, so Alembic itself must succeed.
        expect(alembic.exitCode, `seed ${seed}: real alembic failed on a generated tree (generator bug):\n${alembic.stderr}`).toBe(0);
        const reproduce = `npx node tests/differential/generate.ts --seed ${seed} --out /tmp/lore-seed-${seed} && npx node bin/lore.mjs history /tmp/lore-seed-${seed}`;
        expect(lore.stdout, mismatchMessage(`seed ${seed} (${tree.revisions.length} revisions)`, lore, alembic.stdout, reproduce)).toBe(alembic.stdout);
        // --json carries the same entries: one historyLines string per printed entry.
        let parsed: { historyLines: string[]; history: string[] };
        try {
          parsed = JSON.parse(json.stdout) as typeof parsed;
        } catch {
          throw new Error(`seed ${seed}: lore history --json printed no JSON (exit ${json.exitCode}):\n${json.stderr.slice(0, 2000)}\nreproduce: ${reproduce} --json`);
        }
        const asText = parsed.historyLines.map((line) => `${line}\n`).join('');
        expect(asText, `seed ${seed}: --json historyLines differ from alembic history; reproduce: ${reproduce} --json`).toBe(alembic.stdout);
        expect(parsed.history.length, `seed ${seed}: --json history and historyLines differ in length`).toBe(parsed.historyLines.length);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
