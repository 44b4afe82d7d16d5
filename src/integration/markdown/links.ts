// Where a link written in a markdown file of the repository goes on the site: relative links to
// ADRs, rules files, guide pages and migrations become page URLs; links to other files of the
// repository point at the repository (when its web address is known); links to nothing are
// reported so the page can show them as broken.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../../core/model.ts';
import { resolveRelative } from '../../core/links.ts';
import { scanMarkdown } from '../../core/markdown/scan.ts';
import type { SiteUrls } from '../urls.ts';
import { anchor as ruleAnchor } from '../urls.ts';
import { Slugger, headingText } from './slug.ts';
import { splitRulesFile } from './segments.ts';
import { plainText } from '../data/text.ts';

export type LinkResolution =
  /** A page (or an anchor on one) of the site. */
  | { kind: 'page'; href: string }
  /** A file of the repository that has no page: its web address, or null when unknown. */
  | { kind: 'file'; path: string; href: string | null }
  /** An external URL or an in-page anchor that exists: keep as written. */
  | { kind: 'keep'; href: string }
  /** Nothing there (or an unsafe URL): shown as a broken link with this explanation. */
  | { kind: 'broken'; message: string };

export interface MentionPart {
  text: string;
  href?: string;
  title?: string;
}

export interface LinkResolver {
  resolve(fromFile: string, url: string): LinkResolution;
  /**
   * A text written in `fromFile` split at the mentions the site can link: `ADR-0004`, rule labels
   * (`DB-009`) and `rule:<id>`. Mentions of the page itself stay text.
   */
  mentions(fromFile: string, text: string): MentionPart[];
  /** The page of a table named in a code span (`users`, `users.email`), or null. */
  table(code: string): { href: string; title: string } | null;
}

/** Cheap test before splitting a text node. */
export const MENTION_HINT = /\b(?:ADR[-_ ]?\d|[A-Z][A-Z0-9]*-\d|rule:[a-z0-9])/i;
const MENTION = /\b[Aa][Dd][Rr][-_ ]?(\d{1,6})\b|\brule:([a-z0-9][a-z0-9_.-]*[a-z0-9])|\b([A-Z][A-Z0-9]*-\d{1,5})\b/g;

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The scheme of a URL as a browser reads it (control characters and whitespace ignored), or null. */
export function schemeOf(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return m ? m[1]!.toLowerCase() : null;
}

/** True for a URL that may be put in an `href` as written (http(s), mailto, anchors, paths). */
export function isSafeUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === null || SAFE_SCHEMES.has(scheme);
}

interface PageTarget {
  href: string;
  /** Anchors written on GitHub (heading slugs, rule ids) → the id on the site page. */
  anchors: () => Map<string, string>;
}

export function createLinkResolver(k: Knowledge, urls: SiteUrls, repoUrl: string | null): LinkResolver {
  const pages = new Map<string, PageTarget>();
  const memo = <T>(f: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= f());
  };
  for (const adr of k.adrs) pages.set(adr.file, { href: urls.adr(adr), anchors: memo(() => headingAnchors(adr.body, true)) });
  for (const doc of k.docs) pages.set(doc.path, { href: urls.doc(doc.slug), anchors: memo(() => headingAnchors(doc.body, true)) });
  for (const file of k.rules) pages.set(file.path, { href: urls.rulesFile(file.path), anchors: memo(() => rulesAnchors(file)) });
  for (const graph of k.migrations) {
    for (const rev of graph.revisions) {
      pages.set(rev.path, { href: urls.migration(graph.name, rev.revision), anchors: memo(() => new Map()) });
    }
  }

  const fileLink = (path: string, fragment: string): LinkResolution => ({
    kind: 'file',
    path,
    href: repoUrl ? `${repoUrl}${path.split('/').map(encodeURIComponent).join('/')}${fragment ? `#${encodeURIComponent(fragment)}` : ''}` : null,
  });

  const adrsByNumber = new Map<number, Knowledge['adrs']>();
  const groupOf = new Map<string, string>();
  for (const adr of k.adrs) {
    groupOf.set(adr.file, adr.group);
    if (adr.number === null) continue;
    const list = adrsByNumber.get(adr.number) ?? [];
    list.push(adr);
    adrsByNumber.set(adr.number, list);
  }
  const rules = new Map<string, { title: string; label: string | null }>();
  for (const f of k.rules) for (const r of f.rules) if (!rules.has(r.id)) rules.set(r.id, { title: plainText(r.title), label: r.label });
  const tables = new Map<string, string>();
  for (const t of k.tables) tables.set(t.name, t.name);
  for (const t of k.tables) for (const f of t.formerNames) if (!tables.has(f)) tables.set(f, t.name);

  const mentionTarget = (fromFile: string, m: RegExpMatchArray): { href: string; title: string } | null => {
    if (m[1] !== undefined) {
      const list = adrsByNumber.get(Number(m[1]));
      if (!list) return null;
      const group = groupOf.get(fromFile);
      const adr = list.find((a) => a.group === group) ?? list[0]!;
      if (adr.file === fromFile) return null;
      return { href: urls.adr(adr), title: plainText(adr.title) };
    }
    const id = (m[2] ?? m[3] ?? '').toLowerCase();
    const rule = rules.get(id);
    const href = rule ? urls.rule(id) : null;
    if (!rule || !href) return null;
    if (pages.get(fromFile)?.href === href.slice(0, href.indexOf('#'))) return { href: `#${href.slice(href.indexOf('#') + 1)}`, title: rule.title };
    return { href, title: rule.title };
  };

  return {
    mentions(fromFile, text) {
      const out: MentionPart[] = [];
      let at = 0;
      for (const m of text.matchAll(MENTION)) {
        const target = mentionTarget(fromFile, m);
        if (!target) continue;
        if (m.index! > at) out.push({ text: text.slice(at, m.index) });
        out.push({ text: m[0], href: target.href, title: target.title });
        at = m.index! + m[0].length;
      }
      if (at < text.length) out.push({ text: text.slice(at) });
      return out;
    },
    table(code) {
      const name = code.trim();
      const table = /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)?$/.test(name) ? tables.get(name.split('.')[0]!) : undefined;
      return table ? { href: urls.table(table), title: `table ${table}` } : null;
    },
    resolve(fromFile, url) {
      const trimmed = url.trim();
      if (!isSafeUrl(trimmed)) return { kind: 'broken', message: `unsafe link removed (${schemeOf(trimmed)}: URLs are not allowed)` };
      if (schemeOf(trimmed) !== null || trimmed.startsWith('//')) return { kind: 'keep', href: trimmed };
      const hash = trimmed.indexOf('#');
      const fragment = hash >= 0 ? safeDecode(trimmed.slice(hash + 1)) : '';
      const pathPart = hash >= 0 ? trimmed.slice(0, hash) : trimmed;
      if (pathPart === '' || pathPart.startsWith('?')) {
        // An anchor on the page being written.
        const self = pages.get(fromFile);
        if (!fragment) return { kind: 'keep', href: trimmed };
        if (!self) return { kind: 'keep', href: trimmed };
        const id = self.anchors().get(fragment.toLowerCase());
        return id ? { kind: 'keep', href: `#${id}` } : { kind: 'broken', message: `no section #${fragment} on this page` };
      }
      // `/path` is relative to the repository root (as on GitHub).
      const target = pathPart.startsWith('/') ? normalizeRoot(pathPart) : resolveRelative(fromFile, pathPart);
      if (target === null) return { kind: 'broken', message: `${pathPart} points outside the repository` };
      const page = pages.get(target);
      if (page) {
        if (!fragment) return { kind: 'page', href: page.href };
        const line = /^L(\d+)(?:-L\d+)?$/.exec(fragment);
        if (line && target.endsWith('.py')) return { kind: 'page', href: `${page.href}#L${line[1]}` };
        const id = page.anchors().get(fragment.toLowerCase());
        // An anchor that is not there any more still lands on the right page.
        return { kind: 'page', href: id ? `${page.href}#${id}` : page.href };
      }
      const abs = join(k.root, target);
      if (target === '.' || isFileOrDir(abs)) return fileLink(target === '.' ? '' : target, fragment);
      return { kind: 'broken', message: `${target} does not exist` };
    },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function normalizeRoot(path: string): string | null {
  return resolveRelative('x', `.${path}`);
}

function isFileOrDir(abs: string): boolean {
  try {
    return existsSync(abs) && (statSync(abs).isFile() || statSync(abs).isDirectory());
  } catch {
    return false;
  }
}

/** Heading slugs of a markdown body, as rendered (optionally without the leading `# Title`). */
export function headingAnchors(body: string, dropTitle: boolean): Map<string, string> {
  const scan = scanMarkdown(body);
  const slugger = new Slugger();
  const out = new Map<string, string>();
  const firstContent = scan.lines.findIndex((l) => l.text.trim() !== '');
  scan.headings.forEach((h) => {
    // The page prints the title itself (a link to its slug lands on the page).
    if (dropTitle && h.level === 1 && h.start === firstContent) return;
    const slug = slugger.slug(headingText(h.text));
    out.set(slug, slug);
  });
  return out;
}

/** Anchors of a rules-file page: rule ids, GitHub slugs of rule headings, and other headings. */
function rulesAnchors(file: Knowledge['rules'][number]): Map<string, string> {
  const out = new Map<string, string>();
  const github = new Slugger();
  const site = new Slugger();
  const scan = scanMarkdown(file.body);
  const ruleLines = new Map(file.rules.map((r) => [r.line - file.bodyLine, r]));
  for (const h of scan.headings) {
    const rule = ruleLines.get(h.start);
    const gh = github.slug(headingText(h.text));
    if (rule) out.set(gh, ruleAnchor(rule.id));
  }
  // Headings in the prose and inside rule texts get the renderer's slugs, in page order.
  for (const seg of splitRulesFile(file)) {
    for (const h of scanMarkdown(seg.markdown).headings) {
      const slug = site.slug(headingText(h.text));
      if (!out.has(slug)) out.set(slug, slug);
    }
  }
  for (const r of file.rules) out.set(r.id.toLowerCase(), ruleAnchor(r.id));
  return out;
}
