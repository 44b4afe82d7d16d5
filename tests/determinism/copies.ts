// Copies of the demo repository for the determinism tests: written file by file in a chosen
// order with their own modification times, and `bin/lore.mjs` run on them under a chosen time
// zone, locale and working folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const demo = fileURLToPath(new URL('../..', import.meta.url));
export const bin = join(demo, 'bin/lore.mjs');

/** The demo's sources, in the order of the `--adrs`, `--rules`, `--docs`, `--migrations` options. */
export const SOURCES = ['adr', 'rules', 'content/docs', 'content/migrations/versions'];
const SOURCE_OPTIONS = ['--adrs', '--rules', '--docs', '--migrations'];

/** Every file of the given demo files and folders, relative to the demo, sorted. */
export function demoFiles(parts: readonly string[] = SOURCES): string[] {
  const out = new Set<string>();
  const visit = (rel: string): void => {
    if (!statSync(join(demo, rel)).isDirectory()) {
      out.add(rel);
      return;
    }
    for (const name of readdirSync(join(demo, rel))) visit(`${rel}/${name}`);
  };
  for (const p of parts) visit(p);
  return [...out].sort();
}

/** Copies the demo's files (`parts`: files and folders) one by one in the given order, each with its own modification time. */
export function copyDemo(order: 'forward' | 'reverse', parts: readonly string[] = SOURCES): string {
  const root = mkdtempSync(join(tmpdir(), `lore-determinism-${order}-`));
  const files = demoFiles(parts);
  if (order === 'reverse') files.reverse();
  files.forEach((rel, i) => {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, readFileSync(join(demo, rel)));
    const t = order === 'forward' ? 1_000_000_000 + i * 3600 : 1_700_000_000 - i * 86_400;
    utimesSync(abs, t, t);
  });
  return root;
}

export interface Variant {
  root: string;
  cwd: string;
  env: Record<string, string>;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `p` (relative to the variant's root) as the variant's working folder sees it. */
export function fromCwd(v: Variant, p: string): string {
  return relative(v.cwd, join(v.root, p)) || '.';
}

/**
 * Runs `lore <args> <root>` for the variant, the root given relative to its working folder;
 * with `sources`, the demo's sources follow as `--adrs/--rules/--docs/--migrations`. The test
 * runner's own variables (NODE_ENV=test, VITEST…) are not passed on.
 */
export function run(args: string[], v: Variant, options: { sources?: boolean; timeout?: number } = {}): RunResult {
  const sources = options.sources === false ? [] : SOURCES.flatMap((s, i) => [SOURCE_OPTIONS[i]!, fromCwd(v, s)]);
  const env: Record<string, string> = { NO_COLOR: '1' };
  for (const [k, value] of Object.entries(process.env)) if (value !== undefined && k !== 'NODE_ENV' && k !== 'TEST' && !k.startsWith('VITEST')) env[k] = value;
  Object.assign(env, v.env);
  const r = spawnSync(process.execPath, [bin, ...args, fromCwd(v, '.'), ...sources], {
    cwd: v.cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
