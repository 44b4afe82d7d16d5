// The site and the agent bundle do not depend on where or how they are built: two copies of the
// demo, written in opposite orders with different timestamps, built under different time zones,
// locales and working folders, give byte-identical `dist/` trees (Pagefind's index included),
// byte-identical bundles, and none of them mentions the folders it was built in.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTrees, firstDifference, tree } from './compare.ts';
import { copyDemo, demo, demoFiles, run, SOURCES, type RunResult, type Variant } from './copies.ts';

// The demo's build reads its sources and its title from lore.config.json, the migrations from
// the alembic.ini folder.
const PARTS = [...SOURCES, 'content/migrations', 'lore.config.json'];

interface Build {
  variant: Variant;
  /** `lore build --out`. */
  site: string;
  /** `lore build --bundle-dir`. */
  bundle: string;
  /** Files `lore bundle` wrote into the copy (relative path → bytes). */
  cliBundle: Map<string, Buffer>;
  cliBundleRun: RunResult;
  /** Folders whose absolute path must not appear in any output. */
  private: string[];
}

/** The text of a file as it can leak a path: gzip (Pagefind's index) is unpacked first. */
function searchable(file: string): string {
  const raw = readFileSync(file);
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      return gunzipSync(raw).toString('latin1');
    } catch {
      return raw.toString('latin1');
    }
  }
  return raw.toString('latin1');
}

let builds: Build[] = [];

function buildVariant(order: 'forward' | 'reverse', cwdOf: (root: string) => string, env: Record<string, string>): Build {
  const root = copyDemo(order, PARTS);
  const out = mkdtempSync(join(tmpdir(), `lore-determinism-out-${order}-`));
  const variant: Variant = { root, cwd: cwdOf(root), env };
  const site = join(out, 'site');
  const bundle = join(out, 'bundle');
  const r = run(['build', '--out', site, '--bundle-dir', bundle, '--fresh', '--quiet'], variant, { sources: false, timeout: 600_000 });
  if (r.code !== 0) throw new Error(`lore build (${order}) failed (exit ${r.code}):\n${`${r.stdout}\n${r.stderr}`.slice(-4000)}`);
  // `lore bundle` writes next to the sources: what it wrote is every file the copy did not have.
  const before = new Set(demoFiles(PARTS));
  const cliBundleRun = run(['bundle'], variant, { sources: false });
  const cliBundle = new Map(tree(root).filter((f) => !before.has(f)).map((f) => [f, readFileSync(join(root, f))] as const));
  return { variant, site, bundle, cliBundle, cliBundleRun, private: [root, out, variant.cwd] };
}

beforeAll(() => {
  builds = [
    buildVariant('forward', (root) => root, { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' }),
    buildVariant('reverse', () => mkdtempSync(join(tmpdir(), 'lore-determinism-cwd-')), { TZ: 'Pacific/Chatham', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', LANGUAGE: 'de' }),
  ];
}, 1_500_000);

afterAll(() => {
  for (const p of builds.flatMap((x) => x.private)) if (p !== tmpdir()) rmSync(p, { recursive: true, force: true });
});

describe('determinism of the site and the bundle', () => {
  it('the two builds write the same files', () => {
    const [a, b] = builds as [Build, Build];
    const fa = tree(a.site);
    expect(fa.length).toBeGreaterThan(100);
    expect(fa).toContain('pagefind/pagefind-entry.json');
    expect(fa).toContain('llms.txt');
    expect(tree(b.site)).toEqual(fa);
  });

  it('every file of the two sites is byte-identical, Pagefind index included', () => {
    const [a, b] = builds as [Build, Build];
    const diff = compareTrees(a.site, b.site);
    expect(diff, diff ?? '').toBeNull();
  });

  it('the agent bundles written by the two builds are byte-identical', () => {
    const [a, b] = builds as [Build, Build];
    expect(tree(a.bundle)).toEqual(expect.arrayContaining(['CLAUDE.md', 'AGENTS.md']));
    const diff = compareTrees(a.bundle, b.bundle);
    expect(diff, diff ?? '').toBeNull();
  });

  it('`lore bundle` writes byte-identical files for both copies', () => {
    const [a, b] = builds as [Build, Build];
    for (const x of [a, b]) {
      expect(x.cliBundleRun.stderr).toBe('');
      expect(x.cliBundleRun.code).toBe(0);
    }
    expect(a.cliBundleRun.stdout).toBe(b.cliBundleRun.stdout);
    expect([...a.cliBundle.keys()]).toEqual(expect.arrayContaining(['CLAUDE.md', 'AGENTS.md']));
    expect([...b.cliBundle.keys()]).toEqual([...a.cliBundle.keys()]);
    for (const [path, bytes] of a.cliBundle) {
      const other = b.cliBundle.get(path)!;
      expect(bytes.equals(other), bytes.equals(other) ? '' : firstDifference(path, bytes, other)).toBe(true);
    }
  });

  it('no output mentions the folders it was built in or Lore\'s own folder', () => {
    const leaks: string[] = [];
    // The copies, the output and working folders, and Lore's own folder.
    const secrets = [...builds.flatMap((x) => x.private), demo.replace(/\/+$/, '')].filter((p) => p !== tmpdir());
    for (const x of builds) {
      const files = [...tree(x.site).map((f) => join(x.site, f)), ...tree(x.bundle).map((f) => join(x.bundle, f)), ...[...x.cliBundle.keys()].map((f) => join(x.variant.root, f))];
      for (const file of files) {
        const text = searchable(file);
        for (const s of secrets) if (text.includes(s)) leaks.push(`${file} contains ${s}`);
      }
    }
    expect(builds.every((x) => existsSync(x.site))).toBe(true);
    expect(leaks.slice(0, 10)).toEqual([]);
  });
});
