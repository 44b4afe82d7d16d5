// The model does not depend on where or how it is read: two copies of the demo, written in
// opposite orders with different timestamps, read under different time zones, locales and
// working folders, give byte-identical `lore inspect --json` and `lore check --format json`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const demo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(demo, 'bin/lore.mjs');
const SOURCES = ['adr', 'rules', 'content/docs', 'content/migrations/versions'];

function demoFiles(): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    for (const name of readdirSync(join(demo, rel))) {
      const child = `${rel}/${name}`;
      if (statSync(join(demo, child)).isDirectory()) visit(child);
      else out.push(child);
    }
  };
  for (const s of SOURCES) visit(s);
  return out.sort();
}

/** Copies the demo's sources file by file in the given order, each with its own modification time. */
function copyDemo(order: 'forward' | 'reverse'): string {
  const root = mkdtempSync(join(tmpdir(), `lore-determinism-${order}-`));
  const files = demoFiles();
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

interface Variant {
  root: string;
  cwd: string;
  env: Record<string, string>;
}

function run(args: string[], v: Variant): { code: number | null; stdout: string; stderr: string } {
  const rel = (p: string): string => relative(v.cwd, join(v.root, p)) || '.';
  const sources = SOURCES.flatMap((s, i) => [['--adrs', '--rules', '--docs', '--migrations'][i]!, rel(s)]);
  const env = { ...process.env, NO_COLOR: '1', ...v.env } as Record<string, string>;
  const r = spawnSync(process.execPath, [bin, ...args, rel('.'), ...sources], { cwd: v.cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('determinism of the model', () => {
  it('two copies, opposite creation order, different TZ, locale and working folder: byte-identical JSON', { timeout: 120_000 }, () => {
    const a = copyDemo('forward');
    const b = copyDemo('reverse');
    const variants: Variant[] = [
      { root: a, cwd: a, env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } },
      { root: b, cwd: join(b, 'content'), env: { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' } },
      { root: b, cwd: tmpdir(), env: { TZ: 'America/St_Johns', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', LANGUAGE: 'de' } },
    ];
    for (const args of [['inspect', '--json'], ['check', '--format', 'json']]) {
      const outputs = variants.map((v) => run(args, v));
      for (const o of outputs) {
        expect(o.stderr, args.join(' ')).toBe('');
        expect(o.code, args.join(' ')).toBe(0);
        expect(o.stdout.length).toBeGreaterThan(1000);
      }
      for (const o of outputs.slice(1)) expect(o.stdout === outputs[0]!.stdout, `${args.join(' ')} differs between variants`).toBe(true);
      // The repository's location never leaks into the output.
      for (const v of variants) expect(outputs[0]!.stdout).not.toContain(v.root);
    }
  });
});
