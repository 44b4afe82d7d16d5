// The Astro integration: `lore(options)` publishes a repository's rules, ADRs and migrations as a
// static site. It points Astro at Lore's site sources (src/site: routes, content config,
// components), feeds the content collections from `loadKnowledge`, injects the routes, adds the
// Lore markdown plugin (sanitizing, link rewriting), and after the build checks every internal
// link, writes the sitemap and runs Pagefind.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import mdx from '@astrojs/mdx';
import { resolveOptions, type LoreOptions, type ResolvedLoreOptions } from './options.ts';
import { loreHastPlugin } from './markdown/html-plugin.ts';
import { ROUTES } from './routes.ts';
import { afterBuild } from './build-done.ts';
import { watchSources } from './dev.ts';
import { normalizeBase } from './urls.ts';

export type { LoreOptions } from './options.ts';
export { createUrls, normalizeBase, type SiteUrls } from './urls.ts';

/**
 * Lore's site sources (routes, components, content config): the Astro `srcDir` the integration
 * sets. Always `src/site/` of the package, whether this module runs from src/ or compiled lib/.
 */
export const siteDir = new URL('../../src/site/', import.meta.url);

const VIRTUAL = {
  options: 'virtual:lore/options',
  content: 'virtual:lore/content',
  runtime: 'virtual:lore/runtime',
} as const;

const moduleFile = (name: string): string => fileURLToPath(new URL(`./${name}${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/** Virtual modules through which the site's files get the options and the loaders. */
function virtualModules(getOptions: () => ResolvedLoreOptions, getBase: () => string): Plugin {
  const collections = moduleFile('collections');
  const highlight = moduleFile('highlight');
  const pages = moduleFile('pages');
  return {
    name: 'lore:virtual',
    resolveId(id) {
      if (id === VIRTUAL.options || id === VIRTUAL.content || id === VIRTUAL.runtime) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${VIRTUAL.options}`) {
        const o = getOptions();
        return `export default ${JSON.stringify({ title: o.title, description: o.description, search: o.search, repoUrl: o.repoUrl })};`;
      }
      if (id === `\0${VIRTUAL.runtime}`) {
        // Render-time page data (pages.ts) and migration sources, highlighted when their page
        // renders: the content store stays small.
        return [
          `import { highlightFile } from ${JSON.stringify(highlight)};`,
          `import { sitePages } from ${JSON.stringify(pages)};`,
          `const options = ${JSON.stringify(getOptions())};`,
          `export const pages = () => sitePages(options, ${JSON.stringify(getBase())});`,
          `export const migrationSource = (path) => highlightFile(options.root, path);`,
        ].join('\n');
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
      'astro:config:setup': ({ config, command, updateConfig, injectRoute, logger: l }) => {
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
        // Guide pages may be MDX.
        if (!config.integrations.some((i) => i.name === '@astrojs/mdx')) updateConfig({ integrations: [mdx()] });
        updateConfig({
          srcDir: siteDir,
          base,
          trailingSlash: 'always',
          build: { format: 'directory' },
          markdown: {
            syntaxHighlight: { type: 'shiki', excludeLangs: ['math', 'mermaid'] },
            // Themes whose every token colour meets WCAG AA on the code block backgrounds of site.css.
            shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: false },
          },
          // The output folder is not emptied: pages that did not change stay in place (incremental
          // build); pages that no longer exist are pruned after the build (build-done.ts).
          vite: { plugins: [virtualModules(get, () => base)], build: { emptyOutDir: false } },
          // Rebuilds re-render only the pages whose data changed (routes return a `cacheKey`).
          experimental: { incrementalBuild: command === 'build' },
        } as Parameters<typeof updateConfig>[0]);
        for (const route of ROUTES) injectRoute({ pattern: route.pattern, entrypoint: new URL(`routes/${route.file}`, siteDir), prerender: true });
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
