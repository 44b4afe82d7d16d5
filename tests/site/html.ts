// Reading built pages in tests, independently of the site's own link checker: plain regular
// expressions over the HTML (text from the input is always escaped, so `<a` only starts a tag).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { filesIn } from './built-site.ts';

export function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** `decisions/x/index.html` → `/decisions/x/`. */
export function pagePath(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

export interface Page {
  file: string;
  path: string;
  html: string;
  hrefs: string[];
  ids: Set<string>;
}

export function readPages(outDir: string): Page[] {
  return filesIn(outDir, '.html')
    .filter((f) => !f.startsWith('pagefind/'))
    .map((file) => {
      const html = readFileSync(join(outDir, file), 'utf8');
      const hrefs = [...html.matchAll(/<(?:a|link|area)\s[^>]*?\bhref="([^"]*)"/g)].map((m) => decode(m[1]!));
      const actions = [...html.matchAll(/<form\s[^>]*?\baction="([^"]*)"/g)].map((m) => decode(m[1]!));
      const ids = new Set([...html.matchAll(/<[a-zA-Z][^>]*?\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
      return { file, path: pagePath(file), html, hrefs: [...hrefs, ...actions], ids };
    });
}

export interface Unresolved {
  page: string;
  href: string;
  why: string;
}

/** Every internal link that does not lead to a page of the site, or to an id missing on its page. */
export function unresolvedLinks(pages: Page[], base: string, outDir: string): Unresolved[] {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const out: Unresolved[] = [];
  for (const page of pages) {
    for (const href of page.hrefs) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
      const [pathAndQuery, fragment] = href.split('#', 2) as [string, string | undefined];
      const path = pathAndQuery.split('?')[0]!;
      let target: string;
      if (path === '') target = page.path;
      else if (path.startsWith('/')) {
        if (!path.startsWith(base)) {
          out.push({ page: page.path, href, why: `outside the base ${base}` });
          continue;
        }
        target = `/${path.slice(base.length)}`;
      } else target = posix.normalize(posix.join(page.path.endsWith('/') ? page.path : posix.dirname(page.path), path));
      target = decodeURIComponent(target);
      const found = byPath.get(target) ?? byPath.get(`${target}/`);
      if (!found) {
        const file = join(outDir, target);
        if (!target.endsWith('/') && existsSync(file) && statSync(file).isFile()) continue; // a stylesheet, the sitemap
        out.push({ page: page.path, href, why: 'no such page' });
        continue;
      }
      if (fragment && !found.ids.has(decodeURIComponent(fragment))) out.push({ page: page.path, href, why: `no id "${fragment}" on ${found.path}` });
    }
  }
  return out;
}
