// `lore build --base /handbook/`: every link of the site starts with the base path and resolves.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite, type BuiltSite } from './built-site.ts';
import { readPages, unresolvedLinks, type Page } from './html.ts';

let site: BuiltSite;
let pages: Page[];

beforeAll(() => {
  site = builtSite('demo-base');
  pages = readPages(site.outDir);
});

describe('a site built under a base path', () => {
  it('starts every internal link, stylesheet and form action with the base', () => {
    const outside: string[] = [];
    for (const p of pages) {
      for (const href of p.hrefs) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) continue;
        if (!href.startsWith('/handbook/')) outside.push(`${p.path}: ${href}`);
      }
    }
    expect(pages.length).toBeGreaterThan(50);
    expect(outside).toEqual([]);
  });

  it('resolves every link when served under the base', () => {
    expect(unresolvedLinks(pages, '/handbook/', site.outDir)).toEqual([]);
  });

  it('points the sitemap and the search page at the base', () => {
    const sitemap = readFileSync(join(site.outDir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(50);
    for (const l of locs) expect(l.startsWith('https://lore.example/handbook/')).toBe(true);
    const search = pages.find((p) => p.path === '/search/')!;
    expect(search.html).toContain('data-pagefind="/handbook/pagefind/"');
    expect(search.html).toMatch(/<script type="module" src="\/handbook\/_astro\/[^"]+\.js"/);
  });
});
