// Small temporary repositories with the demo's layout, for the bad-input suite.
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadKnowledge, loadKnowledgeParallel, type LoadedKnowledge, type LoadOptions } from '../../src/core/load.ts';
import { knowledgeJson } from '../../src/core/json.ts';
import type { Diagnostic } from '../../src/core/model.ts';

export type FileSpec = string | Uint8Array | { symlink: string } | { mode: number; content: string | Uint8Array };
export type Files = Record<string, FileSpec>;

/** Explicit sources, so that changes to source discovery cannot change what these tests read. */
export const sources = {
  adrs: ['adr'],
  rules: ['rules'],
  migrations: ['content/migrations/versions'],
  docs: ['content/docs'],
};
export const loadOptions: LoadOptions = { sources };

/** Writes `files` (repo-relative paths) into a fresh folder holding the four source folders. */
export function makeRepo(files: Files, prefix = 'lore-resilience-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Files): void {
  for (const dir of ['adr', 'rules', 'content/migrations/versions', 'content/docs']) mkdirSync(join(root, dir), { recursive: true });
  for (const [path, spec] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof spec === 'string' || spec instanceof Uint8Array) writeFileSync(abs, spec);
    else if ('symlink' in spec) symlinkSync(spec.symlink, abs);
    else {
      writeFileSync(abs, spec.content);
      chmodSync(abs, spec.mode);
    }
  }
}

export function migration(
  id: string,
  parent: string | null,
  body = `    op.create_table('t_${id}', sa.Column('id', sa.Integer(), primary_key=True))`,
  message = `step ${id}`,
  down = '    pass',
): string {
  return `"""${message}

Revision ID: ${id}
Revises: ${parent ?? ''}
Create Date: 2024-01-10 10:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '${id}'
down_revision = ${parent === null ? 'None' : `'${parent}'`}
branch_labels = None
depends_on = None


def upgrade():
${body}


def downgrade():
${down}
`;
}

/** A small, sound repository: two ADRs, a rules file, a chain of three migrations, a guide page. */
export const goodFiles: Files = {
  'adr/0001-use-postgresql.md': `# 1. Use PostgreSQL

Status: Accepted
Date: 2024-01-10

## Context
We need one database.

## Decision
We use PostgreSQL everywhere. Table names follow DB-001.

## Consequences
Everyone learns PostgreSQL.
`,
  'adr/0002-timestamps-with-time-zone.md': `---
status: accepted
date: 2024-02-01
tags: [time]
---
# 2. Timestamps with time zone

## Context
Times were stored naive (see ADR-0001).

## Decision
Store every timestamp as \`timestamptz\`.
`,
  'rules/DATABASE_RULES.md': `# Database rules

### DB-001: Table names are plural snake_case
Name tables \`users\`, not \`User\`.

### DB-002: Timestamps carry a time zone
Use \`sa.DateTime(timezone=True)\`; see ADR-0002.
`,
  'content/migrations/versions/aaaaaaaaaaa1_create_users.py': migration('aaaaaaaaaaa1', null, `    op.create_table('users', sa.Column('id', sa.Integer(), primary_key=True))`, 'create users', `    op.drop_table('users')`),
  'content/migrations/versions/aaaaaaaaaaa2_create_teams.py': migration('aaaaaaaaaaa2', 'aaaaaaaaaaa1', `    op.create_table('teams', sa.Column('id', sa.Integer(), primary_key=True))`, 'create teams (ADR-0001)', `    op.drop_table('teams')`),
  'content/migrations/versions/aaaaaaaaaaa3_add_users_name.py': migration('aaaaaaaaaaa3', 'aaaaaaaaaaa2', `    op.add_column('users', sa.Column('name', sa.Text(), nullable=True))`, 'add users name', `    op.drop_column('users', 'name')`),
  'content/docs/guide.md': `---
title: Guide
description: How we work.
---
# Guide

Read ADR-0001 and DB-002.
`,
};

export type Model = ReturnType<typeof knowledgeJson>;

/** Loads on one thread and in the parallel path; both must agree. Neither may throw. */
export async function loadBoth(root: string, options: LoadOptions = loadOptions): Promise<{ k: LoadedKnowledge; json: Model }> {
  const k = loadKnowledge(root, options);
  const json = knowledgeJson(k);
  const parallel = knowledgeJson(await loadKnowledgeParallel(root, options));
  expect(parallel).toEqual(json);
  return { k, json };
}

/** Every diagnostic names a file (unless it belongs to none) and carries a message; lines are sane. */
export function expectWellFormed(k: LoadedKnowledge): void {
  for (const d of k.diagnostics) {
    expect(typeof d.message, JSON.stringify(d)).toBe('string');
    expect(d.message.length, JSON.stringify(d)).toBeGreaterThan(0);
    expect(d.code, JSON.stringify(d)).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
    if (d.line !== null) {
      expect(Number.isInteger(d.line), JSON.stringify(d)).toBe(true);
      expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    }
    if (d.path !== null) expect(d.path, JSON.stringify(d)).not.toMatch(/^\/|\\/);
  }
}

/** The diagnostics about one file. */
export function about(k: LoadedKnowledge, path: string): Diagnostic[] {
  return k.diagnostics.filter((d) => d.path === path);
}

const touches = (bad: string[]) => (path: string | null | undefined): boolean => path != null && bad.some((b) => path === b || path.startsWith(`${b}/`));

/**
 * What the good files gave in `base` they still give in `withBad`: the same ADRs, rules, guide
 * pages, revisions, inputs and per-file diagnostics. Links and backlinks are left out of the
 * comparison (a bad file may still link to good ones).
 */
export function expectIntact(base: Model, withBad: Model, badPaths: string[]): void {
  const bad = touches(badPaths);
  const view = (m: Model) => ({
    adrs: m.adrs.filter((a) => !bad(a.path)).map(({ links: _l, backlinks: _b, ...rest }) => rest),
    rules: m.rules.filter((f) => !bad(f.path)).map((f) => ({ ...f, rules: f.rules.map(({ links: _l, backlinks: _b, ...r }) => r) })),
    docs: m.docs.filter((d) => !bad(d.path)),
    // A new child makes its parent stop being a head: those flags depend on the other files.
    revisions: m.migrations.flatMap((g) =>
      g.revisions.filter((r) => !bad(r.path)).map(({ isHead: _h, isRealHead: _r, isBranchPoint: _b, ...r }) => r),
    ),
    inputs: m.inputs.filter((i) => !bad(i.path)),
    diagnostics: m.diagnostics.filter((d) => d.path !== null && !bad(d.path)),
  });
  expect(view(withBad)).toEqual(view(base));
}

const bin = fileURLToPath(new URL('../../bin/lore.mjs', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process (the Node running the tests). */
export function lore(args: string[], opts: { cwd: string; env?: Record<string, string> }): Run {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', ...opts.env };
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd, encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const sourceArgs = ['--adrs', 'adr', '--rules', 'rules', '--migrations', 'content/migrations/versions', '--docs', 'content/docs'];

/** `check` and `inspect --json` exit 0 or 1 and never print a stack trace. */
export function expectCleanCli(root: string): { check: Run; inspect: Model } {
  const check = lore(['check', ...sourceArgs, '--format', 'json'], { cwd: root });
  expect([0, 1], check.stderr).toContain(check.code);
  expect(check.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  JSON.parse(check.stdout);
  const text = lore(['check', ...sourceArgs], { cwd: root });
  expect([0, 1], text.stderr).toContain(text.code);
  expect(text.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  const inspect = lore(['inspect', ...sourceArgs, '--json'], { cwd: root });
  expect(inspect.code, inspect.stderr).toBe(0);
  expect(inspect.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { check, inspect: JSON.parse(inspect.stdout) as Model };
}
