// Content-layer loaders: they fill Astro's content collections with ready-to-render page data,
// built from the knowledge loaded once per build. Markdown is rendered here with Astro's
// markdown processor (through the Lore hast plugin: sanitized, links rewritten), and an entry
// whose inputs did not change keeps its rendered HTML (fast rebuilds and dev reloads).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import type { ResolvedLoreOptions } from './options.ts';
import { loadSite, type LoreSite } from './site.ts';
import { adrPage, decisionsIndex } from './data/decisions.ts';
import { rulesFilePage, rulesIndex } from './data/rules.ts';
import { migrationPage, timeline } from './data/migrations.ts';
import { tablePage, tablesIndex } from './data/tables.ts';
import { auditData, docPage, homeData } from './data/home.ts';
import { withoutTitle } from './markdown/segments.ts';
import { highlightPython } from './highlight.ts';
import { decodeText } from '../core/text.ts';

/** The collections the site's routes read. */
export const COLLECTIONS = {
  pages: 'lore-pages',
  adrs: 'lore-adrs',
  rules: 'lore-rules',
  timelines: 'lore-timelines',
  migrations: 'lore-migrations',
  tables: 'lore-tables',
  docs: 'lore-docs',
} as const;

/** All loaders share this name: `refreshContent({ loaders: ['lore'] })` reloads them all. */
export const LOADER_NAME = 'lore';

/**
 * Part of every entry's digest: bump it when the rendering (markdown plugin, page data shape)
 * changes, so cached entries from an older Lore are rendered again.
 */
export const RENDER_VERSION = 'lore-site-3';

type Entry = { id: string; data: Record<string, unknown>; markdown?: { text: string; file: string } };

/**
 * Writes entries to a collection: unchanged entries (same digest) are kept as they are, changed
 * ones are (re)rendered, and entries that no longer exist are removed.
 */
async function sync(ctx: LoaderContext, site: LoreSite, entries: Iterable<Entry>): Promise<void> {
  const store: DataStore = ctx.store;
  const keep = new Set<string>();
  for (const e of entries) {
    keep.add(e.id);
    const digest = ctx.generateDigest(JSON.stringify([RENDER_VERSION, e.data, e.markdown ?? null]));
    const existing = store.get(e.id);
    if (existing && existing.digest === digest) continue;
    let rendered: { html: string; metadata?: Record<string, unknown> } | undefined;
    if (e.markdown) {
      const r = await ctx.renderMarkdown(`\n${e.markdown.text}`, { fileURL: pathToFileURL(join(site.knowledge.root, e.markdown.file)) });
      rendered = { html: r.html, metadata: { headings: r.metadata?.headings ?? [] } };
    }
    store.set({ id: e.id, data: e.data, digest, ...(rendered ? { rendered } : {}) });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
}

/** A marker paragraph between rule segments, to render a whole rules file at once and split it after. */
const SPLIT = 'LORESEGMENTSPLIT9F3Q';

async function renderRulesSegments(ctx: LoaderContext, site: LoreSite, file: string, parts: string[]): Promise<string[]> {
  const fileURL = pathToFileURL(join(site.knowledge.root, file));
  if (parts.length === 0) return [];
  // One render keeps heading anchors unique across the page.
  const joined = parts.map((p, i) => (i ? `\n\n${SPLIT}${i}\n\n${p}` : p)).join('');
  const r = await ctx.renderMarkdown(`\n${joined}`, { fileURL });
  const pieces = r.html.split(new RegExp(`<p>${SPLIT}\\d+</p>\\n?`));
  if (pieces.length === parts.length) return pieces;
  // A segment swallowed a marker (e.g. an unclosed HTML block): render one by one.
  const out: string[] = [];
  for (const p of parts) out.push((await ctx.renderMarkdown(`\n${p}`, { fileURL })).html);
  return out;
}

function readSource(root: string, path: string): string | null {
  try {
    return decodeText(readFileSync(join(root, path))).text;
  } catch {
    return null;
  }
}

function loader(options: ResolvedLoreOptions, fill: (ctx: LoaderContext, site: LoreSite) => Promise<void>): Loader {
  return {
    name: LOADER_NAME,
    load: async (ctx) => {
      const site = loadSite(options, ctx.config.base);
      await fill(ctx, site);
    },
  };
}

export function loreLoaders(options: ResolvedLoreOptions): Record<(typeof COLLECTIONS)[keyof typeof COLLECTIONS], Loader> {
  return {
    [COLLECTIONS.pages]: loader(options, (ctx, site) =>
      sync(ctx, site, [
        { id: 'home', data: homeData(site.ctx) as unknown as Record<string, unknown> },
        { id: 'decisions', data: decisionsIndex(site.ctx) as unknown as Record<string, unknown> },
        { id: 'rules', data: rulesIndex(site.ctx) as unknown as Record<string, unknown> },
        { id: 'tables', data: tablesIndex(site.ctx) as unknown as Record<string, unknown> },
        { id: 'audit', data: auditData(site.ctx) as unknown as Record<string, unknown> },
      ]),
    ),
    [COLLECTIONS.adrs]: loader(options, (ctx, site) =>
      sync(
        ctx,
        site,
        site.knowledge.adrs.map((adr) => {
          const body = withoutTitle(adr.body);
          const data = adrPage(site.ctx, adr, body);
          return { id: data.slug, data: data as unknown as Record<string, unknown>, markdown: { text: body, file: adr.file } };
        }),
      ),
    ),
    [COLLECTIONS.rules]: loader(options, async (ctx, site) => {
      const entries: Entry[] = [];
      for (const file of site.knowledge.rules) {
        const data = rulesFilePage(site.ctx, file);
        entries.push({ id: data.slug, data: data as unknown as Record<string, unknown> });
      }
      // Render inside `sync` only when the page data changed.
      await syncRules(ctx, site, entries);
    }),
    [COLLECTIONS.timelines]: loader(options, (ctx, site) =>
      sync(
        ctx,
        site,
        site.knowledge.migrations.map((g) => {
          const data = timeline(site.ctx, g);
          return { id: data.slug || g.name, data: data as unknown as Record<string, unknown> };
        }),
      ),
    ),
    [COLLECTIONS.migrations]: loader(options, (ctx, site) => {
      const root = site.knowledge.root;
      const entries = function* (): Generator<Entry> {
        for (const g of site.knowledge.migrations) {
          const seen = new Set<string>();
          // The later file wins for a duplicated id, as in Alembic (and in the URL).
          for (const rev of [...g.revisions].reverse()) {
            if (seen.has(rev.revision)) continue;
            seen.add(rev.revision);
            const source = readSource(root, rev.path);
            const hl = source === null ? null : highlightPython(source);
            const data = migrationPage(site.ctx, g, rev, hl?.html ?? null, hl?.lines ?? 0);
            yield { id: data.slug, data: data as unknown as Record<string, unknown> };
          }
        }
      };
      return sync(ctx, site, entries());
    }),
    [COLLECTIONS.tables]: loader(options, (ctx, site) =>
      sync(
        ctx,
        site,
        site.knowledge.tables.map((t) => {
          const data = tablePage(site.ctx, t);
          return { id: data.slug, data: data as unknown as Record<string, unknown> };
        }),
      ),
    ),
    [COLLECTIONS.docs]: loader(options, (ctx, site) =>
      sync(
        ctx,
        site,
        site.knowledge.docs.map((d) => {
          const body = withoutTitle(d.body);
          const data = docPage(site.ctx, d, body);
          return { id: data.slug, data: data as unknown as Record<string, unknown>, markdown: { text: body, file: d.path } };
        }),
      ),
    ),
  };
}

async function syncRules(ctx: LoaderContext, site: LoreSite, entries: Entry[]): Promise<void> {
  const keep = new Set<string>();
  for (const e of entries) {
    keep.add(e.id);
    const digest = ctx.generateDigest(JSON.stringify([RENDER_VERSION, e.data]));
    const existing = ctx.store.get(e.id);
    if (existing && existing.digest === digest) continue;
    const data = e.data as unknown as { path: string; segments: { markdown: string; html?: string }[] };
    const html = await renderRulesSegments(ctx, site, data.path, data.segments.map((s) => s.markdown));
    data.segments.forEach((s, i) => {
      s.html = html[i] ?? '';
    });
    ctx.store.set({ id: e.id, data: e.data, digest });
  }
  for (const id of ctx.store.keys()) if (!keep.has(id)) ctx.store.delete(id);
}
