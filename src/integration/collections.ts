// Content-layer loaders. They hold what only Astro can make: the rendered markdown of ADRs, rules
// files and guide pages (Astro's markdown processor, through the Lore hast plugin: sanitized,
// links rewritten). Other pages keep just their id here. Each entry's digest covers its whole page
// data, so an entry changes exactly when its page does (dev reloads, route lists), and an
// unchanged entry keeps its rendered HTML (fast rebuilds). Page data itself comes from pages.ts.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ResolvedLoreOptions } from './options.ts';
import { loadSite, type LoreSite } from './site.ts';
import { pagesFor, type SitePages } from './pages.ts';

/** The collections the site's routes read. */
export const COLLECTIONS = {
  adrs: 'lore-adrs',
  rules: 'lore-rules',
  docs: 'lore-docs',
  timelines: 'lore-timelines',
  migrations: 'lore-migrations',
  tables: 'lore-tables',
} as const;

/** All loaders share this name: `refreshContent({ loaders: ['lore'] })` reloads them all. */
export const LOADER_NAME = 'lore';

/**
 * Part of every entry's digest: bump it when the rendering (markdown plugin, page data shape)
 * changes, so cached entries from an older Lore are rendered again.
 */
export const RENDER_VERSION = 'lore-site-7';

interface Entry {
  id: string;
  /** What the page shows (its digest decides whether the entry changed). */
  page: unknown;
  /** Markdown to render, and the repository file it comes from (for relative links). */
  markdown?: { text: string; file: string };
  /** Several markdown parts of one file, rendered together (rules files). */
  parts?: { texts: string[]; file: string };
  /** An MDX file, compiled by @astrojs/mdx when its page renders (`render(entry)`). */
  mdx?: { file: string };
}

async function sync(ctx: LoaderContext, site: LoreSite, entries: Iterable<Entry>): Promise<void> {
  const keep = new Set<string>();
  const fileURL = (file: string): URL => pathToFileURL(join(site.knowledge.root, file));
  for (const e of entries) {
    keep.add(e.id);
    const digest = ctx.generateDigest(JSON.stringify([RENDER_VERSION, e.page]));
    if (ctx.store.get(e.id)?.digest === digest) continue;
    if (e.markdown) {
      const r = await ctx.renderMarkdown(`\n${e.markdown.text}`, { fileURL: fileURL(e.markdown.file) });
      ctx.store.set({ id: e.id, data: {}, digest, rendered: { html: r.html, metadata: { headings: r.metadata?.headings ?? [] } } });
    } else if (e.mdx) {
      // Astro resolves a deferred entry's file relative to its project root (this package).
      const filePath = relative(fileURLToPath(ctx.config.root), join(site.knowledge.root, e.mdx.file)).split(sep).join('/');
      ctx.store.set({ id: e.id, data: {}, digest, filePath, deferredRender: true });
    } else if (e.parts) {
      ctx.store.set({ id: e.id, data: { parts: await renderParts(ctx, fileURL(e.parts.file), e.parts.texts) }, digest });
    } else {
      ctx.store.set({ id: e.id, data: {}, digest });
    }
  }
  for (const id of ctx.store.keys()) if (!keep.has(id)) ctx.store.delete(id);
}

/** A marker paragraph between parts, to render a whole file at once and split it after. */
const SPLIT = 'LORESEGMENTSPLIT9F3Q';

/** Renders parts of one markdown file in one go (heading anchors stay unique across the page). */
async function renderParts(ctx: LoaderContext, fileURL: URL, parts: string[]): Promise<string[]> {
  if (parts.length === 0) return [];
  const joined = parts.map((p, i) => (i ? `\n\n${SPLIT}${i}\n\n${p}` : p)).join('');
  const r = await ctx.renderMarkdown(`\n${joined}`, { fileURL });
  const pieces = r.html.split(new RegExp(`<p>${SPLIT}\\d+</p>\\n?`));
  if (pieces.length === parts.length) return pieces;
  // A part swallowed a marker (e.g. an unclosed HTML block): render them one by one.
  const out: string[] = [];
  for (const p of parts) out.push((await ctx.renderMarkdown(`\n${p}`, { fileURL })).html);
  return out;
}

function loader(options: ResolvedLoreOptions, entries: (pages: SitePages) => Iterable<Entry>): Loader {
  return {
    name: LOADER_NAME,
    load: async (ctx) => {
      const site = loadSite(options, ctx.config.base);
      await sync(ctx, site, entries(pagesFor(site)));
    },
  };
}

function sourceText(root: string, path: string): string | null {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return null;
  }
}

function* map<K, V, T>(m: Map<K, V>, f: (key: K, value: V) => T): Generator<T> {
  for (const [k, v] of m) yield f(k, v);
}

export function loreLoaders(options: ResolvedLoreOptions): Record<(typeof COLLECTIONS)[keyof typeof COLLECTIONS], Loader> {
  return {
    [COLLECTIONS.adrs]: loader(options, (p) =>
      map(p.adrs(), (slug, adr) => {
        const page = p.adr(slug)!;
        return { id: slug, page, markdown: { text: page.body, file: adr.file } };
      }),
    ),
    [COLLECTIONS.rules]: loader(options, (p) =>
      map(p.rulesFiles(), (slug, file) => {
        const page = p.rulesFile(slug)!;
        return { id: slug, page, parts: { texts: page.segments.map((s) => s.markdown), file: file.path } };
      }),
    ),
    [COLLECTIONS.docs]: loader(options, (p) =>
      map(p.docs(), (slug, doc) => {
        const page = p.doc(slug)!;
        if (doc.path.toLowerCase().endsWith('.mdx')) return { id: slug, page: [page, sourceText(p.site.knowledge.root, doc.path)], mdx: { file: doc.path } };
        return { id: slug, page, markdown: { text: page.body, file: doc.path } };
      }),
    ),
    // One entry per page of each timeline (a long history has several).
    [COLLECTIONS.timelines]: loader(options, (p) => map(p.timelinePages(), (route) => ({ id: route || '-', page: p.timelinePage(route) }))),
    // The source is highlighted when the page renders: its text is part of the digest too.
    [COLLECTIONS.migrations]: loader(options, (p) => map(p.migrations(), (slug, m) => ({ id: slug, page: [p.migration(slug), sourceText(p.site.knowledge.root, m.rev.path)] }))),
    [COLLECTIONS.tables]: loader(options, (p) => map(p.tableList(), (slug) => ({ id: slug, page: p.table(slug) }))),
  };
}
