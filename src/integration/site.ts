// The knowledge of one build, loaded once and shared. Astro runs the integration natively and the
// content loaders through Vite (two copies of these modules), so the cache lives on globalThis,
// keyed by the options that change what is loaded or how URLs look.
import { loadKnowledge, type LoadedKnowledge } from '../core/load.ts';
import { defaultCacheDir, FileParseCache } from '../core/parse-cache.ts';
import type { ResolvedLoreOptions } from './options.ts';
import { createContext, type SiteContext } from './data/context.ts';
import { createLinkResolver, type LinkResolver } from './markdown/links.ts';
import { registerSite } from './markdown/html-plugin.ts';
import { normalizeBase } from './urls.ts';

export interface LoreSite {
  key: string;
  options: ResolvedLoreOptions;
  knowledge: LoadedKnowledge;
  ctx: SiteContext;
  resolver: LinkResolver;
  /** Milliseconds spent loading the knowledge. */
  loadMs: number;
}

interface Cache {
  sites: Map<string, LoreSite>;
  /** Bumped on every invalidation; loaders use it to notice a reload. */
  generation: number;
}

function cache(): Cache {
  const key = Symbol.for('lore.site.cache');
  const g = globalThis as unknown as Record<symbol, Cache | undefined>;
  return (g[key] ??= { sites: new Map(), generation: 0 });
}

export function siteKey(options: ResolvedLoreOptions, base: string): string {
  return JSON.stringify([options.root, options.sources, options.constants, normalizeBase(base), options.title, options.description, options.repoUrl]);
}

export function loadSite(options: ResolvedLoreOptions, base: string): LoreSite {
  const key = siteKey(options, base);
  const c = cache();
  let site = c.sites.get(key);
  if (!site) {
    const started = performance.now();
    const cache = options.cache ? new FileParseCache(defaultCacheDir(options.root)) : null;
    const knowledge = loadKnowledge(options.root, { sources: options.sources, ...(options.constants ? { constants: options.constants } : {}), cache });
    cache?.save();
    const loadMs = performance.now() - started;
    const ctx = createContext(knowledge, { title: options.title, description: options.description, base: normalizeBase(base), repoUrl: options.repoUrl });
    site = { key, options, knowledge, ctx, resolver: createLinkResolver(knowledge, ctx.urls, options.repoUrl), loadMs };
    c.sites.set(key, site);
  }
  registerSite({ root: site.knowledge.root, resolver: site.resolver });
  return site;
}

/** Forgets loaded knowledge (all of it, or one repository's) so the next `loadSite` reads the files again. */
export function invalidateSites(root?: string): void {
  const c = cache();
  for (const [key, site] of c.sites) if (root === undefined || site.options.root === root) c.sites.delete(key);
  c.generation++;
}

export function cacheGeneration(): number {
  return cache().generation;
}
