// The Astro integration: `lore(options)` publishes a repository's rules, ADRs and migrations as a
// static site. It points Astro at Lore's site sources (src/site: routes, content config,
// components), feeds the content collections from `loadKnowledge`, injects the routes, adds the
// Lore markdown plugin (sanitizing, link rewriting), and after the build checks every internal
// link, writes the sitemap and runs Pagefind.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { resolveOptions, type LoreOptions, type ResolvedLoreOptions } from './options.ts';
import { loreHastPlugin } from './markdown/html-plugin.ts';
import { ROUTES } from './routes.ts';
import { afterBuild } from './build-done.ts';
import { watchSources } from './dev.ts';
import { normalizeBase } from './urls.ts';

export type { LoreOptions } from './options.ts';
export { createUrls, normalizeBase, type SiteUrls } from './urls.ts';

/** Lore's site sources (routes, components, content config): the Astro `srcDir` the integration sets. */
export const siteDir = new URL('../site/', import.meta.url);

const VIRTUAL = {
  options: 'virtual:lore/options',
  content: 'virtual:lore/content',
} as const;

/** Virtual modules through which the site's files get the options and the loaders. */
function virtualModules(getOptions: () => ResolvedLoreOptions): Plugin {
  const collections = fileURLToPath(new URL(`./collections${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  return {
    name: 'lore:virtual',
    resolveId(id) {
      if (id === VIRTUAL.options || id === VIRTUAL.content) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${VIRTUAL.options}`) {
        const o = getOptions();
        return `export default ${JSON.stringify({ title: o.title, description: o.description, search: o.search, repoUrl: o.repoUrl })};`;
      }
      if (id === `\0${VIRTUAL.content}`) {
        return [
          `import { loreLoaders, COLLECTIONS } from ${JSON.stringify(collections)};`,
          `export const loaders = loreLoaders(${JSON.stringify(getOptions())});`,
          `export { COLLECTIONS };`,
        ].join('\n');
      }
      return null;
    },
  };
}

export default function lore(options: LoreOptions = {}): AstroIntegration {
  let resolved: ResolvedLoreOptions | null = null;
  const get = (): ResolvedLoreOptions => {
    if (!resolved) throw new Error('lore: options used before astro:config:setup');
    return resolved;
  };
  let logger: AstroIntegrationLogger | null = null;
  let base = '/';
  let site: string | undefined;
  return {
    name: 'lore',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectRoute, logger: l }) => {
        logger = l;
        resolved = resolveOptions(options, fileURLToPath(config.root));
        if (options.base !== undefined) base = normalizeBase(options.base);
        else base = normalizeBase(config.base);
        const processor = config.markdown.processor as { name?: string; options?: { hastPlugins?: unknown[]; features?: Record<string, unknown> } } | undefined;
        if (processor?.name === 'satteri' && processor.options) {
          processor.options.hastPlugins ??= [];
          if (!processor.options.hastPlugins.includes(loreHastPlugin)) processor.options.hastPlugins.push(loreHastPlugin);
          processor.options.features ??= {};
          // Raw HTML is parsed into elements so the plugin can filter it (not passed through verbatim).
          processor.options.features.rawHtml = true;
        } else {
          throw new Error(`lore: the site needs Astro's default markdown processor (satteri), not ${processor?.name ?? 'none'}`);
        }
        updateConfig({
          srcDir: siteDir,
          base,
          trailingSlash: 'always',
          build: { format: 'directory' },
          markdown: {
            syntaxHighlight: { type: 'shiki', excludeLangs: ['math', 'mermaid'] },
            shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
          },
          vite: { plugins: [virtualModules(get)] },
        } as Parameters<typeof updateConfig>[0]);
        for (const route of ROUTES) injectRoute({ pattern: route.pattern, entrypoint: new URL(`../site/routes/${route.file}`, import.meta.url), prerender: true });
      },
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = normalizeBase(config.base);
      },
      'astro:server:setup': ({ server, refreshContent }) => {
        watchSources(get(), server, refreshContent, logger);
      },
      'astro:build:done': async ({ dir, pages, logger: l }) => {
        await afterBuild({ options: get(), base, site, outDir: fileURLToPath(dir), pages: pages.map((p) => p.pathname), logger: l });
      },
    },
  };
}

export { lore };
