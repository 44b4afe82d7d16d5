// After Astro wrote the pages: the sitemap, the agent bundle hook, the link check and the
// Pagefind index. Any failure here fails the build.
import { existsSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ResolvedLoreOptions } from './options.ts';
import { checkSiteLinksAsync } from './check-links.ts';
import { escapeHtml } from './highlight.ts';
import { loadSite } from './site.ts';
import { writeBundleFiles } from './bundle-hook.ts';

export interface AfterBuild {
  options: ResolvedLoreOptions;
  base: string;
  site: string | undefined;
  outDir: string;
  /** Pathnames Astro rendered (without the base, e.g. `decisions/0005-x/`). */
  pages: string[];
  logger: AstroIntegrationLogger;
}

/** sitemap.xml: every page but the 404, with absolute URLs when the site's address is known. */
export function sitemapXml(pages: string[], base: string, site: string | undefined): string {
  const origin = site ? site.replace(/\/+$/, '') : '';
  const urls = [...new Set(pages)]
    .filter((p) => !/(^|\/)404(\.html|\/)?$/.test(p))
    .map((p) => `${origin}${base}${p.replace(/^\/+/, '')}`)
    .sort();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${escapeHtml(u)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** Top-level names of the output folder that belong to the site (and may be pruned). */
const SITE_PARTS = new Set(['index.html', '404.html', 'decisions', 'rules', 'migrations', 'tables', 'docs', 'search', 'audit']);

/**
 * Removes pages of an earlier build that this build did not make (the output folder is not
 * emptied, so unchanged pages can stay). Only `.html` files of the site's own sections are
 * touched; empty folders left behind go too. Returns how many files were removed.
 */
export function pruneStalePages(outDir: string, pages: string[]): number {
  const keep = new Set(pages.map((p) => p.replace(/^\/+/, '')).map((p) => (p === '' || p.endsWith('/') ? `${p}index.html` : p.endsWith('.html') ? p : `${p}.html`)));
  keep.add('404.html');
  let removed = 0;
  const walk = (dir: string): boolean => {
    let empty = true;
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      const rel = relative(outDir, abs).split(sep).join('/');
      if (dir === outDir && !SITE_PARTS.has(name)) {
        empty = false;
        continue;
      }
      if (statSync(abs).isDirectory()) {
        if (walk(abs)) rmdirSync(abs);
        else empty = false;
      } else if (name.endsWith('.html') && !keep.has(rel)) {
        rmSync(abs);
        removed++;
      } else empty = false;
    }
    return empty;
  };
  if (existsSync(outDir)) walk(outDir);
  return removed;
}

export async function afterBuild(a: AfterBuild): Promise<void> {
  const started = performance.now();
  const pruned = pruneStalePages(a.outDir, a.pages);
  if (pruned) a.logger.info(`removed ${pruned} page(s) of an earlier build that no longer exist`);
  writeFileSync(join(a.outDir, 'sitemap.xml'), sitemapXml(a.pages, a.base, a.site));
  if (!a.site) a.logger.info('sitemap.xml lists site-relative URLs: set `site` (lore build --site URL) for absolute ones');

  // ── Agent bundle hook ──────────────────────────────────────────────────────────────────────
  // llms.txt, llms-full.txt and the `.md` twin of each page are written here, from the same
  // knowledge and URLs as the pages (see bundle-hook.ts).
  if (a.options.bundle !== false) await writeBundleFiles({ site: loadSite(a.options, a.base), outDir: a.outDir, options: a.options.bundle, logger: a.logger });

  // Pagefind runs in its own process while the links are checked here.
  const search = a.options.search ? runPagefind(a.outDir) : null;
  search?.catch(() => undefined);
  try {
    if (a.options.checkLinks) {
      const report = await checkSiteLinksAsync(a.outDir, a.base);
      const problems = [
        ...report.broken.map((b) => `${b.page}: ${b.href} — ${b.problem}`),
        ...report.duplicateIds.map((d) => `${d.page}: id "${d.id}" is used more than once`),
      ];
      if (problems.length) {
        const shown = problems.slice(0, 25).join('\n  ');
        throw new Error(`lore: ${problems.length} broken link(s) or anchor(s) in the built site:\n  ${shown}${problems.length > 25 ? `\n  … and ${problems.length - 25} more` : ''}`);
      }
      a.logger.info(`links: ${report.links} links on ${report.pages} pages, all resolve`);
    }
  } finally {
    if (search) {
      const count = await search;
      a.logger.info(`search: Pagefind indexed ${count} pages`);
    }
  }
  a.logger.info(`post-build steps took ${Math.round(performance.now() - started)} ms`);
}

const INDEXED_PAGES = '{decisions/**/index.html,rules/*/index.html,migrations/*/*/index.html,tables/*/index.html,docs/**/index.html}';

/** Indexes the built site with Pagefind's Node API; any reported error fails the build. */
export async function runPagefind(outDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Only the pages that carry `data-pagefind-body` (indexes and the timeline are not searched).
    const added = await index.addDirectory({ path: outDir, glob: INDEXED_PAGES });
    if (added.errors.length) throw new Error(`Pagefind failed to index the site: ${added.errors.join('; ')}`);
    // A fresh index: fragments of an earlier build must not linger.
    rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
