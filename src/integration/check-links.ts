// Walks a built site and checks that every internal link and anchor resolves: the page exists
// and the `#id` is on it. Used after every build (a broken link fails it) and by the tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

export interface BrokenLink {
  /** Site path of the page holding the link (`/decisions/0005-x/`). */
  page: string;
  href: string;
  problem: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
  /** Ids that occur more than once on a page. */
  duplicateIds: { page: string; id: string }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    const lower = e.toLowerCase();
    if (ENTITIES[lower] !== undefined) return ENTITIES[lower]!;
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return m;
  });
}

export interface ParsedTag {
  name: string;
  attrs: Map<string, string>;
}

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/**
 * The start tags of an HTML document, in order (comments, and the contents of script and style
 * elements, skipped). A small scanner rather than a regex: it runs over every page of big sites.
 */
export function startTags(html: string): ParsedTag[] {
  const out: ParsedTag[] = [];
  const n = html.length;
  let i = html.indexOf('<');
  while (i >= 0 && i < n - 1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    if (!isNameStart(html.charCodeAt(i + 1))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let j = i + 1;
    while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '>' && html[j] !== '/') j++;
    const name = html.slice(i + 1, j).toLowerCase();
    const attrs = new Map<string, string>();
    // attributes
    for (;;) {
      while (j < n && (isSpace(html.charCodeAt(j)) || html[j] === '/')) j++;
      if (j >= n || html[j] === '>') break;
      let k = j;
      while (k < n && !isSpace(html.charCodeAt(k)) && html[k] !== '=' && html[k] !== '>' && !(html[k] === '/' && html[k + 1] === '>')) k++;
      const key = html.slice(j, k).toLowerCase();
      j = k;
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && isSpace(html.charCodeAt(j))) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          k = j;
          while (k < n && !isSpace(html.charCodeAt(k)) && html[k] !== '>') k++;
          value = html.slice(j, k);
          j = k;
        }
      }
      if (key && !attrs.has(key)) attrs.set(key, value.includes('&') ? decodeEntities(value) : value);
    }
    out.push({ name, attrs });
    i = j + 1;
    if (name === 'script' || name === 'style') {
      const re = name === 'script' ? /<\/script/gi : /<\/style/gi;
      re.lastIndex = i;
      const close = re.exec(html);
      i = close ? close.index + 2 : -1;
    }
    i = i < 0 ? -1 : html.indexOf('<', i);
  }
  return out;
}

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    const st = statSync(abs);
    if (st.isDirectory()) {
      if (name !== 'pagefind' && name !== '_astro') htmlFiles(abs, out);
    } else if (name.endsWith('.html')) out.push(abs);
  }
  return out;
}

/** `/a/b/index.html` → `/a/b/`, `/404.html` stays. */
function pagePath(outDir: string, file: string): string {
  const rel = relative(outDir, file).split(sep).join('/');
  return `/${rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel}`;
}

/**
 * Checks every internal link of the site in `outDir`, served under `base`. A link is internal
 * when it has no scheme; it must start with the base path, lead to a file of the build, and its
 * fragment must be an id on that page.
 */
export function checkSiteLinks(outDir: string, base: string): LinkReport {
  const it = checkSteps(outDir, base);
  for (let r = it.next(); ; r = it.next()) if (r.done) return r.value;
}

/** The same check, yielding to the event loop now and then (so Pagefind can work meanwhile). */
export async function checkSiteLinksAsync(outDir: string, base: string): Promise<LinkReport> {
  const it = checkSteps(outDir, base);
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function* checkSteps(outDir: string, base: string): Generator<void, LinkReport> {
  const files = htmlFiles(outDir);
  const ids = new Map<string, Set<string>>();
  const links: { page: string; href: string }[] = [];
  const duplicateIds: LinkReport['duplicateIds'] = [];
  let count = 0;
  for (const file of files) {
    if (++count % 64 === 0) yield;
    const page = pagePath(outDir, file);
    const seen = new Set<string>();
    for (const tag of startTags(readFileSync(file, 'utf8'))) {
      const id = tag.attrs.get('id');
      if (id !== undefined) {
        if (seen.has(id)) duplicateIds.push({ page, id });
        seen.add(id);
      }
      if (tag.name === 'a' && tag.attrs.get('name')) seen.add(tag.attrs.get('name')!);
      const href = tag.name === 'a' || tag.name === 'link' || tag.name === 'area' ? tag.attrs.get('href') : undefined;
      if (href !== undefined && !(tag.name === 'link' && /^(preconnect|dns-prefetch)$/.test(tag.attrs.get('rel') ?? ''))) links.push({ page, href });
      if (tag.name === 'form' && tag.attrs.get('action')) links.push({ page, href: tag.attrs.get('action')! });
    }
    ids.set(page, seen);
  }
  const broken: BrokenLink[] = [];
  const exists = new Map<string, string | null>();
  const target = (path: string): string | null => {
    if (exists.has(path)) return exists.get(path)!;
    let found: string | null = null;
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // keep as written
    }
    const rel = decoded.replace(/^\/+/, '');
    if (decoded.endsWith('/')) {
      if (existsSync(join(outDir, rel, 'index.html'))) found = decoded;
    } else if (existsSync(join(outDir, rel)) && statSync(join(outDir, rel)).isFile()) {
      found = rel.endsWith('index.html') ? `/${rel.slice(0, -'index.html'.length)}` : decoded;
    } else if (existsSync(join(outDir, rel, 'index.html'))) found = `${decoded}/`;
    exists.set(path, found);
    return found;
  };
  for (const { page, href } of links) {
    if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
    const hash = href.indexOf('#');
    const fragment = hash >= 0 ? href.slice(hash + 1) : '';
    let path = (hash >= 0 ? href.slice(0, hash) : href).split('?')[0]!;
    if (path === '') path = page;
    else if (!path.startsWith('/')) path = posix.join(page.endsWith('/') ? page : posix.dirname(page), path) + (path.endsWith('/') ? '/' : '');
    else if (!path.startsWith(base)) {
      broken.push({ page, href, problem: `does not start with the base path ${base}` });
      continue;
    }
    const local = path.startsWith(base) ? `/${path.slice(base.length)}` : path;
    const found = target(local);
    if (found === null) {
      broken.push({ page, href, problem: 'no such page' });
      continue;
    }
    if (fragment) {
      let id = fragment;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        // keep as written
      }
      const pageIds = ids.get(found);
      if (pageIds && !pageIds.has(id)) broken.push({ page, href, problem: `no element with id "${id}" on ${found}` });
    }
  }
  return { pages: files.length, links: links.length, broken, duplicateIds };
}
