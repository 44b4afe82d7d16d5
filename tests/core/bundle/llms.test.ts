import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src/core/load.ts';
import { renderLlms, renderTwins, twinPath } from '../../../src/core/bundle/index.ts';
import { htmlOutsideCode, proseLines, repo } from './helpers.ts';

const k = loadKnowledge(repo);
const site = 'https://ledgerly.example/db/';
const { 'llms.txt': llms, 'llms-full.txt': full } = renderLlms(k, { siteUrl: site, title: 'Ledgerly database' });
const twins = renderTwins(k, { siteUrl: site });

describe('llms.txt', () => {
  it('follows the llms.txt format: H1, blockquote, then ## sections of - [name](url): note lines', () => {
    const lines = llms.trimEnd().split('\n');
    expect(lines[0]).toBe('# Ledgerly database');
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^> \S.*/);
    const firstSection = lines.findIndex((l) => l.startsWith('## '));
    expect(firstSection).toBeGreaterThan(2);
    // Before the first section: only prose paragraphs (no headings, no lists).
    for (const l of lines.slice(3, firstSection)) expect(l).not.toMatch(/^(#|- )/);
    const body = lines.slice(firstSection).filter((l) => l !== '');
    for (const l of body) expect(l).toMatch(/^(## \S.*|- \[[^\]]+\]\(https:\/\/ledgerly\.example\/db\/[^)\s]+\.md\): \S.*)$/);
    expect(body.filter((l) => l.startsWith('## '))).toEqual(['## Rules', '## Decisions', '## Guides', '## Tables', '## Optional']);
    expect(lines.filter((l) => l.startsWith('# '))).toHaveLength(1);
  });

  it('links every page twin once', () => {
    const links = [...llms.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(links).toHaveLength(twins.length);
    expect(new Set(links).size).toBe(links.length);
    const counts = { rules: k.rules.length, decision: k.adrs.length, doc: k.docs.length, table: k.tables.length, migration: k.migrations[0]!.revisions.length };
    for (const [kind, n] of Object.entries(counts)) expect(twins.filter((t) => t.kind === kind), kind).toHaveLength(n);
  });

  it('llms-full.txt has one H1, the summary, and every page in full', () => {
    expect(proseLines(full).filter((l) => l.startsWith('# '))).toEqual(['# Ledgerly database']);
    expect(full.split('\n')[2]).toMatch(/^> /);
    for (const t of twins) expect(full).toContain(`#${t.content.split('\n')[0]}`.replace(/^#/, '##'));
    expect(full).toContain('### DB-013: Create and drop indexes on existing tables `CONCURRENTLY`');
  });
});

describe('page twins', () => {
  it('are keyed by the site URL path, with the twin next to it', () => {
    const urls = twins.map((t) => t.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toContain('/decisions/0004-store-timestamps-as-timestamptz/');
    expect(urls).toContain('/rules/database-rules/');
    expect(urls).toContain('/migrations/default/3579c87f141d/');
    expect(urls).toContain('/tables/api_keys/');
    expect(urls).toContain('/docs/review-workflow/');
    for (const t of twins) {
      expect(t.url).toMatch(/^\/[a-z]+\/.+\/$/);
      expect(t.twin).toBe(twinPath(t.url));
      expect(t.twin).toBe(`${t.url.slice(0, -1)}.md`);
      expect(t.content.startsWith('# ')).toBe(true);
      expect(htmlOutsideCode(t.content), t.url).toEqual([]);
    }
  });

  it('re-point relative links at other twins and keep the decision text', () => {
    const adr = twins.find((t) => t.url === '/decisions/0010-store-only-hashed-api-keys/')!;
    expect(adr.content).toContain('- Status: accepted');
    expect(adr.content).toContain('- Supersedes: [ADR-0008](https://ledgerly.example/db/decisions/0008-store-api-key-tokens.md)');
    expect(adr.content).toContain('[ADR-0008](https://ledgerly.example/db/decisions/0008-store-api-key-tokens.md) stored every');
    expect(adr.content).not.toContain('](0008-store-api-key-tokens.md)');
    const migration = twins.find((t) => t.url === '/migrations/default/3579c87f141d/')!;
    expect(migration.content).toContain('- Downgrade: one-way: API key tokens cannot be restored');
    expect(migration.content).toContain('`drop_column` `api_keys.token`');
    expect(migration.content).not.toContain('Revision ID:');
    const table = twins.find((t) => t.url === '/tables/invoices/')!;
    expect(table.content).toContain('renamed column total to amount_cents');
  });

  it('use site-root paths when there is no site URL', () => {
    const local = renderTwins(k);
    const adr = local.find((t) => t.url === '/decisions/0010-store-only-hashed-api-keys/')!;
    expect(adr.content).toContain('[ADR-0008](/decisions/0008-store-api-key-tokens.md)');
  });
});
