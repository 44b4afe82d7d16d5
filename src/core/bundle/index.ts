// The agent bundle: CLAUDE.md / AGENTS.md at the root, a scoped file next to each migrations
// environment, and (for the site) llms.txt, llms-full.txt and the `.md` twin of every page.
// Pure: returns text, writes nothing, reads no clock.
import type { Knowledge } from '../model.ts';
import { bundleContext } from './context.ts';
import { headerComment, inputsDigest } from './digest.ts';
import { resolveBundleOptions, type BundleOptions, type BundleOptionsInput } from './options.ts';
import { renderRootFile } from './root.ts';
import { renderScopedFile } from './scoped.ts';

export interface BundleFile {
  /** Repo-relative path. */
  path: string;
  content: string;
}

export interface BundleFileReport {
  path: string;
  lines: number;
  bytes: number;
  /** What the budget shortened (root files only). */
  trimmed: string[];
  /** A root file still over the budget after every trim (the rules alone are too long). */
  overBudget: boolean;
}

export interface BundleResult {
  files: BundleFile[];
  reports: BundleFileReport[];
  options: BundleOptions;
  /** sha256 of the inputs, as in the header comments. */
  digest: string;
}

export function renderBundle(k: Knowledge, input: BundleOptionsInput = {}): BundleResult {
  const options = resolveBundleOptions(input);
  const ctx = bundleContext(k, options);
  const digest = inputsDigest(k, options);
  const header = headerComment(ctx.sources, digest);
  const files: BundleFile[] = [];
  const reports: BundleFileReport[] = [];

  const roots = [options.outputs.claude ? 'CLAUDE.md' : null, options.outputs.agents ? 'AGENTS.md' : null].filter((p): p is string => p !== null);
  if (roots.length) {
    const fit = renderRootFile(ctx, header);
    for (const path of roots) {
      files.push({ path, content: fit.content });
      reports.push({ path, lines: fit.lines, bytes: fit.bytes, trimmed: fit.trimmed, overBudget: !fit.fits });
    }
  }
  for (const g of k.migrations) {
    const path = ctx.scopedFile(g);
    if (!path) continue;
    const fit = renderScopedFile(ctx, g, path, header);
    files.push({ path, content: fit.content });
    reports.push({ path, lines: fit.lines, bytes: fit.bytes, trimmed: fit.trimmed, overBudget: !fit.fits });
  }
  return { files, reports, options, digest };
}

export { applyBundle, managedBlockProblem, managedContent, ManagedBlockError, BEGIN_MARKER, END_MARKER } from './managed.ts';
export { isGenerated, HEADER_START } from './digest.ts';
export { defaultBundleOptions, resolveBundleOptions } from './options.ts';
export type { BundleOptions, BundleOptionsInput, BundleCommands, BundleOutputs, BundleBudget } from './options.ts';
export { renderLlms, renderLlmsFromTwins } from './llms.ts';
export type { LlmsFiles, LlmsOptions } from './llms.ts';
export { renderTwins, PageIndex } from './twins.ts';
export type { TwinPage, TwinOptions, PageKind } from './twins.ts';
export { adrUrl, docUrl, migrationUrl, rulesFileSlugs, rulesFileUrl, tableUrl, twinPath } from './urls.ts';
export { unifiedDiff } from './diff.ts';
