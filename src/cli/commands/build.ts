import { isAbsolute, relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { Command } from './index.ts';
import { sourceHelp, sourceOptions } from '../sources.ts';
import { UsageError } from '../usage.ts';
import type { SourceOptions } from '../../core/load.ts';

export interface SiteArgs {
  root: string;
  sources: SourceOptions;
  title: string | undefined;
  base: string | undefined;
  repoUrl: string | undefined;
}

/** [root], the source options and the site options shared by `lore build` and `lore dev`. */
export function siteArgs(values: Record<string, unknown>, positionals: string[], cwd: string): SiteArgs {
  if (positionals.length > 1) throw new UsageError(`expected at most one [root], got ${positionals.length}`);
  const root = resolve(cwd, positionals[0] ?? '.');
  if (!existsSync(root)) throw new UsageError(`root ${positionals[0]} does not exist`);
  const list = (key: string): string[] | undefined => (values[key] as string[] | undefined)?.map((p) => resolve(cwd, p));
  const base = values.base as string | undefined;
  if (base !== undefined && (/^[a-z]+:/i.test(base) || base.includes('?') || base.includes('#'))) throw new UsageError(`--base takes a path such as /handbook/, not ${base}`);
  const repoUrl = values['repo-url'] as string | undefined;
  if (repoUrl !== undefined && !/^https?:\/\//i.test(repoUrl)) throw new UsageError(`--repo-url takes an http(s) address, not ${repoUrl}`);
  return {
    root,
    sources: { adrs: list('adrs'), rules: list('rules'), migrations: list('migrations'), docs: list('docs') },
    title: values.title as string | undefined,
    base,
    repoUrl,
  };
}

export const siteOptionHelp = `  --base PATH        serve the site under this path, e.g. /handbook/   [default: /]
  --title TEXT       site title                              [default: the root folder's name]
  --repo-url URL     web address of the repository's files, for "view in repository" links
                     (e.g. https://github.com/org/repo/blob/main/)`;

export const siteOptions = {
  ...sourceOptions,
  base: { type: 'string' },
  title: { type: 'string' },
  'repo-url': { type: 'string' },
} as const;

export const build: Command = {
  name: 'build',
  summary: 'build the knowledge site (Astro + Pagefind) for a repository',
  usage: 'lore build [root] [--out DIR] [--base PATH] [--site URL] [--title TEXT] [--no-search] [--bundle-dir DIR | --no-bundle] [--fresh] [source options]',
  help: `Builds the static site for the repository at [root] (default: the current folder): home, decisions,
rules, migration timelines, migration and table pages, guides, search (Pagefind), sitemap and 404.
Every internal link of the result is checked: a broken one fails the build.

Options:
  --out DIR          output folder                              [default: <root>/dist]
  --site URL         the site's address, for absolute URLs in sitemap.xml (e.g. https://org.github.io)
${siteOptionHelp}
  --no-search        skip the Pagefind index
  --bundle-dir DIR   where the agent bundle (CLAUDE.md, AGENTS.md, the scoped migrations file)
                     is written                                   [default: root]
  --no-bundle        write no agent bundle (llms.txt and the .md page twins are still written)
  --fresh            ignore the caches of earlier builds (a rebuild normally re-renders only
                     the pages whose content changed)
  --quiet            print only warnings and errors

${sourceHelp}`,
  options: { ...siteOptions, out: { type: 'string' }, site: { type: 'string' }, 'no-search': { type: 'boolean' }, 'bundle-dir': { type: 'string' }, 'no-bundle': { type: 'boolean' }, fresh: { type: 'boolean' }, quiet: { type: 'boolean' } },
  async run({ values, positionals, out, cwd }) {
    const args = siteArgs(values, positionals, cwd);
    const site = values.site as string | undefined;
    if (site !== undefined && !/^https?:\/\/[^/]/i.test(site)) throw new UsageError(`--site takes an http(s) address, not ${site}`);
    const outDir = resolve(cwd, (values.out as string | undefined) ?? resolve(args.root, 'dist'));
    const rel = relative(outDir, args.root);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) throw new UsageError(`--out must be a folder of its own, not the repository or a folder above it (${outDir})`);
    const started = performance.now();
    const { buildSite } = await import('../../integration/run.ts');
    try {
      await buildSite({
        root: args.root,
        sources: args.sources,
        title: args.title,
        base: args.base,
        repoUrl: args.repoUrl,
        outDir,
        site,
        search: values['no-search'] !== true,
        bundle: values['no-bundle'] === true ? { outputs: { claude: false, agents: false, scoped: false } } : values['bundle-dir'] !== undefined ? { outDir: resolve(cwd, values['bundle-dir'] as string) } : {},
        fresh: values.fresh === true,
        cache: values['no-cache'] !== true,
        logLevel: values.quiet ? 'warn' : 'info',
      });
    } catch (err) {
      out.error(`lore build: ${(err as Error).message}\n`);
      return 1;
    }
    out.write(`Built the site into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  },
};
