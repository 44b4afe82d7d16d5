// `lore dev`: the server shows an edited ADR, rule or migration, and a new ADR, without a restart.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, cleanEnv } from './built-site.ts';

let dir: string;
let child: ChildProcess;
let url: string;
let output = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function get(path: string): Promise<{ status: number; text: string }> {
  const r = await fetch(url + path);
  return { status: r.status, text: await r.text() };
}

/** Polls `path` until its HTML satisfies `ok` (the reload is asynchronous). */
async function until(path: string, ok: (html: string) => boolean, timeoutMs = 45_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    const r = await get(path);
    last = r.text;
    if (r.status === 200 && ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${path} never changed as expected; server output:\n${output.slice(-3000)}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lore-dev-'));
  for (const d of ['adr', 'rules', 'content']) cpSync(join(REPO, d), join(dir, d), { recursive: true });
  const port = await freePort();
  child = spawn(process.execPath, [join(REPO, 'bin/lore.mjs'), 'dev', dir, '--port', String(port), '--title', 'Dev'], { cwd: REPO, env: cleanEnv() });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`lore dev did not start:\n${output}`)), 240_000);
    const check = (): void => {
      const m = /Lore is serving .* at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        url = m[1]!;
        resolve();
      } else setTimeout(check, 200);
    };
    child.on('exit', (code) => reject(new Error(`lore dev exited with ${code}:\n${output}`)));
    check();
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('lore dev', () => {
  it('serves the site and reloads it when an ADR, a rule or a migration changes', async () => {
    const adrPath = 'decisions/0005-user-preferences-as-jsonb/';
    // The first requests may meet Vite still optimizing dependencies: wait for a real page.
    await until(adrPath, (html) => html.includes('Keep user preferences in a JSONB column'), 120_000);
    const adrFile = join(dir, 'adr/0005-user-preferences-as-jsonb.md');
    writeFileSync(adrFile, readFileSync(adrFile, 'utf8').replace('# Keep user preferences in a JSONB column, not a normalized table', '# Preferences live in JSONB (edited)'));
    await until(adrPath, (html) => html.includes('Preferences live in JSONB (edited)'));

    const rulesFile = join(dir, 'rules/DATABASE_RULES.md');
    writeFileSync(rulesFile, readFileSync(rulesFile, 'utf8').replace('### DB-001: Change the schema only through Alembic migration files', '### DB-001: Change the schema only through migrations (edited)'));
    await until('rules/database-rules/', (html) => html.includes('Change the schema only through migrations (edited)'));

    const migration = join(dir, 'content/migrations/versions/f8f55c46f8bc_add_preferences_jsonb_column_to_users.py');
    writeFileSync(migration, readFileSync(migration, 'utf8').replace('"""add preferences jsonb column to users', '"""add the preferences column (edited)'));
    await until('migrations/default/f8f55c46f8bc/', (html) => html.includes('add the preferences column (edited)'));
  });

  it('serves a page for a new ADR', async () => {
    writeFileSync(join(dir, 'adr/0099-a-new-decision.md'), '---\nstatus: proposed\ndate: 2025-01-01\n---\n\n# A decision added while the server runs\n\nWe will see it.\n');
    await until('decisions/0099-a-new-decision/', (html) => html.includes('A decision added while the server runs'));
    await until('decisions/', (html) => html.includes('A decision added while the server runs'));
  });
});
