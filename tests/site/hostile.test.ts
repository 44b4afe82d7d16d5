// Builds a repository whose ADRs, rules, migrations, table names and docs are full of markup and
// script, and checks that nothing of it runs in the built site, while the text stays visible.
import { describe, it, expect, beforeAll } from 'vitest';
import { builtSite, type BuiltSite } from './built-site.ts';
import { decode, readPages, unresolvedLinks, type Page } from './html.ts';
import { startTags } from '../../src/integration/check-links.ts';

let site: BuiltSite;
let pages: Page[];

beforeAll(() => {
  site = builtSite('hostile');
  pages = readPages(site.outDir);
});

/** Our own files: the search page's bundled script and the inline SVG favicon. */
const allowedScript = (attrs: Map<string, string>): boolean => /^\/_astro\/[\w.-]+\.js$/.test(attrs.get('src') ?? '') && attrs.get('type') === 'module';
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster', 'background', 'cite', 'srcset'];

function schemeOf(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
  return m ? m[1]!.toLowerCase() : null;
}

describe('a hostile repository', () => {
  it('builds, with pages for its ADRs, rules, migrations, tables and docs', () => {
    const paths = new Set(pages.map((p) => p.path));
    expect(paths.has('/decisions/0001-hostile-title/')).toBe(true);
    expect(paths.has('/decisions/0002-second/')).toBe(true);
    expect(paths.has('/rules/rules/')).toBe(true);
    expect(paths.has('/migrations/default/1a2b3c4d5e6f/')).toBe(true);
    expect(paths.has('/docs/guide/')).toBe(true);
    expect([...paths].filter((p) => p.startsWith('/tables/') && p !== '/tables/').length).toBe(2);
  });

  it('has no executable markup from the input anywhere in the output', () => {
    const problems: string[] = [];
    for (const p of pages) {
      for (const tag of startTags(p.html)) {
        const where = `${p.path} <${tag.name}>`;
        if (tag.name === 'script' && !allowedScript(tag.attrs)) problems.push(`${where}: script`);
        if (['iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'form', 'svg', 'math'].includes(tag.name)) {
          // Our own SVG drawings (brand, timeline) are the only SVG; none has attributes from input.
          if (tag.name === 'svg' && !tag.attrs.has('onload')) continue;
          if (tag.name === 'form' && (tag.attrs.get('role') === 'search' || tag.attrs.get('method') === 'get') && tag.attrs.get('action')?.startsWith('/')) continue;
          problems.push(`${where}: element not allowed`);
        }
        if (tag.name === 'meta' && tag.attrs.has('http-equiv')) problems.push(`${where}: meta http-equiv`);
        for (const [name, value] of tag.attrs) {
          if (name.startsWith('on')) problems.push(`${where}: event handler ${name}="${value}"`);
          if (name === 'style' && /url\s*\(|expression|javascript/i.test(value)) problems.push(`${where}: style ${value}`);
          if (URL_ATTRS.includes(name)) {
            const scheme = schemeOf(value);
            const favicon = tag.name === 'link' && tag.attrs.get('rel') === 'icon' && value.startsWith('data:image/svg+xml,');
            if (scheme !== null && !['http', 'https', 'mailto'].includes(scheme) && !favicon) problems.push(`${where}: ${name}="${value}"`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows the hostile text as text, escaped', () => {
    const adr = pages.find((p) => p.path === '/decisions/0001-hostile-title/')!;
    // The ADR reader keeps the words of a title, not its tags.
    expect(/<h1>([^<]*)<\/h1>/.exec(adr.html)![1]).toContain('alert(&quot;adr-title&quot;)');
    expect(decode(/<title>([^<]*)<\/title>/.exec(adr.html)![1]!)).toContain('alert("adr-title")');
    // Front matter values are shown as written.
    expect(adr.html).toContain('Decided by &lt;img src=x onerror=alert(&#39;decider&#39;)&gt;');
    expect(adr.html).toContain('&lt;img src=x onerror=alert(&#39;tag&#39;)&gt;</a>');
    expect(decode(adr.html)).toContain("'in a code block, shown as text'");
    const migration = pages.find((p) => p.path === '/migrations/default/1a2b3c4d5e6f/')!;
    expect(decode(migration.html)).toContain("<script>alert('docstring')</script>");
    const rules = pages.find((p) => p.path === '/rules/rules/')!;
    expect(decode(rules.html)).toContain("<script>alert('rules-title')</script> Rules");
    expect(rules.html).toContain("Never alert(&#39;rule-title&#39;) trust input");
    // Hostile table names still get a page each, with the name as its title.
    const tables = pages.filter((p) => p.path.startsWith('/tables/') && p.path !== '/tables/');
    expect(tables.some((t) => decode(t.html).includes("<script>alert('table')</script>"))).toBe(true);
  });

  it('shows broken and unsafe links as marked text, never as links', () => {
    const adr = pages.find((p) => p.path === '/decisions/0001-hostile-title/')!;
    const broken = [...adr.html.matchAll(/<span class="broken-link" title="([^"]*)">/g)].map((m) => decode(m[1]!));
    expect(broken.some((t) => t.includes('nowhere/missing.md does not exist'))).toBe(true);
    expect(broken.some((t) => t.includes('unsafe link removed'))).toBe(true);
    expect(adr.html).toMatch(/>markdown javascript link</);
  });

  it('rewrites the relative links that do resolve, and every internal link works', () => {
    const adr = pages.find((p) => p.path === '/decisions/0001-hostile-title/')!;
    expect(adr.html).toContain('href="/decisions/0002-second/"');
    expect(adr.html).toContain('href="/rules/rules/#r-001"');
    expect(unresolvedLinks(pages, '/', site.outDir)).toEqual([]);
  });
});
