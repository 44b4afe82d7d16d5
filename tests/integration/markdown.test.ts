// Markdown on the site: rules-file segments, heading anchors, link resolution, and the hast plugin
// (sanitizing, link rewriting, cross-links) run through the same processor Astro uses (satteri).
import { describe, it, expect, beforeAll } from 'vitest';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { loadKnowledge } from '../../src/core/load.ts';
import type { Knowledge } from '../../src/core/model.ts';
import { createUrls } from '../../src/integration/urls.ts';
import { splitRulesFile, withoutTitle } from '../../src/integration/markdown/segments.ts';
import { Slugger, headingText } from '../../src/integration/markdown/slug.ts';
import { createLinkResolver, isSafeUrl, type LinkResolver } from '../../src/integration/markdown/links.ts';
import { cleanTree, loreHastPlugin, registerSite, unregisterSite } from '../../src/integration/markdown/html-plugin.ts';

const ROOT = fileURLToPath(new URL('./fixtures/mini/', import.meta.url)).replace(/\/$/, '');
let k: Knowledge;
let resolver: LinkResolver;

beforeAll(() => {
  k = loadKnowledge(ROOT);
  resolver = createLinkResolver(k, createUrls({ rules: k.rules, environments: ['default'], adrs: k.adrs, docs: k.docs }), 'https://example.com/r/blob/main/');
});

async function render(markdown: string, file: string): Promise<string> {
  registerSite({ root: ROOT, resolver });
  try {
    const { html } = await markdownToHtml(markdown, { hastPlugins: [loreHastPlugin], features: { gfm: true, rawHtml: true }, fileURL: pathToFileURL(join(ROOT, file)) });
    return html;
  } finally {
    unregisterSite(ROOT);
  }
}

describe('splitRulesFile', () => {
  it('splits prose from heading rules, drops the title, keeps sub-headings inside their rule', () => {
    const body = ['# Rules', '', 'Intro.', '', '## Section', '', '### R-1: First', '', 'Text one.', '', '#### Example', '', 'x', '', '## Other', '', 'Outro.'].join('\n');
    const segs = splitRulesFile({ body, bodyLine: 1, rules: [{ id: 'r-1', label: 'R-1', title: 'First', text: 'Text one.\n\n#### Example\n\nx', line: 7, section: ['Section'] }] });
    expect(segs.map((s) => s.kind)).toEqual(['text', 'rule', 'text']);
    expect(segs[0]!.markdown).toBe('Intro.\n\n## Section');
    expect(segs[1]).toMatchObject({ kind: 'rule', level: 3 });
    expect(segs[2]!.markdown).toBe('## Other\n\nOutro.');
  });

  it('gives list-item rules the lines of their text', () => {
    const body = ['Intro.', '', '- **A-1**: one', '  more', '- **A-2**: two', '', 'After.'].join('\n');
    const rule = (id: string, line: number, text: string) => ({ id, label: id.toUpperCase(), title: id, text, line, section: [] });
    const segs = splitRulesFile({ body, bodyLine: 1, rules: [rule('a-1', 3, '**A-1**: one\nmore'), rule('a-2', 5, '**A-2**: two')] });
    expect(segs.map((s) => s.kind)).toEqual(['text', 'rule', 'rule', 'text']);
    expect(segs[1]).toMatchObject({ level: null });
    expect(segs[3]!.markdown).toBe('After.');
  });

  it('withoutTitle drops only a leading level-1 heading', () => {
    expect(withoutTitle('\n# Title\n\nBody')).toBe('\nBody');
    expect(withoutTitle('Intro\n\n# Title')).toBe('Intro\n\n# Title');
    expect(withoutTitle('Title\n=====\n\nBody')).toBe('\nBody');
  });
});

describe('heading slugs', () => {
  it('match the renderer: punctuation dropped, repeats numbered', () => {
    const s = new Slugger();
    expect(s.slug(headingText('`preferences` JSONB column on `users`'))).toBe('preferences-jsonb-column-on-users');
    expect(s.slug(headingText('Pros and Cons of the [Options](x.md)'))).toBe('pros-and-cons-of-the-options');
    expect(s.slug('Example')).toBe('example');
    expect(s.slug('Example')).toBe('example-1');
  });
});

describe('link resolution', () => {
  it('turns links between repository files into site URLs', () => {
    expect(resolver.resolve('adr/0002-use-postgres-16.md', '0001-use-postgres.md')).toEqual({ kind: 'page', href: '/decisions/0001-use-postgres/' });
    expect(resolver.resolve('adr/0002-use-postgres-16.md', '../rules/RULES.md#db-002')).toEqual({ kind: 'page', href: '/rules/rules/#db-002' });
    // GitHub's slug for a rule heading lands on the rule's anchor.
    expect(resolver.resolve('adr/0002-use-postgres-16.md', '../rules/RULES.md#db-002-never-drop-a-column-in-use')).toEqual({ kind: 'page', href: '/rules/rules/#db-002' });
    expect(resolver.resolve('content/docs/guide.md', '../../adr/0002-use-postgres-16.md#decision')).toEqual({ kind: 'page', href: '/decisions/0002-use-postgres-16/#decision' });
    // An anchor that is not there still lands on the page.
    expect(resolver.resolve('content/docs/guide.md', '../../adr/0002-use-postgres-16.md#gone')).toEqual({ kind: 'page', href: '/decisions/0002-use-postgres-16/' });
    expect(resolver.resolve('adr/0001-use-postgres.md', '../content/migrations/versions/aaaaaaaaaaa1_create_accounts.py#L12')).toEqual({ kind: 'page', href: '/migrations/default/aaaaaaaaaaa1/#L12' });
  });

  it('links other repository files to the repository, and reports what is missing or unsafe', () => {
    expect(resolver.resolve('adr/0001-use-postgres.md', '../rules')).toEqual({ kind: 'file', path: 'rules', href: 'https://example.com/r/blob/main/rules' });
    expect(resolver.resolve('adr/0001-use-postgres.md', 'missing.md')).toMatchObject({ kind: 'broken', message: 'adr/missing.md does not exist' });
    expect(resolver.resolve('adr/0001-use-postgres.md', '../../../etc/passwd')).toMatchObject({ kind: 'broken' });
    expect(resolver.resolve('adr/0001-use-postgres.md', 'javascript:alert(1)')).toMatchObject({ kind: 'broken' });
    expect(resolver.resolve('adr/0001-use-postgres.md', ' JAVA\tSCRIPT:alert(1)')).toMatchObject({ kind: 'broken' });
    expect(resolver.resolve('adr/0001-use-postgres.md', 'https://example.org/x')).toEqual({ kind: 'keep', href: 'https://example.org/x' });
    expect(resolver.resolve('adr/0001-use-postgres.md', '#context')).toEqual({ kind: 'keep', href: '#context' });
    expect(resolver.resolve('adr/0001-use-postgres.md', '#nope')).toMatchObject({ kind: 'broken' });
  });

  it('finds ADR numbers and rule labels in prose', () => {
    const parts = resolver.mentions('adr/0003-amend.md', 'See ADR-0002 and DB-001, not ADR-0009 or utf-8.');
    expect(parts.filter((p) => p.href).map((p) => [p.text, p.href])).toEqual([
      ['ADR-0002', '/decisions/0002-use-postgres-16/'],
      ['DB-001', '/rules/rules/#db-001'],
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('See ADR-0002 and DB-001, not ADR-0009 or utf-8.');
    // A page does not link to itself.
    expect(resolver.mentions('adr/0002-use-postgres-16.md', 'ADR-0002').some((p) => p.href)).toBe(false);
    expect(resolver.table('accounts')).toEqual({ href: '/tables/accounts/', title: 'table accounts' });
    expect(resolver.table('accounts.email')?.href).toBe('/tables/accounts/');
    expect(resolver.table('nope')).toBeNull();
  });

  it('accepts only http(s), mailto and relative URLs', () => {
    expect(isSafeUrl('https://x')).toBe(true);
    expect(isSafeUrl('mailto:a@b')).toBe(true);
    expect(isSafeUrl('../a.md')).toBe(true);
    for (const bad of ['javascript:x', 'JaVaScRiPt:x', 'java\nscript:x', '\u0000javascript:x', 'vbscript:x', 'data:text/html,x', 'file:///etc']) expect(isSafeUrl(bad), bad).toBe(false);
  });
});

describe('the hast plugin', () => {
  it('removes scripts, event handlers, unsafe URLs and styles from raw HTML', async () => {
    const html = await render(
      [
        '<script>alert(1)</script>',
        '',
        '<div onclick="x()" style="background:url(javascript:x)"><img src="x" onerror="alert(2)">text</div>',
        '',
        '<a href="javascript:alert(3)">a</a> <iframe src="https://evil"></iframe> <custom-el onmouseover="y()"><script>z()</script>kept</custom-el>',
        '',
        '[md](javascript:alert(4)) <!-- comment -->',
      ].join('\n'),
      'adr/0001-use-postgres.md',
    );
    expect(html).not.toMatch(/<script|onclick|onerror|onmouseover|="\s*javascript:|<iframe|style=|<!--/i);
    expect(html).toContain('kept');
    expect(html).toContain('text');
    expect(html).toMatch(/<span class="broken-link" title="Broken link: unsafe link removed[^"]*">md/);
  });

  it('rewrites relative links, marks broken ones, and links ADR numbers, rule labels and table names', async () => {
    const html = await render('[next](0002-use-postgres-16.md) [gone](gone.md) ADR-0002 cites DB-002 about `accounts`.\n\n```sql\nselect * from accounts -- ADR-0002\n```', 'adr/0001-use-postgres.md');
    expect(html).toContain('<a href="/decisions/0002-use-postgres-16/">next</a>');
    expect(html).toContain('<span class="broken-link" title="Broken link: adr/gone.md does not exist">gone');
    expect(html).toContain('<a href="/decisions/0002-use-postgres-16/" title="Use PostgreSQL 16" class="xref">ADR-0002</a>');
    expect(html).toContain('<a href="/rules/rules/#db-002" title="Never drop a column in use" class="xref">DB-002</a>');
    expect(html).toContain('<a href="/tables/accounts/" title="table accounts" class="xref"><code>accounts</code></a>');
    // Nothing is linked inside code blocks.
    expect(html).toMatch(/<pre[^>]*><code[^>]*>select \* from accounts -- ADR-0002/);
  });

  it('cleans subtrees it moves (children of replaced elements are not visited again)', () => {
    const cleaned = cleanTree([
      { type: 'element', tagName: 'b', properties: { onClick: 'x' }, children: [{ type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'bad' }] }, { type: 'text', value: 'ok' }] },
      { type: 'element', tagName: 'a', properties: { href: 'javascript:x' }, children: [{ type: 'text', value: 'link' }] },
    ]);
    expect(cleaned).toEqual([
      { type: 'element', tagName: 'b', properties: {}, children: [{ type: 'text', value: 'ok' }] },
      { type: 'text', value: 'link' },
    ]);
  });
});
