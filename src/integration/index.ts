// The Astro integration: injects Lore's pages. (Minimal until the site lands.)
import type { AstroIntegration } from 'astro';

export interface LoreOptions {
  /** Repository whose knowledge is published; default: the Astro root. */
  root?: string;
  title?: string;
}

export default function lore(options: LoreOptions = {}): AstroIntegration {
  return {
    name: 'lore',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig, config }) => {
        const root = options.root ?? new URL('.', config.root).pathname;
        updateConfig({ vite: { define: { __LORE_ROOT__: JSON.stringify(root), __LORE_TITLE__: JSON.stringify(options.title ?? 'Lore') } } });
        injectRoute({ pattern: '/', entrypoint: new URL('../site/pages/index.astro', import.meta.url) });
      },
    },
  };
}
