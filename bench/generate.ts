// Generates the synthetic benchmark repository, laid out like the demo:
//   adr/                          1,000 × scale decision records (MADR 4, Nygard, log4brains)
//   rules/                        20 rule files, 10–20 rules each (DB-0NN, RNN-MMM labels)
//   content/migrations/versions/  3,000 × scale Alembic revisions over ~300 × scale tables
//   content/docs/                 a few guide pages
// The same scale and seed always give byte-identical files.
//
// CLI: npx node bench/generate.ts --scale 1 --out bench/repo/x1 [--seed 1]
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng } from '../tests/differential/random.ts';
import { generateAdrs } from './gen/adrs.ts';
import { generateDocs } from './gen/docs.ts';
import { generateMigrations } from './gen/migrations.ts';
import { generateRules } from './gen/rules.ts';
import { TABLE_MIDDLES, TABLE_NOUNS, TABLE_PREFIXES } from './gen/words.ts';

/** Bump when the output changes, so bench/run.mjs regenerates stale repositories. */
export const GENERATOR_VERSION = 1;
export const STAMP = 'bench-repo.json';

export interface RepoFile {
  path: string;
  text: string;
}

export interface RepoStamp {
  generator: number;
  scale: number;
  seed: number;
  counts: { adrs: number; ruleFiles: number; rules: number; migrations: number; tables: number; docs: number };
}

function tableNames(seed: number, count: number): string[] {
  const rng = createRng(seed);
  const pairs = rng.shuffle(TABLE_PREFIXES.flatMap((p) => TABLE_NOUNS.map((n) => `${p}_${n}`)));
  const triples = rng.shuffle(TABLE_PREFIXES.flatMap((p) => TABLE_MIDDLES.flatMap((m) => TABLE_NOUNS.map((n) => `${p}_${m}_${n}`))));
  const all = [...pairs, ...triples];
  if (count > all.length) throw new Error(`at most ${all.length} distinct table names`);
  return all.slice(0, count);
}

export function generateRepo(scale: number, seed = 1): { files: RepoFile[]; stamp: RepoStamp } {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, got ${scale}`);
  // Each part has its own stream, so a change in one part does not reshuffle the others.
  const stream = (part: number) => createRng((seed * 7919 + part * 104_729 + scale * 15_485_863) >>> 0);
  const tables = tableNames(seed, 300 * scale);
  const rules = generateRules(stream(1), tables);
  const adrs = generateAdrs(stream(2), 1000 * scale, tables, rules);
  const migrations = generateMigrations(stream(3), 3000 * scale, tables, adrs.citable, rules.labels);
  const docs = generateDocs(stream(4), tables, adrs.citable, rules.labels);
  const files = [...rules.files, ...adrs.files, ...migrations, ...docs];
  const stamp: RepoStamp = {
    generator: GENERATOR_VERSION,
    scale,
    seed,
    counts: {
      adrs: adrs.files.length,
      ruleFiles: rules.files.length,
      rules: rules.labels.length,
      migrations: migrations.length,
      tables: tables.length,
      docs: docs.length,
    },
  };
  return { files, stamp };
}

/** Writes the repository into `out`, replacing an earlier generated one (never any other folder). */
export function writeRepo(out: string, files: RepoFile[], stamp: RepoStamp): void {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, STAMP))) throw new Error(`${out} is not empty and holds no ${STAMP}: refusing to overwrite it`);
    rmSync(out, { recursive: true, force: true });
  }
  const dirs = new Set(files.map((f) => dirname(join(out, f.path))));
  for (const d of dirs) mkdirSync(d, { recursive: true });
  for (const f of files) writeFileSync(join(out, f.path), f.text);
  // Written last: its presence means the repository is complete.
  writeFileSync(join(out, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const scale = Number(values.scale);
  const out = resolve(values.out ?? `bench/repo/x${scale}`);
  const started = performance.now();
  const { files, stamp } = generateRepo(scale, Number(values.seed));
  writeRepo(out, files, stamp);
  const c = stamp.counts;
  process.stdout.write(
    `generated ${out} (scale ${scale}) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${c.adrs} ADRs, ${c.ruleFiles} rule files (${c.rules} rules), ${c.migrations} migrations over ${c.tables} tables, ${c.docs} docs\n`,
  );
}
