// Page data at render time. Pages ask for their data here instead of storing it in the content
// store: the knowledge is already in memory (loaded once per build by the content loaders), and
// a small store keeps big sites fast (a large data store is slow to serialize and to load).
// The content collections hold what needs Astro's markdown renderer (ADR bodies, rules, docs)
// plus the page ids, so dev reloads and `getStaticPaths` follow changes.
import { createHash } from 'node:crypto';
import type { Adr, DocPage, MigrationGraph, Revision, RuleFile, TableHistory } from '../core/model.ts';
import type { ResolvedLoreOptions } from './options.ts';
import { loadSite, type LoreSite } from './site.ts';
import { adrPage, decisionsIndex, type AdrPageData, type DecisionsIndexData } from './data/decisions.ts';
import { rulesFilePage, rulesIndex, type RulesFilePageData, type RulesIndexData } from './data/rules.ts';
import { migrationPage, timeline, timelinePage, type MigrationPageData, type TimelineData, type TimelinePageData } from './data/migrations.ts';
import { tablePage, tablesIndex, type TablePageData, type TablesIndexData } from './data/tables.ts';
import { auditData, docPage, homeData, type AuditData, type AuditPageData, type DocPageData, type HomeData } from './data/home.ts';
import { withoutTitle } from './markdown/segments.ts';

export interface SitePages {
  site: LoreSite;
  home(): HomeData;
  decisions(): DecisionsIndexData;
  rules(): RulesIndexData;
  tables(): TablesIndexData;
  audit(): AuditData;
  /** One page of the audit by its route param below /audit/ ('' for the first), or undefined. */
  auditPage(route: string): AuditPageData | undefined;
  /** Page data by route slug (see urls.ts), or undefined. */
  adr(slug: string): AdrPageData | undefined;
  rulesFile(slug: string): RulesFilePageData | undefined;
  /** A whole timeline, by its environment's slug. */
  timeline(slug: string): TimelineData | undefined;
  /** One page of a timeline, by its route param below /migrations/ (see timelinePages). */
  timelinePage(route: string): TimelinePageData | undefined;
  migration(slug: string): MigrationPageData | undefined;
  table(slug: string): TablePageData | undefined;
  doc(slug: string): DocPageData | undefined;
  /** Every page's slug and its source object, per kind (for loaders and getStaticPaths). */
  adrs(): Map<string, Adr>;
  rulesFiles(): Map<string, RuleFile>;
  timelines(): Map<string, MigrationGraph>;
  /** Route param of every timeline page → the slug of its environment and its page number. */
  timelinePages(): Map<string, { slug: string; page: number }>;
  migrations(): Map<string, { graph: MigrationGraph; rev: Revision }>;
  tableList(): Map<string, TableHistory>;
  docs(): Map<string, DocPage>;
  /**
   * Digest of what every page's frame shows (site title, navigation, counts in the footer): part
   * of each page's cache key for incremental builds.
   */
  frameKey(): string;
  /** Digest of the decisions index data (cache key of its filtered and sorted views). */
  decisionsKey(): string;
  /** Digest of one audit page's data (part of its cache key), by route param. */
  auditKey(route: string): string;
}

export function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

const memo = new WeakMap<LoreSite, SitePages>();

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

function cached<K, V>(f: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    if (!values.has(key)) values.set(key, f(key));
    return values.get(key)!;
  };
}

/** Slug below a section (`/decisions/`) of a page URL made by the URL builder. */
function slugOf(site: LoreSite, href: string, section: string): string {
  return site.ctx.urls.path(href).slice(section.length).replace(/\/$/, '');
}

export function pagesFor(site: LoreSite): SitePages {
  const known = memo.get(site);
  if (known) return known;
  const { ctx, knowledge: k } = site;
  const adrs = once(() => new Map(k.adrs.map((a) => [slugOf(site, ctx.urls.adr(a), '/decisions/'), a])));
  const rulesFiles = once(() => new Map(k.rules.map((f) => [slugOf(site, ctx.urls.rulesFile(f.path), '/rules/'), f])));
  const timelines = once(() => new Map(k.migrations.map((g) => [slugOf(site, ctx.urls.timeline(g.name), '/migrations/'), g])));
  const migrations = once(() => {
    const out = new Map<string, { graph: MigrationGraph; rev: Revision }>();
    // The later file wins for a duplicated id, as in Alembic (and in the URL).
    for (const graph of k.migrations) for (const rev of graph.revisions) out.set(slugOf(site, ctx.urls.migration(graph.name, rev.revision), '/migrations/'), { graph, rev });
    return out;
  });
  const timelinePages = once(() => {
    const out = new Map<string, { slug: string; page: number }>();
    for (const slug of timelines().keys()) pages.timeline(slug)!.pages.forEach((p, i) => out.set(p.route, { slug, page: i + 1 }));
    return out;
  });
  const auditPages = once(() => new Map(pages.audit().pages.map((p) => [p.route, p])));
  const tableList = once(() => new Map(k.tables.map((t) => [slugOf(site, ctx.urls.table(t.name), '/tables/'), t])));
  const docs = once(() => new Map(k.docs.map((d) => [slugOf(site, ctx.urls.doc(d.slug), '/docs/'), d])));
  const pages: SitePages = {
    site,
    home: once(() => homeData(ctx)),
    decisions: once(() => decisionsIndex(ctx)),
    rules: once(() => rulesIndex(ctx)),
    tables: once(() => tablesIndex(ctx)),
    audit: once(() => auditData(ctx)),
    auditPage: (route) => auditPages().get(route),
    adr: cached((slug) => {
      const a = adrs().get(slug);
      return a ? adrPage(ctx, a, withoutTitle(a.body)) : undefined;
    }),
    rulesFile: cached((slug) => {
      const f = rulesFiles().get(slug);
      return f ? rulesFilePage(ctx, f) : undefined;
    }),
    timeline: cached((slug) => {
      const g = timelines().get(slug);
      return g ? timeline(ctx, g) : undefined;
    }),
    timelinePage: (route) => {
      const at = timelinePages().get(route);
      return at ? timelinePage(pages.timeline(at.slug)!, at.page) : undefined;
    },
    migration: (slug) => {
      const m = migrations().get(slug);
      return m ? migrationPage(ctx, m.graph, m.rev) : undefined;
    },
    table: (slug) => {
      const t = tableList().get(slug);
      return t ? tablePage(ctx, t) : undefined;
    },
    doc: cached((slug) => {
      const d = docs().get(slug);
      return d ? docPage(ctx, d, withoutTitle(d.body)) : undefined;
    }),
    adrs,
    rulesFiles,
    timelines,
    timelinePages,
    migrations,
    tableList,
    docs,
    frameKey: once(() => {
      const home = pages.home();
      return digest([site.options.title, home.nav, home.counts]);
    }),
    decisionsKey: once(() => digest(pages.decisions())),
    auditKey: cached((route) => digest(auditPages().get(route) ?? null)),
  };
  memo.set(site, pages);
  return pages;
}

/** The pages of the site built with these options (loads the knowledge unless it is cached). */
export function sitePages(options: ResolvedLoreOptions, base: string): SitePages {
  return pagesFor(loadSite(options, base));
}
