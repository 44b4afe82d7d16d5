// The demo knowledge base's rules files (rules/*.md) read cleanly and say what the demo plan says.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRules } from '../../../src/core/rules/index.ts';

const repo = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const { files, inputs, diagnostics } = readRules(repo, [join(repo, 'rules')]);
const byPath = (path: string) => files.find((f) => f.path === path)!;

const CHECK_IDS = [
  'destructive',
  'downgrade',
  'not-null-without-default',
  'rename',
  'type-change',
  'set-not-null',
  'index-lock',
  'constraint-validate',
  'raw-sql',
  'naive-datetime',
  'naming',
  'graph',
];

describe('demo rules files', () => {
  it('read without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(inputs.map((i) => [i.path, i.outcome])).toEqual([
      ['rules/API_RULES.md', 'read'],
      ['rules/DATABASE_RULES.md', 'read'],
    ]);
  });

  it('DATABASE_RULES.md has DB-001 … DB-014 as headings with front matter', () => {
    const db = byPath('rules/DATABASE_RULES.md');
    const labels = db.rules.map((r) => r.label).sort();
    expect(labels).toEqual(Array.from({ length: 14 }, (_, i) => `DB-${String(i + 1).padStart(3, '0')}`));
    expect(db.rules.every((r) => r.id === r.label!.toLowerCase() && r.section.length === 1 && r.text.length > 100)).toBe(true);
    expect(db.title).toBe('Database rules');
    expect(db.appliesTo).toEqual(['content/migrations/**', 'app/models/**']);
    expect(db.priority).toBe(1);
  });

  it('maps every audit check to a rule of the file', () => {
    const db = byPath('rules/DATABASE_RULES.md');
    expect([...new Set(db.checks.map((c) => c.check))].sort()).toEqual([...CHECK_IDS].sort());
    const labels = new Set(db.rules.map((r) => r.label));
    for (const c of db.checks) expect(labels.has(c.rule)).toBe(true);
    expect(db.checks.find((c) => c.rule === 'DB-008')!.options).toEqual({ index: 'ix_{table}_{column}' });
    expect(db.checks.find((c) => c.check === 'destructive')!.rule).toBe('DB-011');
  });

  it('includes the Flask-Migrate workflow', () => {
    const db2 = byPath('rules/DATABASE_RULES.md').rules.find((r) => r.label === 'DB-002')!;
    for (const command of ['flask db migrate -m', 'flask db upgrade', 'flask db downgrade']) expect(db2.text).toContain(command);
  });

  it('API_RULES.md has API-001 … API-005', () => {
    const api = byPath('rules/API_RULES.md');
    expect(api.rules.map((r) => r.label)).toEqual(['API-001', 'API-002', 'API-003', 'API-004', 'API-005']);
    expect(api.appliesTo).toEqual(['app/api/**']);
    expect(api.priority).toBe(2);
  });

  it('links only to markdown files that exist', () => {
    for (const file of files) {
      const targets = [...file.body.matchAll(/\]\(([^)#\s]+\.md)\)/g)].map((m) => m[1]!);
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) expect(existsSync(resolve(dirname(join(repo, file.path)), target)), `${file.path} → ${target}`).toBe(true);
    }
  });
});
