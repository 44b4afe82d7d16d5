// ╔══════════════════════════════════════════════════════════════════════════════════════════╗
// ║ LORE-BUNDLE-HOOK: where the agent bundle (src/core/bundle/) plugs into the site build.   ║
// ║ Called from build-done.ts after the pages are written and before links are checked and  ║
// ║ Pagefind runs. Wire the bundle's `llms.txt`, `llms-full.txt` and per-page `.md` twins    ║
// ║ here; build them with `site.knowledge` and `site.ctx.urls` (the site's own URL builder,  ║
// ║ base path included) so the twins sit next to the pages they mirror.                     ║
// ╚══════════════════════════════════════════════════════════════════════════════════════════╝
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { LoreSite } from './site.ts';

export interface BundleHookInput {
  site: LoreSite;
  /** Absolute output folder of the site. */
  outDir: string;
  /** `lore({ bundle })` options, passed through as given. */
  options: Record<string, unknown>;
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
  // Wire the bundle here, e.g.:
  //   const files = siteBundle(input.site.knowledge, { urls: input.site.ctx.urls, ...input.options });
  //   const n = writeTextFiles(input.outDir, files);
  //   input.logger.info(`bundle: wrote ${n} files (llms.txt, llms-full.txt, .md twins)`);
  void input;
}
