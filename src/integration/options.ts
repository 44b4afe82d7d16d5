import type { LoreConfig } from '../core/config/schema.ts';
import { resolveConfigSync } from '../core/config/resolve.ts';
import { basename } from 'node:path';
import type { BundleOptionsInput } from '../core/bundle/index.ts';
// The integration's options, and the plain-JSON form the site's modules receive.
import { resolve } from 'node:path';
import type { SourceOptions } from '../core/load.ts';

/**
 * The integration takes the configuration file's schema (`LoreConfig`: sources, alembic, audit,
 * bundle, site) plus `root`; the flat site keys below are shorthands for `site.*`. The target
 * repository's own lore.config.json / .mjs fills in whatever is not given here.
 */
export interface LoreOptions extends Omit<LoreConfig, 'sources' | 'bundle'> {
  /** Repository whose knowledge is published. Default: the Astro project root. */
  root?: string;
  /** Where rules, ADRs, migrations and docs live (repo-relative or absolute). Default: the config file, then discovery. */
  sources?: { [K in keyof SourceOptions]?: string | string[] };
  /** Values for non-literal expressions in migration variables. */
  constants?: Record<string, string | string[] | null>;
  /** Site title (header, `<title>` suffix). */
  title?: string;
  /** One sentence about the knowledge base (home page and default meta description). */
  description?: string;
  /** Base path the site is served under (`/handbook/`); sets Astro's `base`. */
  base?: string;
  /** Web address of the repository's files (e.g. `https://github.com/org/repo/blob/main/`): links to source files. */
  repoUrl?: string;
  /** Run Pagefind after the build (default true). */
  search?: boolean;
  /** Reuse what was parsed from migrations, ADRs and rules files on earlier runs, kept in [root]/.lore-cache or $LORE_CACHE_DIR (default true). */
  cache?: boolean;
  /** Fail the build when a page links to a page or anchor that does not exist (default true). */
  checkLinks?: boolean;
  /** The agent bundle written at the end of the build (`false`: none); `outDir` (repo-relative) moves it. */
  bundle?: (BundleOptionsInput & { outDir?: string }) | false;
}

/** What the site's modules need, as JSON (it crosses into Vite-loaded modules as a virtual module). */
export interface ResolvedLoreOptions {
  root: string;
  sources: SourceOptions;
  constants: Record<string, string | string[] | null> | null;
  title: string;
  description: string;
  repoUrl: string | null;
  search: boolean;
  cache: boolean;
  checkLinks: boolean;
  bundle: (BundleOptionsInput & { outDir?: string }) | false;
}

export const DEFAULT_DESCRIPTION = 'Why the database schema is what it is: rules, decisions and migrations, cross-linked.';

export function resolveOptions(options: LoreOptions, astroRoot: string): ResolvedLoreOptions {
  const root = resolve(options.root ?? astroRoot);
  const file = resolveConfigSync(root).site;
  const site = { ...file, ...options.site };
  const abs = (list: string | string[] | undefined): string[] | undefined => (list === undefined ? undefined : (Array.isArray(list) ? list : [list]).map((p) => resolve(root, p)));
  const sources: SourceOptions = {};
  for (const kind of ['adrs', 'rules', 'migrations', 'docs'] as const) {
    const list = abs(options.sources?.[kind]);
    if (list?.length) sources[kind] = list;
  }
  let repoUrl = (options.repoUrl ?? site.repoUrl)?.trim() || null;
  if (repoUrl && !/^https?:\/\//i.test(repoUrl)) repoUrl = null;
  if (repoUrl && !repoUrl.endsWith('/')) repoUrl += '/';
  return {
    root,
    sources,
    constants: options.constants ?? options.alembic?.constants ?? null,
    title: (options.title ?? site.title)?.trim() || basename(root) || 'Lore',
    description: (options.description ?? site.description)?.trim() || DEFAULT_DESCRIPTION,
    repoUrl,
    search: (options.search ?? site.search) !== false,
    cache: options.cache !== false,
    checkLinks: (options.checkLinks ?? site.checkLinks) !== false,
    bundle: options.bundle ?? {},
  };
}
