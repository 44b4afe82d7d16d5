// Site URL paths of every page, shared by the site and the Markdown twins (`/x/y/` → `/x/y.md`).
import { posix } from 'node:path';
import type { Adr, DocPage, RuleFile } from '../model.ts';
import { compareCodePoints, slugify } from '../text.ts';

export const adrUrl = (adr: Pick<Adr, 'id' | 'group'>): string => `/decisions/${adr.group ? `${adr.group}/` : ''}${adr.id}/`;
export const migrationUrl = (env: string, revision: string): string => `/migrations/${env}/${revision}/`;
export const tableUrl = (name: string): string => `/tables/${name}/`;
export const docUrl = (doc: Pick<DocPage, 'slug'>): string => `/docs/${doc.slug}/`;
export const rulesFileUrl = (slug: string): string => `/rules/${slug}/`;

/** The Markdown twin of a page: `/decisions/0004-x/` → `/decisions/0004-x.md`. */
export function twinPath(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return `${trimmed === '' ? '/index' : trimmed}.md`;
}

/**
 * A slug per rules file: its file name (`rules/DATABASE_RULES.md` → `database-rules`), or its whole
 * path when two files share a name. Keyed by the file's repo-relative path.
 */
export function rulesFileSlugs(files: Pick<RuleFile, 'path'>[]): Map<string, string> {
  const paths = files.map((f) => f.path).sort(compareCodePoints);
  const short = (p: string): string => slugify(posix.basename(p).replace(/\.[^.]+$/, '')) || 'rules';
  const count = new Map<string, number>();
  for (const p of paths) count.set(short(p), (count.get(short(p)) ?? 0) + 1);
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const p of paths) {
    let slug = count.get(short(p))! > 1 ? slugify(p.replace(/\.[^./]+$/, '')) || short(p) : short(p);
    for (let n = 2; used.has(slug); n++) slug = `${short(p)}-${n}`;
    used.add(slug);
    out.set(p, slug);
  }
  return out;
}
