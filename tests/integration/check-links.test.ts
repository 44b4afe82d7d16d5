import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkSiteLinks, startTags } from '../../src/integration/check-links.ts';

let dir: string;

function page(path: string, body: string): void {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `<!doctype html><html><head><link rel="stylesheet" href="/base/_astro/a.css"></head><body>${body}</body></html>`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lore-links-'));
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, '_astro', 'a.css'), '');
  page('index.html', '<a href="/base/decisions/x/#ctx">ok</a><a href="/base/decisions/x/#nope">bad anchor</a><a href="/base/missing/">missing</a><a href="/elsewhere/">outside</a><a href="https://x.org/">external</a><a href="#top">self</a><h1 id="top">t</h1>');
  page('decisions/x/index.html', '<h2 id="ctx">c</h2><a href="../y/">relative missing</a><a href="../../">up</a><pre>&lt;a href="/base/not-a-link/"&gt;</pre><script>const s = \'<a href="/base/in-script/">\';</script><p id="dup"></p><p id="dup"></p>');
});

describe('checkSiteLinks', () => {
  it('reports missing pages, missing anchors, links outside the base and duplicate ids — nothing else', () => {
    const report = checkSiteLinks(dir, '/base/');
    expect(report.pages).toBe(2);
    expect(report.broken.map((b) => `${b.page} ${b.href}`).sort()).toEqual([
      '/ /base/decisions/x/#nope',
      '/ /base/missing/',
      '/ /elsewhere/',
      '/decisions/x/ ../y/',
    ]);
    expect(report.duplicateIds).toEqual([{ page: '/decisions/x/', id: 'dup' }]);
  });
});

describe('startTags', () => {
  it('reads attributes in any quoting, decodes entities, and skips comments, script and style', () => {
    const tags = startTags(`<!-- <a href="c"> --><A HREF='/x?a=1&amp;b=2' data-x=y id=z>t</A><style>a{}</style><script>"<a href='s'>"</script><img src="i" alt="a > b">`);
    expect(tags.map((t) => t.name)).toEqual(['a', 'style', 'script', 'img']);
    expect(tags[0]!.attrs.get('href')).toBe('/x?a=1&b=2');
    expect(tags[0]!.attrs.get('data-x')).toBe('y');
    expect(tags[0]!.attrs.get('id')).toBe('z');
    expect(tags[3]!.attrs.get('alt')).toBe('a > b');
  });
});
