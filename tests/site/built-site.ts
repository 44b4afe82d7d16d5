// Built sites for the tests, shared between test files and runs: each is built once with
// `lore build` (a child process) into a temp folder named after a hash of everything that can
// change it (Lore's sources, the input repository, the options). A lock keeps two test files
// from building the same site at the same time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGED_ROOT, pagedRepo } from './fixtures/paged/generate.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteSpec {
  /** Input repository. */
  root: string;
  base?: string;
  title?: string;
  /** Writes a generated input repository before the build (its files are part of the cache key). */
  prepare?: () => void;
}

export const SITES = {
  demo: { root: REPO, title: 'Ledgerly' },
  'demo-base': { root: REPO, base: '/handbook/', title: 'Ledgerly' },
  hostile: { root: join(REPO, 'tests/site/fixtures/hostile'), title: '<script>alert("site-title")</script> Hostile' },
  // Repositories laid out like real projects, read with no configuration (issue 6).
  'repo-flask-madr': { root: join(REPO, 'tests/fixtures/repos/flask-madr') },
  'repo-backend-subfolder': { root: join(REPO, 'tests/fixtures/repos/backend-subfolder') },
  'repo-two-envs': { root: join(REPO, 'tests/fixtures/repos/two-envs') },
  'repo-adr-tools': { root: join(REPO, 'tests/fixtures/repos/adr-tools') },
  'repo-log4brains': { root: join(REPO, 'tests/fixtures/repos/log4brains') },
  // 600 migrations and some 350 audit entries: several pages of each listing (generated).
  paged: { root: PAGED_ROOT, title: 'Paged', prepare: () => void pagedRepo() },
} satisfies Record<string, SiteSpec>;

export interface BuiltSite {
  outDir: string;
  base: string;
  root: string;
  /** What `lore build` printed. */
  log: string;
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string, base: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const abs = join(dir, name);
    const st = statSync(abs);
    if (st.isDirectory()) hashTree(hash, abs, base);
    else {
      hash.update(relative(base, abs));
      hash.update(readFileSync(abs));
    }
  }
}

function keyOf(spec: SiteSpec): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(spec));
  for (const d of ['src', 'bin']) hashTree(hash, join(REPO, d), REPO);
  hash.update(readFileSync(join(REPO, 'package.json')));
  const inputs = spec.root === REPO ? ['adr', 'rules', 'content'].map((d) => join(REPO, d)) : [spec.root];
  for (const d of inputs) hashTree(hash, d, spec.root);
  return hash.digest('hex').slice(0, 16);
}

/** The environment for a child `lore` process, without what the test runner sets (NODE_ENV=test, VITEST…). */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [k, v] of Object.entries(process.env)) if (k !== 'NODE_ENV' && !k.startsWith('VITEST') && k !== 'TEST') env[k] = v;
  return env;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function builtSite(name: keyof typeof SITES): BuiltSite {
  const spec: SiteSpec = SITES[name];
  spec.prepare?.();
  const dir = join(tmpdir(), 'lore-test-sites', `${name}-${keyOf(spec)}`);
  const outDir = join(dir, 'site');
  const done = join(dir, 'complete.json');
  const lock = `${dir}.lock`;
  const result = (): BuiltSite => ({ outDir, base: spec.base ?? '/', root: spec.root, log: (JSON.parse(readFileSync(done, 'utf8')) as { log: string }).log });
  if (existsSync(done)) return result();
  mkdirSync(join(tmpdir(), 'lore-test-sites'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(done)) return result();
      // A lock older than 10 minutes belongs to a build that died.
      if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      sleep(500);
    }
  }
  try {
    if (existsSync(done)) return result();
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const args = [join(REPO, 'bin/lore.mjs'), 'build', spec.root, '--out', outDir, '--site', 'https://lore.example', '--bundle-dir', join(outDir, 'bundle')];
    if (spec.base) args.push('--base', spec.base);
    if (spec.title) args.push('--title', spec.title);
    const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: cleanEnv() });
    const log = `${r.stdout}\n${r.stderr}`;
    if (r.status !== 0) throw new Error(`lore build ${name} failed (exit ${r.status}):\n${log.slice(-4000)}`);
    writeFileSync(done, JSON.stringify({ log }));
    return result();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Every file below `dir` with one of the extensions, as paths relative to `dir` with `/`. */
export function filesIn(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (name.endsWith(ext)) out.push(relative(dir, abs).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}
