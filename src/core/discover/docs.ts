// Where the guide pages are: `content/docs`, and `docs/` when it holds Markdown pages outside the
// folders other readers own (ADR folders, rules folders).
import { isWithin, RepoTree } from './tree.ts';
import type { Looked } from './types.ts';

export const DOCS_FOLDERS = ['content/docs', 'docs'] as const;
const PAGE = /\.(md|mdx|markdown)$/i;

export interface DocsDiscovery {
  docs: string[];
  looked: Looked[];
}

/** `exclude`: repo-relative folders and files read as ADRs or rules. */
export function discoverDocs(tree: RepoTree, exclude: string[]): DocsDiscovery {
  const out: DocsDiscovery = { docs: [], looked: [] };
  for (const rel of DOCS_FOLDERS) {
    if (!tree.isDir(rel)) {
      out.looked.push({ kind: 'docs', path: rel, found: false, reason: 'no such folder' });
      continue;
    }
    if (out.docs.some((d) => isWithin(rel, d) || isWithin(d, rel))) continue;
    if (exclude.some((x) => isWithin(rel, x))) {
      out.looked.push({ kind: 'docs', path: rel, found: false, reason: 'already read as ADRs or rules' });
      continue;
    }
    const pages = tree.filesBelow(rel).filter((f) => PAGE.test(f) && !exclude.some((x) => isWithin(f, x)));
    if (pages.length === 0) {
      const owned = exclude.filter((x) => isWithin(x, rel));
      out.looked.push({ kind: 'docs', path: rel, found: false, reason: owned.length ? `no Markdown pages outside ${owned.join(', ')}` : 'holds no Markdown pages' });
      continue;
    }
    out.docs.push(rel);
    out.looked.push({ kind: 'docs', path: rel, found: true, reason: `${pages.length} Markdown page${pages.length === 1 ? '' : 's'}` });
  }
  return out;
}
