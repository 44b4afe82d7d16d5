// `lore dev`: editing an ADR, a rule, a doc or a migration reloads the open page. The source
// folders are watched; a change drops the cached knowledge, re-runs the content loaders (entries
// that did not change keep their rendered HTML) and tells the browser to reload.
import { isAbsolute, join, relative, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { defaultSources } from '../core/load.ts';
import type { ResolvedLoreOptions } from './options.ts';
import { invalidateSites } from './site.ts';
import { LOADER_NAME } from './collections.ts';

type Refresh = ((options: { loaders?: string[] }) => Promise<void>) | undefined;

/** Absolute folders and files that hold the knowledge of `options.root`. */
export function watchedPaths(options: ResolvedLoreOptions): string[] {
  const out: string[] = [];
  for (const kind of ['adrs', 'rules', 'migrations', 'docs'] as const) {
    const list = options.sources[kind]?.length ? options.sources[kind]! : defaultSources[kind];
    for (const p of list) out.push(isAbsolute(p) ? p : join(options.root, p));
  }
  // Alembic configuration next to the repository root.
  out.push(join(options.root, 'alembic.ini'), join(options.root, 'pyproject.toml'));
  return out;
}

const RELEVANT = /\.(md|markdown|mdx|py|ini|toml|ya?ml)$/i;

export function isInside(paths: string[], file: string): boolean {
  return paths.some((p) => {
    const rel = relative(p, file);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !isAbsolute(rel));
  });
}

export function watchSources(options: ResolvedLoreOptions, server: ViteDevServer, refreshContent: Refresh, logger: AstroIntegrationLogger | null): void {
  const paths = watchedPaths(options);
  server.watcher.add(paths);
  let timer: NodeJS.Timeout | null = null;
  const changed = new Set<string>();
  const reload = async (): Promise<void> => {
    timer = null;
    const files = [...changed];
    changed.clear();
    invalidateSites(options.root);
    logger?.info(`${files.length === 1 ? relative(options.root, files[0]!) : `${files.length} files`} changed: reloading the knowledge`);
    try {
      await refreshContent?.({ loaders: [LOADER_NAME] });
    } catch (err) {
      logger?.error(`reload failed: ${(err as Error).message}`);
    }
    server.ws.send({ type: 'full-reload' });
  };
  const onEvent = (file: string): void => {
    if (!RELEVANT.test(file) || !isInside(paths, file)) return;
    changed.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void reload(), 80);
  };
  server.watcher.on('add', onEvent);
  server.watcher.on('change', onEvent);
  server.watcher.on('unlink', onEvent);
}
