// The integration's options, and the plain-JSON form the site's modules receive.
import { resolve } from 'node:path';
import type { SourceOptions } from '../core/load.ts';

export interface LoreOptions {
  /** Repository whose knowledge is published. Default: the Astro project root. */
  root?: string;
  /** Where rules, ADRs, migrations and docs live (repo-relative or absolute). Default: Lore's layout. */
  sources?: SourceOptions;
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
  /** Fail the build when a page links to a page or anchor that does not exist (default true). */
  checkLinks?: boolean;
  /** Options for the agent bundle written next to the site (passed through to the bundle). */
  bundle?: Record<string, unknown> | false;
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
  checkLinks: boolean;
  bundle: Record<string, unknown> | false;
}

export const DEFAULT_DESCRIPTION = 'Why the database schema is what it is: rules, decisions and migrations, cross-linked.';

export function resolveOptions(options: LoreOptions, astroRoot: string): ResolvedLoreOptions {
  const root = resolve(options.root ?? astroRoot);
  const abs = (list: string[] | undefined): string[] | undefined => list?.map((p) => resolve(root, p));
  const sources: SourceOptions = {};
  if (options.sources?.adrs?.length) sources.adrs = abs(options.sources.adrs);
  if (options.sources?.rules?.length) sources.rules = abs(options.sources.rules);
  if (options.sources?.migrations?.length) sources.migrations = abs(options.sources.migrations);
  if (options.sources?.docs?.length) sources.docs = abs(options.sources.docs);
  let repoUrl = options.repoUrl?.trim() || null;
  if (repoUrl && !/^https?:\/\//i.test(repoUrl)) repoUrl = null;
  if (repoUrl && !repoUrl.endsWith('/')) repoUrl += '/';
  return {
    root,
    sources,
    constants: options.constants ?? null,
    title: options.title?.trim() || 'Lore',
    description: options.description?.trim() || DEFAULT_DESCRIPTION,
    repoUrl,
    search: options.search !== false,
    checkLinks: options.checkLinks !== false,
    bundle: options.bundle ?? {},
  };
}
