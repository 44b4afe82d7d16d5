// ╔══════════════════════════════════════════════════════════════════════════════════════════╗
// ║ LORE-BUNDLE-HOOK: where the agent bundle (src/core/bundle/) plugs into the site build.   ║
// ║ Called from build-done.ts after the pages are written and before links are checked and  ║
// ║ Pagefind runs. Wire the bundle's `llms.txt`, `llms-full.txt` and per-page `.md` twins    ║
// ║ here; build them with `site.knowledge` and `site.ctx.urls` (the site's own URL builder,  ║
// ║ base path included) so the twins sit next to the pages they mirror.                     ║
// ╚══════════════════════════════════════════════════════════════════════════════════════════╝
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { applyBundle, renderBundle, renderLlmsFromTwins, renderTwins, type BundleOptionsInput } from '../core/bundle/index.ts';
import type { AstroIntegrationLogger } from 'astro';
import type { LoreSite } from './site.ts';

export interface BundleHookInput {
  site: LoreSite;
  /** Absolute output folder of the site. */
  outDir: string;
  /** `lore({ bundle })` options. */
  options: BundleOptionsInput & { outDir?: string };
  logger: AstroIntegrationLogger;
}

/**
 * Where a file for a URL path goes in the output folder: `/llms.txt` → `llms.txt`,
 * `/decisions/0005-x/` + `.md` twin → `decisions/0005-x/index.md` (served at `/decisions/0005-x/index.md`).
 */
export function outputFile(outDir: string, urlPath: string, twinExtension = '.md'): string {
  const rel = urlPath.replace(/^\/+/, '');
  return join(outDir, rel === '' || rel.endsWith('/') ? `${rel}index${twinExtension}` : rel);
}

/** Writes `files` (URL path → text) into the output folder. */
export function writeTextFiles(outDir: string, files: Iterable<[string, string]>): number {
  let n = 0;
  for (const [urlPath, text] of files) {
    const file = outputFile(outDir, urlPath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    n++;
  }
  return n;
}

export async function writeBundleFiles(input: BundleHookInput): Promise<void> {
  const { site, outDir, logger } = input;
  const k = site.knowledge;
  const { outDir: bundleDir, ...rest } = input.options;
  const options: BundleOptionsInput = { ...k.config?.bundle, ...rest };
  const siteUrl = options.siteUrl ?? null;

  // The site's share: llms.txt, llms-full.txt and the `.md` twin of every page.
  const twins = renderTwins(k, { siteUrl });
  const files: [string, string][] = twins.map((page) => [page.twin, page.content]);
  if (options.outputs?.llms !== false) {
    const llms = renderLlmsFromTwins(k, twins, { siteUrl, title: site.options.title, summary: site.options.description });
    files.push(['/llms.txt', llms['llms.txt']], ['/llms-full.txt', llms['llms-full.txt']]);
  }
  const written = writeTextFiles(outDir, files);

  // The agent bundle itself (CLAUDE.md, AGENTS.md, the scoped migrations file), next to the
  // sources — or under `bundle.outDir` (relative to the repository root) when it is set.
  const target = resolve(k.root, bundleDir ?? '.');
  const bundle = renderBundle(k, options);
  for (const file of bundle.files) {
    const path = join(target, file.path);
    let existing: string | null = null;
    try {
      existing = readFileSync(path, 'utf8');
    } catch {
      existing = null;
    }
    try {
      const next = applyBundle(existing, file.content);
      if (next !== existing) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, next);
      }
    } catch (err) {
      throw new Error(`lore: cannot update ${file.path}: ${(err as Error).message}`);
    }
  }
  for (const r of bundle.reports) if (r.overBudget) logger.warn(`bundle: ${r.path} is over its budget (${r.lines} lines, ${r.bytes} bytes): the rules alone exceed it`);
  logger.info(`bundle: ${bundle.files.map((f) => f.path).join(', ')} in ${relative(k.root, target) || '.'}; ${written} llms/twin files in the site`);
}
