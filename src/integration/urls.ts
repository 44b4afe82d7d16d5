// Every URL of the site, in one place. Pure: the site, the agent bundle and the tests build links
// with these functions so that a page and the links to it can never disagree.
//
//   /                                   home
//   /decisions/                         decisions index (by number); /decisions/by-date/
//   /decisions/status/<status>/         … filtered by status (+ /by-date/)
//   /decisions/tag/<tag>/               … filtered by tag (+ /by-date/)
//   /decisions/<group/><adr id>/        one ADR
//   /rules/                             rules index
//   /rules/<rules-file slug>/#<rule id> a rules file, a rule
//   /migrations/                        timeline (one environment) or the environments (several)
//   /migrations/<env>/                  timeline of one environment (several environments only)
//   /migrations/<env>/<revision>/       one migration
//   <timeline>page/<n>/                 page n (≥ 2) of a long timeline: /migrations/page/2/, or
//                                       /migrations/<env>/page/2/ with several environments
//   /audit/page/<n>/                    page n (≥ 2) of a long audit
//   /tables/  /tables/<name>/           tables
//   /docs/  /docs/<slug>/               guide pages
//   /search/  /audit/  /404.html
//
// Page URLs never collide with migration pages: below /migrations/ a migration is always two
// segments (`<env>/<revision>`), a timeline page of several environments three. Only the single
// environment's `/migrations/page/<n>/` has two: if that environment's own segment is `page`, its
// pages go one level deeper, to `/migrations/page/page/<n>/`.
import type { Adr, Ref, RuleFile } from '../core/model.ts';
import { slugify } from '../core/text.ts';

/** Normalizes a base path to `/` or `/a/b/` (leading and trailing slash, no doubled slashes). */
export function normalizeBase(base: string | undefined | null): string {
  const parts = (base ?? '/').split('/').filter((p) => p && p !== '.');
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/** FNV-1a, 32 bit, base 36: a short deterministic fingerprint for names that need escaping. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

/**
 * One path segment for a name from the input (an id, a table, a revision). Names made of safe
 * characters are kept as written; anything else becomes a slug plus a fingerprint, so two
 * different names never share a URL and no segment needs percent-encoding.
 */
export function segment(name: string, reserved: ReadonlySet<string> = EMPTY): string {
  if (SAFE.test(name) && !reserved.has(name.toLowerCase()) && name !== '.' && name !== '..') return name;
  const slug = slugify(name) || 'x';
  return `${slug}-${fingerprint(name)}`;
}

const EMPTY: ReadonlySet<string> = new Set();
/** The segment before the number of a listing's later pages (`/audit/page/2/`). */
export const PAGE_SEGMENT = 'page';

/** `page/<n>/` for the pages after the first of a paged listing, '' for the first. */
function pageSuffix(page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new Error(`page numbers start at 1, got ${page}`);
  return page === 1 ? '' : `${PAGE_SEGMENT}/${page}/`;
}
/** First segments under /decisions/ that name index views, never an ADR. */
export const DECISION_VIEWS: ReadonlySet<string> = new Set(['status', 'tag', 'by-date']);

export type DecisionSort = 'number' | 'date';
export interface DecisionFilter {
  status?: string;
  tag?: string;
}

export interface SiteUrls {
  readonly base: string;
  /** Prefixes a site path (`/decisions/`) with the base path. */
  href(path: string): string;
  /** The site path of an href made by this module (base removed), for lookups. */
  path(href: string): string;
  home(): string;
  decisions(filter?: DecisionFilter, sort?: DecisionSort): string;
  adr(adr: Pick<Adr, 'id' | 'group'>): string;
  rulesIndex(): string;
  rulesFile(path: string): string;
  /** The rule's anchor on its rules-file page, or null for an unknown rule id. */
  rule(id: string): string | null;
  migrations(): string;
  /** The timeline of an environment, or its page `page` (1 = the first, at the timeline's own URL). */
  timeline(env: string, page?: number): string;
  migration(env: string, revision: string): string;
  tables(): string;
  table(name: string): string;
  docsIndex(): string;
  doc(slug: string): string;
  search(query?: string): string;
  /** The audit page, or its page `page` (1 = the first, at /audit/). */
  audit(page?: number): string;
  notFound(): string;
  sitemap(): string;
  /** The page of any model reference, or null when it has none. */
  ref(ref: Ref): string | null;
}

export interface UrlInput {
  /** Rules files (to name their pages and find the file of a rule id). */
  rules: Pick<RuleFile, 'path' | 'rules'>[];
  /** Environment names, in order (one environment → its timeline is /migrations/). */
  environments: string[];
  /** ADRs by grouped id (`group/id` or `id`), to resolve `adr:` refs. */
  adrs?: Pick<Adr, 'id' | 'group'>[];
  /** Docs by path → slug, to resolve `doc:` refs. */
  docs?: { path: string; slug: string }[];
}

/** A rules file's page slug: its file name without extension, or its whole path when names clash. */
export function rulesFileSlugs(paths: string[]): Map<string, string> {
  const stem = (p: string): string => slugify(p.replace(/\.[^./]+$/, '').split('/').pop() ?? p) || 'rules';
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(stem(p), (counts.get(stem(p)) ?? 0) + 1);
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const p of paths) {
    let slug = counts.get(stem(p))! > 1 ? slugify(p.replace(/\.[^./]+$/, '')) || stem(p) : stem(p);
    if (used.has(slug)) slug = `${slug}-${fingerprint(p)}`;
    used.add(slug);
    out.set(p, slug);
  }
  return out;
}

export function createUrls(input: UrlInput, options: { base?: string } = {}): SiteUrls {
  const base = normalizeBase(options.base);
  const href = (path: string): string => (path.startsWith('/') ? base + path.slice(1) : base + path);
  const fileSlugs = rulesFileSlugs(input.rules.map((f) => f.path));
  const ruleFile = new Map<string, string>();
  for (const f of input.rules) for (const r of f.rules) if (!ruleFile.has(r.id)) ruleFile.set(r.id, f.path);
  const single = input.environments.length <= 1;
  const adrByRef = new Map<string, Pick<Adr, 'id' | 'group'>>();
  for (const a of input.adrs ?? []) adrByRef.set(a.group ? `${a.group}/${a.id}` : a.id, a);
  const docSlug = new Map<string, string>();
  for (const d of input.docs ?? []) docSlug.set(d.path, d.slug);

  const rulesFile = (path: string): string => href(`/rules/${fileSlugs.get(path) ?? segment(path)}/`);
  const urls: SiteUrls = {
    base,
    href,
    path: (h) => (h.startsWith(base) ? `/${h.slice(base.length)}` : h),
    home: () => href('/'),
    decisions: (filter = {}, sort = 'number') => {
      let p = '/decisions/';
      if (filter.status) p += `status/${segment(filter.status)}/`;
      else if (filter.tag) p += `tag/${segment(filter.tag)}/`;
      if (sort === 'date') p += 'by-date/';
      return href(p);
    },
    adr: (adr) => {
      const parts = adr.group ? [...adr.group.split('/'), adr.id] : [adr.id];
      return href(`/decisions/${parts.map((p, i) => segment(p, i === 0 ? DECISION_VIEWS : EMPTY)).join('/')}/`);
    },
    rulesIndex: () => href('/rules/'),
    rulesFile,
    rule: (id) => {
      const file = ruleFile.get(id);
      return file === undefined ? null : `${rulesFile(file)}#${anchor(id)}`;
    },
    migrations: () => href('/migrations/'),
    timeline: (env, page = 1) => {
      if (!single) return href(`/migrations/${segment(env)}/${pageSuffix(page)}`);
      const own = segment(env);
      // The only environment's migrations are /migrations/<env>/<revision>/ (see the top).
      return href(page > 1 && own.toLowerCase() === PAGE_SEGMENT ? `/migrations/${own}/${pageSuffix(page)}` : `/migrations/${pageSuffix(page)}`);
    },
    migration: (env, revision) => href(`/migrations/${segment(env)}/${segment(revision)}/`),
    tables: () => href('/tables/'),
    table: (name) => href(`/tables/${segment(name)}/`),
    docsIndex: () => href('/docs/'),
    doc: (slug) => href(`/docs/${slug.split('/').map((s) => segment(s)).join('/')}/`),
    search: (query) => href(`/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`),
    audit: (page = 1) => href(`/audit/${pageSuffix(page)}`),
    notFound: () => href('/404.html'),
    sitemap: () => href('/sitemap.xml'),
    ref: (ref) => {
      const colon = ref.indexOf(':');
      const kind = ref.slice(0, colon);
      const value = ref.slice(colon + 1);
      switch (kind) {
        case 'adr': {
          const adr = adrByRef.get(value);
          return adr ? urls.adr(adr) : null;
        }
        case 'rule':
          return urls.rule(value);
        case 'rules-file':
          return fileSlugs.has(value) ? rulesFile(value) : null;
        case 'migration': {
          const slash = value.indexOf('/');
          return slash < 0 ? null : urls.migration(value.slice(0, slash), value.slice(slash + 1));
        }
        case 'table':
          return urls.table(value);
        case 'doc': {
          const slug = docSlug.get(value);
          return slug === undefined ? null : urls.doc(slug);
        }
        default:
          return null;
      }
    },
  };
  return urls;
}

/** The id attribute of a rule on its page (rule ids are already lower-case slugs; escape the rest). */
export function anchor(id: string): string {
  return /^[a-z0-9][a-z0-9._-]*$/.test(id) ? id : segment(id);
}
