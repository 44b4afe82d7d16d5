// Builds the demo site once (`lore build`), then checks that every ADR, rule, migration, table
// and guide page exists and that every internal link and anchor in the output resolves.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite, REPO, type BuiltSite } from './built-site.ts';
import { readPages, unresolvedLinks, type Page } from './html.ts';
import { loadKnowledge, type LoadedKnowledge } from '../../src/core/load.ts';
import { createUrls, type SiteUrls } from '../../src/integration/urls.ts';

let site: BuiltSite;
let pages: Page[];
let byPath: Map<string, Page>;
let k: LoadedKnowledge;
let urls: SiteUrls;

beforeAll(() => {
  site = builtSite('demo');
  pages = readPages(site.outDir);
  byPath = new Map(pages.map((p) => [p.path, p]));
  k = loadKnowledge(REPO);
  urls = createUrls({ rules: k.rules, environments: k.migrations.map((g) => g.name), adrs: k.adrs, docs: k.docs });
});

const page = (href: string): Page | undefined => byPath.get(href.split('#')[0]!);

describe('the demo site', () => {
  it('has a page for every ADR, rules file, migration, table and guide', () => {
    expect(k.adrs.length).toBeGreaterThan(0);
    for (const a of k.adrs) expect(page(urls.adr(a)), a.file).toBeDefined();
    for (const f of k.rules) expect(page(urls.rulesFile(f.path)), f.path).toBeDefined();
    for (const g of k.migrations) {
      expect(page(urls.timeline(g.name))).toBeDefined();
      for (const r of g.revisions) expect(page(urls.migration(g.name, r.revision)), r.path).toBeDefined();
    }
    for (const t of k.tables) expect(page(urls.table(t.name)), t.name).toBeDefined();
    for (const d of k.docs) expect(page(urls.doc(d.slug)), d.path).toBeDefined();
    for (const p of ['/', '/decisions/', '/decisions/by-date/', '/rules/', '/migrations/', '/tables/', '/docs/', '/search/', '/audit/', '/404.html']) {
      expect(byPath.has(p), p).toBe(true);
    }
  });

  it('anchors every rule on its rules-file page', () => {
    for (const f of k.rules) {
      const p = page(urls.rulesFile(f.path))!;
      for (const r of f.rules) expect(p.ids.has(urls.rule(r.id)!.split('#')[1]!), `${f.path} ${r.id}`).toBe(true);
    }
  });

  it('resolves every internal link and anchor', () => {
    const links = pages.reduce((n, p) => n + p.hrefs.length, 0);
    expect(links).toBeGreaterThan(1000);
    expect(unresolvedLinks(pages, '/', site.outDir)).toEqual([]);
  });

  it('links each ADR to the migrations that implement it and the rules that cite it', () => {
    const adr = k.adrs.find((a) => a.id.startsWith('0005'))!;
    const html = page(urls.adr(adr))!.html;
    const implementing = k.links.filter((l) => l.kind === 'implements' && l.to === `adr:${adr.id}`);
    expect(implementing.length).toBeGreaterThan(0);
    for (const l of implementing) expect(html).toContain(`href="${urls.ref(l.from)}"`);
    const ruleRefs = k.links.filter((l) => l.from === `adr:${adr.id}` && l.to.startsWith('rule:'));
    for (const l of ruleRefs) expect(html).toContain(`href="${urls.ref(l.to)}"`);
  });

  it('filters decisions by status and tag, and sorts them by date, on pages of their own', () => {
    const statuses = new Set(k.adrs.map((a) => a.status));
    for (const s of statuses) {
      const p = page(urls.decisions({ status: s }));
      expect(p, s).toBeDefined();
      const shown = [...p!.html.matchAll(/<li class="card">/g)].length;
      expect(shown).toBe(k.adrs.filter((a) => a.status === s).length);
      expect(page(urls.decisions({ status: s }, 'date'))).toBeDefined();
    }
    const tags = new Set(k.adrs.flatMap((a) => a.tags));
    for (const t of tags) expect(page(urls.decisions({ tag: t })), t).toBeDefined();
    // Newest first on the by-date page: the dates shown never increase.
    const dates = [...page(urls.decisions({}, 'date'))!.html.matchAll(/<a href="([^"]+)"><span class="adr-number">/g)].map((m) => k.adrs.find((a) => urls.adr(a) === m[1])!.date ?? '');
    expect(dates.length).toBe(k.adrs.length);
    for (let i = 1; i < dates.length; i++) if (dates[i]) expect(dates[i]! <= dates[i - 1]!).toBe(true);
  });

  it('gives every page a title and a meta description', () => {
    for (const p of pages) {
      const title = /<title>([^<]*)<\/title>/.exec(p.html)?.[1] ?? '';
      const description = /<meta name="description" content="([^"]*)"/.exec(p.html)?.[1] ?? '';
      expect(title.trim(), p.path).not.toBe('');
      expect(description.trim().length, p.path).toBeGreaterThan(10);
    }
  });

  it('ships no script except on the search page', () => {
    for (const p of pages) {
      const scripts = [...p.html.matchAll(/<script\b[^>]*>/g)];
      if (p.path === '/search/') {
        expect(scripts.length).toBe(1);
        expect(scripts[0]![0]).toMatch(/src="\/_astro\/[^"]+\.js"/);
      } else expect(scripts, p.path).toEqual([]);
    }
  });

  it('writes the sitemap and the search index', () => {
    const sitemap = readFileSync(join(site.outDir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain('https://lore.example/');
    for (const a of k.adrs) expect(locs).toContain(`https://lore.example${urls.adr(a)}`);
    expect(locs.some((l) => l.includes('404'))).toBe(false);
    expect(existsSync(join(site.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('marks pages for search with kind, status, tag and table filters', () => {
    const adr = k.adrs.find((a) => a.id.startsWith('0005'))!;
    const html = page(urls.adr(adr))!.html;
    expect(html).toContain('data-pagefind-body');
    expect(html).toContain('data-pagefind-filter="kind:Decision"');
    expect(html).toContain('data-pagefind-filter="status:Accepted"');
    for (const t of adr.tags) expect(html).toContain(`data-pagefind-filter="tag:${t}"`);
    expect(html).toContain('data-pagefind-filter="table:users"');
    expect(page('/')!.html).not.toContain('data-pagefind-body');
  });

  it('draws the timeline without script, one row per revision, newest first', () => {
    const g = k.migrations[0]!;
    const html = page(urls.timeline(g.name))!.html;
    const order = [...html.matchAll(/<code class="rev">([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(order).toEqual(g.history);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(g.history.length);
  });
});
