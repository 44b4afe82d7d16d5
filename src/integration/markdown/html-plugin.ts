// The hast plugin every markdown render of the site goes through (Astro's markdown processor):
// 1. sanitizes: only an allow-list of elements and attributes survives (no script, no event
//    handlers, no `javascript:` URLs, no styles except the highlighter's colours);
// 2. rewrites links: relative links between ADRs, rules, docs and migrations become site URLs;
//    links that point nowhere stay visible as a marked span.
import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import type { Element, ElementContent, Properties } from 'hast';
import type { LinkResolver } from './links.ts';
import { MENTION_HINT, isSafeUrl, schemeOf } from './links.ts';

/** Removed with everything inside them. */
const DROP = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed', 'noframes',
  'template', 'link', 'meta', 'base', 'title', 'head', 'form', 'textarea', 'select', 'option', 'optgroup', 'button',
  'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'param', 'portal', 'dialog', 'xmp', 'plaintext', 'slot',
]);

// `class` / `tabindex`: the syntax highlighter writes HTML attribute names, not hast property names.
const GLOBAL_ATTRS = ['className', 'class', 'title', 'lang', 'dir'];
const ALLOWED: Record<string, string[]> = {
  a: ['href'],
  abbr: [], b: [], blockquote: ['cite'], br: [], caption: [], cite: [], code: ['dataLanguage', 'style'], col: ['span'],
  colgroup: ['span'], dd: [], del: [], details: ['open'], dfn: [], div: [], dl: [], dt: [], em: [], figcaption: [],
  figure: [], h1: ['id'], h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'], hr: [], i: [],
  img: ['src', 'alt', 'width', 'height'], input: ['type', 'checked', 'disabled'], ins: [], kbd: [], li: ['value', 'id'],
  mark: [], ol: ['start', 'reversed', 'type'], p: [], pre: ['dataLanguage', 'style', 'tabIndex', 'tabindex'], q: [], rp: [], rt: [],
  ruby: [], s: [], samp: [], section: ['dataFootnotes'], small: [], span: ['style'], strong: [], sub: [], summary: [],
  sup: ['id'], table: [], tbody: [], td: ['align', 'colSpan', 'rowSpan'], tfoot: [], th: ['align', 'colSpan', 'rowSpan', 'scope'],
  thead: [], time: ['dateTime'], tr: [], u: [], ul: [], var: [], wbr: [],
};

// Colours written by the syntax highlighter; nothing that can load or position anything.
const SAFE_STYLE = /^(?:\s*(?:--shiki-[a-z-]+|color|background-color|font-style|font-weight|text-decoration|overflow-x)\s*:\s*[#a-z0-9 .,%-]+\s*;?)*\s*$/i;

export interface SiteRegistration {
  /** Absolute repository root. */
  root: string;
  resolver: LinkResolver;
}

interface Registry {
  sites: Map<string, SiteRegistration>;
}

/** Shared by every copy of this module (Astro loads the integration once natively and once through Vite). */
function registry(): Registry {
  const key = Symbol.for('lore.markdown.registry');
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[key] ??= { sites: new Map() });
}

export function registerSite(site: SiteRegistration): void {
  registry().sites.set(site.root, site);
}

export function unregisterSite(root: string): void {
  registry().sites.delete(root);
}

/** The site a rendered file belongs to and its repo-relative path. */
function siteOf(fileURL: URL | undefined): { site: SiteRegistration; path: string } | null {
  if (!fileURL || fileURL.protocol !== 'file:') return null;
  const abs = fileURLToPath(fileURL);
  let best: SiteRegistration | null = null;
  for (const site of registry().sites.values()) {
    const rel = relative(site.root, abs);
    if (!rel.startsWith('..') && !rel.startsWith(sep) && (!best || site.root.length > best.root.length)) best = site;
  }
  return best ? { site: best, path: relative(best.root, abs).split(sep).join('/') } : null;
}

interface Ctx {
  fileURL: URL | undefined;
  parent(node: unknown): { type: string; tagName?: string } | undefined;
  removeNode(node: unknown): void;
  replaceNode(node: unknown, replacement: unknown): void;
  setProperty(node: unknown, key: string, value: unknown): void;
  textContent(node: unknown): string;
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * The allow-list applied to a detached subtree (children moved into a replacement node are not
 * visited again by the renderer, so they are cleaned here).
 */
export function cleanTree(nodes: readonly ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push({ type: 'text', value: node.value });
    else if ((node as { type: string }).type === 'raw') out.push(text((node as unknown as { value: string }).value));
    else if (node.type === 'element') {
      const tag = node.tagName.toLowerCase();
      if (DROP.has(tag)) continue;
      const allowed = ALLOWED[tag];
      const children = cleanTree(node.children);
      if (!allowed || tag === 'input') {
        out.push(...children);
        continue;
      }
      const properties: Properties = {};
      for (const [key, value] of Object.entries(node.properties ?? {})) if (keepProperty(tag, key, value)) properties[key] = value;
      if (tag === 'a' && (typeof properties.href !== 'string' || !isSafeUrl(properties.href))) {
        out.push(...children);
        continue;
      }
      out.push({ type: 'element', tagName: tag, properties, children });
    }
  }
  return out;
}

function keepProperty(tag: string, key: string, value: unknown): boolean {
  const allowed = ALLOWED[tag] ?? [];
  let keep = GLOBAL_ATTRS.includes(key) || allowed.includes(key);
  if (key === 'style') keep = keep && typeof value === 'string' && SAFE_STYLE.test(value) && !/url|expression|import/i.test(value);
  if (key === 'id') keep = keep && typeof value === 'string' && /^[A-Za-z0-9][\w.-]*$/.test(value);
  if (key === 'className') keep = Array.isArray(value) && value.every((c) => typeof c === 'string' && /^[\w-]+$/.test(c));
  if (key === 'class') keep = typeof value === 'string' && /^[\w\s-]*$/.test(value);
  if ((key === 'src' || key === 'cite' || key === 'href') && typeof value === 'string' && !isSafeUrl(value)) keep = false;
  return keep;
}

function span(className: string, title: string, children: readonly ElementContent[], note: string | null): Element {
  const kids = cleanTree(children);
  if (note) kids.push({ type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [text(` (${note})`)] });
  return { type: 'element', tagName: 'span', properties: { className: [className], title }, children: kids };
}

/** Applies the allow-list to one element; returns a replacement when the element changes shape. */
function sanitize(node: Element, ctx: Ctx): 'removed' | 'replaced' | 'kept' {
  const tag = node.tagName.toLowerCase();
  if (DROP.has(tag)) {
    ctx.removeNode(node);
    return 'removed';
  }
  const allowed = ALLOWED[tag];
  if (!allowed) {
    // Unknown element: keep what it says, not what it is.
    ctx.replaceNode(node, cleanTree(node.children));
    return 'replaced';
  }
  if (tag === 'input' && (node.properties?.type !== 'checkbox' || node.properties?.disabled !== true)) {
    ctx.removeNode(node);
    return 'removed';
  }
  const props: Properties = node.properties ?? {};
  for (const key of Object.keys(props)) {
    // `href` is checked (and rewritten) by the link step.
    if (key !== 'href' && !keepProperty(tag, key, props[key])) ctx.setProperty(node, key, null);
  }
  return 'kept';
}

function rewriteLink(node: Element, ctx: Ctx): void {
  const href = node.properties?.href;
  if (typeof href !== 'string') return;
  if (href.startsWith('#user-content-')) return; // footnotes
  const where = siteOf(ctx.fileURL);
  if (!where) {
    if (!isSafeUrl(href)) ctx.replaceNode(node, span('broken-link', `unsafe link removed (${schemeOf(href)}: URL)`, node.children, 'unsafe link removed'));
    return;
  }
  const r = where.site.resolver.resolve(where.path, href);
  switch (r.kind) {
    case 'page':
    case 'keep':
      if (r.href !== href) ctx.setProperty(node, 'href', r.href);
      return;
    case 'file':
      if (r.href) ctx.setProperty(node, 'href', r.href);
      else ctx.replaceNode(node, span('file-ref', `${r.path || 'the repository'}: a file of the repository, not a page of this site`, node.children, null));
      return;
    case 'broken':
      ctx.replaceNode(node, span('broken-link', `Broken link: ${r.message}`, node.children, `broken link: ${r.message}`));
      return;
  }
}

function rewriteImage(node: Element, ctx: Ctx): void {
  const src = node.properties?.src;
  const alt = typeof node.properties?.alt === 'string' ? node.properties.alt : '';
  if (typeof src !== 'string') return;
  const scheme = schemeOf(src);
  if (scheme === 'http' || scheme === 'https') return;
  // Images of the repository are not copied into the site: say what was there.
  ctx.replaceNode(node, span('file-ref', `image ${src}`, [text(alt ? `[image: ${alt}]` : '[image]')], null));
}

const NO_XREF = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'kbd', 'samp']);

/** True when the node sits in a link, code, or a heading (no cross-links added there). */
function inNoXref(node: unknown, ctx: Ctx): boolean {
  for (let p = ctx.parent(node); p && p.type === 'element'; p = ctx.parent(p)) if (NO_XREF.has(p.tagName ?? '')) return true;
  return false;
}

/** `ADR-0004`, `DB-009` and `rule:id` in prose become links to their pages. */
function crossLinkText(node: { value: string }, ctx: Ctx): void {
  if (!MENTION_HINT.test(node.value)) return;
  const where = siteOf(ctx.fileURL);
  if (!where || inNoXref(node, ctx)) return;
  const parts = where.site.resolver.mentions(where.path, node.value);
  if (!parts.some((p) => p.href)) return;
  ctx.replaceNode(
    node,
    parts.map((p): ElementContent =>
      p.href ? { type: 'element', tagName: 'a', properties: { href: p.href, title: p.title ?? '', className: ['xref'] }, children: [text(p.text)] } : text(p.text),
    ),
  );
}

/** A code span naming a table (`users`, `users.email`) links to the table's history. */
function crossLinkCode(node: Element, ctx: Ctx): void {
  const where = siteOf(ctx.fileURL);
  if (!where || inNoXref(node, ctx)) return;
  const target = where.site.resolver.table(ctx.textContent(node));
  if (!target) return;
  ctx.replaceNode(node, {
    type: 'element',
    tagName: 'a',
    properties: { href: target.href, title: target.title, className: ['xref'] },
    children: [{ type: 'element', tagName: 'code', properties: {}, children: [text(ctx.textContent(node))] }],
  });
}

/** The satteri hast plugin (an object Astro's default markdown processor accepts in `hastPlugins`). */
export const loreHastPlugin = {
  name: 'lore-site-html',
  element: {
    filter: [] as string[],
    visit(node: Element, ctx: Ctx): void {
      if (sanitize(node, ctx) !== 'kept') return;
      if (node.tagName === 'a') rewriteLink(node, ctx);
      else if (node.tagName === 'img') rewriteImage(node, ctx);
      else if (node.tagName === 'code') crossLinkCode(node, ctx);
    },
  },
  text(node: { value: string }, ctx: Ctx): void {
    crossLinkText(node, ctx);
  },
  comment(node: unknown, ctx: Ctx): void {
    ctx.removeNode(node);
  },
  raw(node: { value: string }, ctx: Ctx): void {
    // Only reached when raw HTML parsing is off: show it as text.
    ctx.replaceNode(node, text(node.value));
  },
  doctype(node: unknown, ctx: Ctx): void {
    ctx.removeNode(node);
  },
};
