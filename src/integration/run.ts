// Programmatic `astro build` / `astro dev` with this package as the Astro project and another
// repository's files as the content (used by `lore build` and `lore dev`).
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig } from 'astro';
import lore, { siteDir } from './index.ts';
import type { LoreOptions } from './options.ts';
import { resolveConfigSync } from '../core/config/resolve.ts';

export interface SiteRunOptions extends Omit<LoreOptions, 'site'> {
  root: string;
  /** Output folder (build). Default: `<root>/dist` … but never inside this package's own sources. */
  outDir?: string;
  /** Absolute site address for the sitemap (`https://org.github.io`). */
  site?: string;
  /** Dev server port / host. */
  port?: number;
  host?: string | boolean;
  /** Build from scratch: drop the content cache and the incremental-build cache first. */
  fresh?: boolean;
  /** Astro log level. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** This package's folder: the Astro project root (its src/site holds the pages). */
export const packageRoot = fileURLToPath(new URL('../../', siteDir));

/**
 * A cache folder per repository and options, outside the repository and this package: Astro's
 * content store (rendered markdown) and the incremental-build manifest live there.
 */
export function cacheDirFor(options: SiteRunOptions): string {
  const hash = createHash('sha256').update(JSON.stringify([resolve(options.root), options.sources ?? null, options.base ?? '/'])).digest('hex').slice(0, 16);
  return join(tmpdir(), 'lore-astro-cache', hash);
}

export function inlineConfig(options: SiteRunOptions, mode: 'build' | 'dev'): AstroInlineConfig {
  const root = resolve(options.root);
  // The repository's lore.config.json / .mjs gives the defaults for the site's address and base.
  const fileSite = resolveConfigSync(root).site;
  const { site: siteUrl = fileSite.url, base = fileSite.base, ...loreOptions } = options;
  const config: AstroInlineConfig = {
    configFile: false,
    root: packageRoot,
    srcDir: fileURLToPath(siteDir),
    publicDir: join(fileURLToPath(siteDir), 'public'),
    outDir: resolve(options.outDir ?? join(root, 'dist')),
    cacheDir: cacheDirFor(options),
    logLevel: options.logLevel ?? 'info',
    mode: mode === 'build' ? 'production' : 'development',
    integrations: [lore({ ...loreOptions, root })],
    vite: { clearScreen: false, logLevel: 'warn' },
  } as AstroInlineConfig;
  if (base) config.base = base;
  if (siteUrl) config.site = siteUrl;
  if (mode === 'dev') config.server = { port: options.port ?? 4321, host: options.host ?? false };
  return config;
}

/**
 * The working folder of a build. Astro writes the prerender bundle below the current folder when
 * the output folder is outside it, and Node then resolves that bundle's imports (astro's own
 * dependencies) from there: run from any folder but this package's, the build would fail. A
 * folder of its own inside the package, per output folder, keeps parallel builds apart.
 */
export function buildCwdFor(options: SiteRunOptions): string {
  const outDir = resolve(options.outDir ?? join(resolve(options.root), 'dist'));
  const hash = createHash('sha256').update(JSON.stringify([cacheDirFor(options), outDir])).digest('hex').slice(0, 16);
  return join(packageRoot, '.astro', 'lore-builds', hash);
}

export async function buildSite(options: SiteRunOptions): Promise<void> {
  // Astro reads the telemetry setting from the environment only.
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  if (options.fresh) rmSync(cacheDirFor(options), { recursive: true, force: true });
  const { build } = await import('astro');
  const config = inlineConfig(options, 'build');
  const cwd = buildCwdFor(options);
  const previous = process.cwd();
  mkdirSync(cwd, { recursive: true });
  process.chdir(cwd);
  try {
    await build(config);
  } finally {
    process.chdir(previous);
    rmSync(cwd, { recursive: true, force: true });
  }
}

export async function devSite(options: SiteRunOptions): Promise<{ address: string; stop(): Promise<void> }> {
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  const { dev } = await import('astro');
  const server = await dev(inlineConfig(options, 'dev'));
  const a = server.address;
  const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
  return { address: `http://${host}:${a.port}${options.base ? `/${options.base.replace(/^\/+|\/+$/g, '')}/` : '/'}`, stop: () => server.stop() };
}
