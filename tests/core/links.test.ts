import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../src/core/load.ts';
import { linkKnowledge, resolveRelative } from '../../src/core/links.ts';
import type { Adr } from '../../src/core/model.ts';
import { compareCodePoints } from '../../src/core/text.ts';

const root = fileURLToPath(new URL('./fixtures/linked', import.meta.url));
const k = loadKnowledge(root, { sources: { adrs: ['adr'], rules: ['rules'], docs: ['docs'], migrations: ['versions'] } });
const has = (from: string, to: string, kind: string) => k.links.some((l) => l.from === from && l.to === to && l.kind === kind);
const unresolved = k.diagnostics.filter((d) => d.code === 'link/unresolved');

describe('linker', () => {
  it('links ADR front matter, text mentions and relative links', () => {
    expect(has('adr:0001-use-postgres', 'rule:db-001', 'cites')).toBe(true); // front matter rules:
    expect(has('adr:0001-use-postgres', 'rule:db-002', 'cites')).toBe(true); // rule:db-002 in text
    expect(has('adr:0002-add-replicas', 'adr:0001-use-postgres', 'cites')).toBe(true); // "ADR 1"
    expect(has('adr:0003-single-node', 'adr:0002-add-replicas', 'cites')).toBe(true); // link in the status section
  });

  it('resolves supersedes from either side into one edge', () => {
    const edges = k.links.filter((l) => l.kind === 'supersedes');
    expect(edges.map((l) => `${l.from} ${l.to}`)).toEqual(['adr:0002-add-replicas adr:0003-single-node']);
  });

  it('links a rules-file anchor to the rule itself', () => {
    expect(has('adr:0002-add-replicas', 'rule:db-001', 'cites')).toBe(true);
    expect(has('adr:0002-add-replicas', 'rules-file:rules/RULES.md', 'cites')).toBe(false);
  });

  it('attributes mentions in a rules file to the rule whose section holds them', () => {
    expect(has('rule:db-001', 'adr:0001-use-postgres', 'cites')).toBe(true);
    expect(has('rule:db-002', 'adr:0003-single-node', 'cites')).toBe(true);
    expect(has('rule:db-002', 'table:customers', 'mentions')).toBe(true); // `accounts` was renamed
  });

  it('links migrations to decisions, rules, other migrations and tables', () => {
    expect(has('migration:default/a1a1a1a1a1a1', 'adr:0001-use-postgres', 'implements')).toBe(true);
    expect(has('migration:default/a1a1a1a1a1a1', 'rule:db-002', 'cites')).toBe(true);
    expect(has('migration:default/b2b2b2b2b2b2', 'adr:0002-add-replicas', 'implements')).toBe(true); // comment
    expect(has('migration:default/b2b2b2b2b2b2', 'migration:default/a1a1a1a1a1a1', 'mentions')).toBe(true);
    expect(has('migration:default/a1a1a1a1a1a1', 'table:customers', 'touches')).toBe(true);
  });

  it('skips references inside fenced code', () => {
    expect(unresolved.some((d) => d.message.includes('ADR-0099'))).toBe(false);
  });

  it('reports every unresolved explicit reference with file and line', () => {
    const where = unresolved.map((d) => `${d.path}:${d.line}`).sort();
    expect(where).toEqual([
      'adr/0002-add-replicas.md:10', // ADR-0042
      'adr/0002-add-replicas.md:11', // 0009-nowhere.md
      'docs/guide.md:4', // 0404-gone.md
      'versions/a1a1a1a1a1a1_create_accounts.py:8', // Rules: DB-777
    ]);
    for (const d of unresolved) expect(d.message).toMatch(/\. (Fix|Use) /);
  });

  it('resolves front-matter tables through renames', () => {
    expect(has('adr:0001-use-postgres', 'table:customers', 'mentions')).toBe(true);
  });

  it('orders links deterministically', () => {
    const keys = k.links.map((l) => `${l.from}\u0000${l.to}`);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('linkKnowledge', () => {
  const adr = (number: number, body: string, over: Partial<Adr> = {}): Adr => ({
    path: `000${number}-x.md`,
    file: `adr/000${number}-x.md`,
    id: `000${number}-x`,
    group: '',
    number,
    title: `Record ${number}`,
    status: 'accepted',
    statusRaw: 'accepted',
    date: null,
    deciders: [],
    tags: [],
    supersedes: [],
    supersededBy: [],
    amends: [],
    amendedBy: [],
    declared: { migrations: [], rules: [], tables: [] },
    accepts: [],
    sections: [],
    summary: '',
    body,
    bodyLine: 5,
    ...over,
  });
  const link = (adrs: Adr[]) =>
    linkKnowledge({ rules: [], adrs, docs: [], migrations: [], tables: new Map([['users', 'users']]), exists: () => false });

  it('keeps one link per source, target and kind: the first one written', () => {
    const { links } = link([adr(1, ''), adr(2, 'Intro.\n\nSee ADR-0001 and `users`.\n\nAgain ADR-1 and `users`.')]);
    expect(links.map((l) => [l.from, l.to, l.kind, l.source.line, l.text])).toEqual([
      ['adr:0002-x', 'adr:0001-x', 'cites', 7, 'ADR-0001'],
      ['adr:0002-x', 'table:users', 'mentions', 7, '`users`'],
    ]);
  });

  it('orders links by source, then target, then kind, in code-point order', () => {
    const { links } = link([
      adr(3, 'Supersedes ADR-0001; see ADR-0002.', { supersedes: ['ADR-0001'] }),
      adr(1, 'Mentions `users` and ADR-0003.'),
      adr(2, 'Nothing.'),
    ]);
    const triples = links.map((l) => [l.from, l.to, l.kind]);
    expect(triples).toEqual([
      ['adr:0001-x', 'adr:0003-x', 'cites'],
      ['adr:0001-x', 'table:users', 'mentions'],
      ['adr:0003-x', 'adr:0001-x', 'cites'],
      ['adr:0003-x', 'adr:0001-x', 'supersedes'],
      ['adr:0003-x', 'adr:0002-x', 'cites'],
    ]);
    const sorted = [...triples].sort((a, b) => compareCodePoints(a[0]!, b[0]!) || compareCodePoints(a[1]!, b[1]!) || compareCodePoints(a[2]!, b[2]!));
    expect(triples).toEqual(sorted);
  });
});

describe('resolveRelative', () => {
  it('joins, normalizes, drops anchors and refuses paths outside the repository', () => {
    expect(resolveRelative('adr/0001-x.md', '../rules/R.md#db-1')).toBe('rules/R.md');
    expect(resolveRelative('adr/0001-x.md', '0002%20y.md')).toBe('adr/0002 y.md');
    expect(resolveRelative('adr/0001-x.md', '../../outside.md')).toBeNull();
  });
});
