// Long listings are cut into pages: the migration timeline (per environment) and the audit list at
// most PAGE_SIZE entries a page, page 1 at the listing's own URL, later pages at …/page/<n>/.
// Checked on the page data, on a built site with 600 migrations (tests/site/fixtures/paged), on
// the demo (one page, no navigation), and through an incremental rebuild.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtSite, cleanEnv, filesIn, REPO, type BuiltSite } from './built-site.ts';
import { readPages, unresolvedLinks, type Page } from './html.ts';
import { pagedRepo } from './fixtures/paged/generate.ts';
import { loadKnowledge, type LoadedKnowledge } from '../../src/core/load.ts';
import { createUrls, type SiteUrls } from '../../src/integration/urls.ts';
import { createContext, type SiteContext } from '../../src/integration/data/context.ts';
import { timeline, timelinePage, timelinePageOf } from '../../src/integration/data/migrations.ts';
import { auditData } from '../../src/integration/data/home.ts';
import { PAGE_SIZE, pager } from '../../src/integration/data/paging.ts';
import { checkSiteLinks } from '../../src/integration/check-links.ts';
import { cacheDirFor } from '../../src/integration/run.ts';

const settings = { title: 'Paged', description: 'Paged.', base: '/', repoUrl: null };
const contextOf = (k: LoadedKnowledge): SiteContext => createContext(k, settings);
const urlsOf = (k: LoadedKnowledge): SiteUrls => createUrls({ rules: k.rules, environments: k.migrations.map((g) => g.name), adrs: k.adrs, docs: k.docs });

/** The revisions a timeline page lists, in order. */
const revisionsOn = (html: string): string[] => [...html.matchAll(/<code class="rev">([^<]+)<\/code>/g)].map((m) => m[1]!);
/** `check migration-href` of each finding an audit page lists, in order (problems have no check). */
const findingsOn = (html: string): string[] =>
  html
    .split('<li class="finding')
    .slice(1)
    .flatMap((li) => {
      const check = /<code class="check">([^<]+)<\/code>/.exec(li)?.[1];
      const where = /<span>in <a href="([^"]+)"/.exec(li)?.[1];
      return check ? [`${check} ${where ?? '-'}`] : [];
    });
const entriesOn = (html: string): number => html.split('<li class="finding').length - 1;

interface Nav {
  prev: string | null;
  next: string | null;
  numbers: { label: string; href: string; current: boolean }[];
}

/** The `<nav aria-label="Pages">` of a page, or null. */
function navOf(html: string): Nav | null {
  const m = /<nav class="pages" aria-label="Pages">(.*?)<\/nav>/s.exec(html);
  if (!m) return null;
  const body = m[1]!;
  return {
    prev: /<a href="([^"]+)" rel="prev">/.exec(body)?.[1] ?? null,
    next: /<a href="([^"]+)" rel="next">/.exec(body)?.[1] ?? null,
    numbers: [...body.matchAll(/<a href="([^"]+)"( aria-current="page")? aria-label="Page \d+">(\d+)<\/a>/g)].map((x) => ({ href: x[1]!, current: x[2] !== undefined, label: x[3]! })),
  };
}

const titleOf = (html: string): string => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';

describe('paging the data', () => {
  it('numbers the first, the last and a window of pages around the current one', () => {
    const href = (n: number): string => `/x/${n}/`;
    const shown = (page: number, pages: number): (number | null)[] => pager(page, pages, href)!.links.map((l) => l && l.page);
    expect(pager(1, 1, href)).toBeNull();
    expect(shown(1, 120)).toEqual([1, 2, 3, null, 120]);
    expect(shown(60, 120)).toEqual([1, null, 58, 59, 60, 61, 62, null, 120]);
    expect(shown(120, 120)).toEqual([1, null, 118, 119, 120]);
    // A gap of a single page shows that page instead of an ellipsis.
    expect(shown(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const middle = pager(60, 120, href)!;
    expect([middle.prev, middle.next]).toEqual(['/x/59/', '/x/61/']);
    expect(middle.links.filter((l) => l?.current).map((l) => l!.page)).toEqual([60]);
    expect([pager(1, 3, href)!.prev, pager(3, 3, href)!.next]).toEqual([null, null]);
  });

  it('puts later pages below the first, where no migration page can be', () => {
    const one = createUrls({ rules: [], environments: ['default'] });
    expect([one.timeline('default'), one.timeline('default', 1), one.timeline('default', 2)]).toEqual(['/migrations/', '/migrations/', '/migrations/page/2/']);
    expect(one.migration('default', 'page')).toBe('/migrations/default/page/');
    // The only environment called `page`: its revision `2` keeps /migrations/page/2/.
    for (const env of ['page', 'Page']) {
      const named = createUrls({ rules: [], environments: [env] });
      expect(named.timeline(env, 2)).toBe(`/migrations/${env}/page/2/`);
      expect(named.migration(env, '2')).toBe(`/migrations/${env}/2/`);
    }
    const several = createUrls({ rules: [], environments: ['core', 'page'] }, { base: '/handbook/' });
    expect([several.timeline('core'), several.timeline('core', 3), several.timeline('page', 2)]).toEqual(['/handbook/migrations/core/', '/handbook/migrations/core/page/3/', '/handbook/migrations/page/page/2/']);
    expect(several.migration('core', 'page')).toBe('/handbook/migrations/core/page/');
    expect([several.audit(), several.audit(1), several.audit(4)]).toEqual(['/handbook/audit/', '/handbook/audit/', '/handbook/audit/page/4/']);
    expect(() => one.audit(0)).toThrow();
  });

  it('cuts the timeline into pages of at most PAGE_SIZE revisions without losing, moving or regrouping any', () => {
    const k = loadKnowledge(pagedRepo());
    const ctx = contextOf(k);
    const g = k.migrations[0]!;
    const t = timeline(ctx, g);
    expect(t.pages.length).toBe(Math.ceil(g.history.length / PAGE_SIZE));
    expect(t.pages.length).toBeGreaterThanOrEqual(3);
    t.pages.forEach((p, i) => {
      const revisions = p.rows.filter((r) => r.kind === 'revision');
      expect(revisions.length).toBeLessThanOrEqual(PAGE_SIZE);
      // Every page but the last is full; each page starts under a month heading.
      if (i < t.pages.length - 1) expect(revisions.length).toBe(PAGE_SIZE);
      expect(p.rows[0]!.kind).toBe('month');
      for (const r of revisions) if (r.kind === 'revision') expect(timelinePageOf(g, r.entry.revision)).toBe(i + 1);
    });
    // Without the headings repeated after a page break, the pages are the one-page timeline.
    const joined = t.pages.flatMap((p) => p.rows.filter((r) => !(r.kind === 'month' && r.continued)));
    expect(joined).toEqual(t.rows);
    const repeated = t.pages.flatMap((p) => p.rows.filter((r) => r.kind === 'month' && r.continued));
    expect(repeated.length).toBeGreaterThan(0);
    for (const r of repeated) {
      const original = t.rows.find((o) => o.kind === 'month' && r.kind === 'month' && o.key === r.key && o.count === r.count);
      expect(original, JSON.stringify(r)).toBeDefined();
    }
    const last = timelinePage(t, t.pages.length)!;
    expect([last.page, last.pages, last.href, last.route, last.pageTitle]).toEqual([t.pages.length, t.pages.length, `/migrations/page/${t.pages.length}/`, `page/${t.pages.length}`, `Migration timeline (page ${t.pages.length} of ${t.pages.length})`]);
    expect(last.path).toBe(g.path);
    expect(timelinePage(t, 1)!.pageTitle).toBe('Migration timeline');
    expect(timelinePage(t, t.pages.length + 1)).toBeUndefined();
  });

  it('cuts the audit into pages: open findings by rule, then waived ones, then other problems', () => {
    const k = loadKnowledge(pagedRepo());
    const a = auditData(contextOf(k));
    const serious = a.problems.filter((p) => p.severity !== 'info');
    const entries = a.open + a.waived + serious.length;
    expect(a.pages.length).toBe(Math.ceil(entries / PAGE_SIZE));
    expect(a.pages.length).toBeGreaterThanOrEqual(2);
    const flat = (fs: { check: string; migration: { href: string | null } | null }[]) => fs.map((f) => `${f.check} ${f.migration?.href}`);
    expect(a.pages.flatMap((p) => flat(p.groups.flatMap((g) => g.findings)))).toEqual(flat(a.groups.flatMap((g) => g.findings)));
    expect(a.pages.flatMap((p) => flat(p.waivedFindings))).toEqual(flat(a.waivedFindings));
    expect(a.pages.flatMap((p) => p.problems)).toEqual(serious);
    for (const p of a.pages) expect(p.groups.reduce((n, g) => n + g.findings.length, 0) + p.waivedFindings.length + p.problems.length).toBeLessThanOrEqual(PAGE_SIZE);
    expect(a.pages.map((p) => p.summary !== null)).toEqual(a.pages.map((p) => p.page === 1));
  });

  it('gives the same pages for the same input', () => {
    const one = contextOf(loadKnowledge(pagedRepo()));
    const two = contextOf(loadKnowledge(pagedRepo()));
    expect(JSON.stringify(timeline(two, two.k.migrations[0]!))).toBe(JSON.stringify(timeline(one, one.k.migrations[0]!)));
    expect(JSON.stringify(auditData(two))).toBe(JSON.stringify(auditData(one)));
  });
});

describe('a site with 600 migrations and some 350 audit entries', () => {
  let site: BuiltSite;
  let pages: Page[];
  let byPath: Map<string, Page>;
  let k: LoadedKnowledge;
  let urls: SiteUrls;
  const html = (href: string): string => {
    const p = byPath.get(href.split('#')[0]!);
    if (!p) throw new Error(`no page ${href}`);
    return p.html;
  };

  beforeAll(() => {
    site = builtSite('paged');
    pages = readPages(site.outDir);
    byPath = new Map(pages.map((p) => [p.path, p]));
    k = loadKnowledge(site.root);
    urls = urlsOf(k);
  }, 600_000);

  it('lists every migration exactly once across the timeline pages, newest first, at most 250 a page', () => {
    const g = k.migrations[0]!;
    const count = Math.ceil(g.history.length / PAGE_SIZE);
    expect(count).toBe(3);
    expect(urls.timeline(g.name, 1)).toBe('/migrations/');
    const listed: string[] = [];
    for (let n = 1; n <= count; n++) {
      const on = revisionsOn(html(urls.timeline(g.name, n)));
      expect(on.length).toBeGreaterThan(0);
      expect(on.length).toBeLessThanOrEqual(PAGE_SIZE);
      listed.push(...on);
    }
    expect(listed).toEqual(g.history);
    expect(byPath.has(urls.timeline(g.name, count + 1))).toBe(false);
    expect(pages.filter((p) => p.path.startsWith('/migrations/page/')).map((p) => p.path)).toEqual(['/migrations/page/2/', '/migrations/page/3/']);
    // The revision called `page` has its own page, apart from the timeline pages.
    expect(revisionsOn(html(urls.timeline(g.name, 1)))).not.toContain('page');
    expect(html(urls.migration(g.name, 'page'))).toContain('<code>page</code>');
  });

  it('shows the summary and a page navigation with previous, next and numbered links on every timeline page', () => {
    const g = k.migrations[0]!;
    const count = 3;
    for (let n = 1; n <= count; n++) {
      const page = html(urls.timeline(g.name, n));
      expect(titleOf(page)).toBe(n === 1 ? 'Migration timeline · Paged' : `Migration timeline (page ${n} of ${count}) · Paged`);
      expect(page).toContain(`${g.revisions.length} revisions in <code>`);
      const nav = navOf(page)!;
      expect(nav, `page ${n}`).not.toBeNull();
      expect(nav.prev).toBe(n > 1 ? urls.timeline(g.name, n - 1) : null);
      expect(nav.next).toBe(n < count ? urls.timeline(g.name, n + 1) : null);
      expect(nav.numbers.map((x) => x.label)).toEqual(['1', '2', '3']);
      expect(nav.numbers.map((x) => x.href)).toEqual([1, 2, 3].map((i) => urls.timeline(g.name, i)));
      expect(nav.numbers.filter((x) => x.current).map((x) => x.label)).toEqual([String(n)]);
    }
  });

  it('links each migration page back to the timeline page that lists it', () => {
    const g = k.migrations[0]!;
    const pageOf = new Map<string, string>();
    for (let n = 1; n <= 3; n++) for (const rev of revisionsOn(html(urls.timeline(g.name, n)))) pageOf.set(rev, urls.timeline(g.name, n));
    expect(pageOf.size).toBe(g.revisions.length);
    for (const rev of g.revisions) {
      const back = /<a href="([^"]+)">Back to the timeline<\/a>/.exec(html(urls.migration(g.name, rev.revision)))?.[1];
      expect(back, rev.revision).toBe(pageOf.get(rev.revision));
    }
  });

  it('lists every audit finding exactly once across the audit pages, in the one-page order, with the counts on page 1', () => {
    const a = auditData(contextOf(k));
    const count = Math.ceil((a.open + a.waived + a.problems.filter((p) => p.severity !== 'info').length) / PAGE_SIZE);
    expect(count).toBe(2);
    expect(urls.audit(1)).toBe('/audit/');
    const listed: string[] = [];
    for (let n = 1; n <= count; n++) {
      const page = html(urls.audit(n));
      expect(entriesOn(page)).toBeLessThanOrEqual(PAGE_SIZE);
      listed.push(...findingsOn(page));
      expect(titleOf(page)).toBe(n === 1 ? 'Audit · Paged' : `Audit (page ${n} of ${count}) · Paged`);
      const nav = navOf(page)!;
      expect([nav.prev, nav.next]).toEqual([n > 1 ? urls.audit(n - 1) : null, n < count ? urls.audit(n + 1) : null]);
      // Counts stay complete on every page; the rules table is on the first.
      expect(page).toContain(`${a.open} open</span>`);
      expect(page.includes('id="rules-and-checks"')).toBe(n === 1);
    }
    expect(byPath.has(urls.audit(count + 1))).toBe(false);
    const expected = [...a.groups.flatMap((g) => g.findings), ...a.waivedFindings].map((f) => `${f.check} ${f.migration?.href ?? '-'}`);
    expect(listed).toEqual(expected);
    expect(listed.length).toBe(k.findings.length);
    expect(a.open).toBe(k.findings.filter((f) => !f.waiver).length);
    // Page 1's rules table links each rule to the page where its findings start.
    const first = html(urls.audit(1));
    for (const g of a.groups) {
      const id = g.anchor;
      const start = [1, 2].find((n) => byPath.get(urls.audit(n))!.ids.has(id))!;
      expect(first).toContain(`href="${start === 1 ? '' : urls.audit(start)}#${id}"`);
    }
    expect(first).toContain(`href="${urls.audit(2)}#findings-db-002"`);
  });

  it('resolves every link and anchor, the page navigation included', () => {
    expect(site.log).toMatch(/links: \d+ links on \d+ pages, all resolve/);
    const report = checkSiteLinks(site.outDir, '/');
    expect(report.broken).toEqual([]);
    expect(report.duplicateIds).toEqual([]);
    expect(unresolvedLinks(pages, '/', site.outDir)).toEqual([]);
  });
});

describe('the demo, short enough for one page', () => {
  it('has no page navigation and no later pages', () => {
    const site = builtSite('demo');
    const pages = readPages(site.outDir);
    expect(pages.filter((p) => /^\/(migrations|audit)\/(.*\/)?page\/\d+\/$/.test(p.path))).toEqual([]);
    for (const path of ['/migrations/', '/audit/']) {
      const p = pages.find((x) => x.path === path)!;
      expect(p.html).not.toContain('class="pages"');
      expect(p.html).not.toMatch(/rel="(prev|next)"/);
      expect(p.html).not.toContain('(page ');
    }
    expect(revisionsOn(pages.find((x) => x.path === '/migrations/')!.html).length).toBeGreaterThan(30);
  });
});

describe('an incremental rebuild', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  const build = (root: string, out: string, fresh: boolean): void => {
    const args = [join(REPO, 'bin/lore.mjs'), 'build', root, '--out', out, '--title', 'Paged', '--no-search', '--no-bundle', ...(fresh ? ['--fresh'] : [])];
    const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: cleanEnv() });
    if (r.status !== 0) throw new Error(`lore build failed (exit ${r.status}):\n${`${r.stdout}\n${r.stderr}`.slice(-4000)}`);
  };

  it('re-renders the timeline and audit pages that show a changed migration, like a fresh build', { timeout: 900_000 }, () => {
    const root = mkdtempSync(join(tmpdir(), 'lore-paged-copy-'));
    const work = mkdtempSync(join(tmpdir(), 'lore-paged-out-'));
    made.push(root, work, cacheDirFor({ root, sources: {} }));
    cpSync(pagedRepo(), root, { recursive: true });
    // A migration on a later page of both listings: the last open finding of the first rule.
    const k = loadKnowledge(root);
    const g = k.migrations[0]!;
    const a = auditData(contextOf(k));
    const target = a.groups[0]!.findings.at(-1)!.migration!.label;
    const rev = g.revisions.find((r) => r.revision === target)!;
    const timelineAt = timelinePageOf(g, target);
    const auditAt = a.pages.findIndex((p) => p.groups.some((x) => x.findings.some((f) => f.migration?.label === target))) + 1;
    expect([timelineAt, auditAt]).toEqual([2, 2]);

    const incremental = join(work, 'incremental');
    build(root, incremental, true);
    const file = join(root, rev.path);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(`"""${rev.message}\n`, '"""renamed on the second build\n'));
    build(root, incremental, false);
    const fresh = join(work, 'fresh');
    build(root, fresh, true);

    const urls = urlsOf(k);
    const read = (dir: string, href: string): string => readFileSync(join(dir, href, 'index.html'), 'utf8');
    expect(read(incremental, urls.timeline(g.name, timelineAt)).includes('renamed on the second build'), 'timeline page').toBe(true);
    expect(read(incremental, urls.audit(auditAt)).includes('renamed on the second build'), 'audit page').toBe(true);
    const htmlFiles = filesIn(fresh, '.html');
    expect(filesIn(incremental, '.html')).toEqual(htmlFiles);
    const differ = htmlFiles.filter((f) => !readFileSync(join(incremental, f)).equals(readFileSync(join(fresh, f))));
    expect(differ).toEqual([]);
    expect(existsSync(join(incremental, 'migrations', 'page', '3', 'index.html'))).toBe(true);
  });
});
