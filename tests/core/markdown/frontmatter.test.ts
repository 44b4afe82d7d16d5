import { describe, it, expect } from 'vitest';
import { frontMatterList, frontMatterText, readFrontMatter } from '../../../src/core/markdown/frontmatter.ts';

describe('readFrontMatter', () => {
  it('reads scalars as text: no YAML 1.1 dates, octal or numbers', () => {
    const fm = readFrontMatter('---\ndate: 2024-02-12\nid: 0042\nweight: 9\nflag: yes\n---\n# T\n', 'a.md');
    expect(fm.diagnostics).toEqual([]);
    expect(fm.entries.get('date')?.value).toBe('2024-02-12');
    expect(fm.entries.get('id')?.value).toBe('0042');
    expect(fm.entries.get('weight')?.value).toBe('9');
    expect(fm.entries.get('flag')?.value).toBe('yes');
  });

  it('compares keys after removing case, dashes, underscores and spaces', () => {
    const fm = readFrontMatter('---\nDecision-Makers: [a, b]\nsuperseded_by: x\nLast Modified: 2024-01-01\n---\n', 'a.md');
    expect(fm.entries.get('decisionmakers')?.value).toEqual(['a', 'b']);
    expect(fm.entries.get('supersededby')?.key).toBe('superseded_by');
    expect(fm.entries.get('lastmodified')?.value).toBe('2024-01-01');
  });

  it('gives body and body line after the closing `---` or `...`', () => {
    const fm = readFrontMatter('---\nstatus: accepted\n...\n# Title\n', 'a.md');
    expect(fm.present).toBe(true);
    expect(fm.body).toBe('# Title\n');
    expect(fm.bodyLine).toBe(4);
    expect(fm.entries.get('status')).toEqual({ key: 'status', value: 'accepted', line: 2 });
  });

  it('removes quotes, keeps empty and null values apart from text', () => {
    const fm = readFrontMatter('---\nstatus: "superseded by ADR-0123"\nempty:\ntilde: ~\nq: "~"\n---\n', 'a.md');
    expect(frontMatterText(fm.entries, 'status')).toEqual({ value: 'superseded by ADR-0123', line: 2 });
    expect(fm.entries.get('empty')?.value).toBeNull();
    expect(fm.entries.get('tilde')?.value).toBeNull();
    expect(fm.entries.get('q')?.value).toBe('~');
    expect(frontMatterText(fm.entries, 'empty')).toBeNull();
  });

  it('ignores front matter that does not start on the first line', () => {
    const text = '\n---\nstatus: accepted\n---\n';
    const fm = readFrontMatter(text, 'a.md');
    expect(fm.present).toBe(false);
    expect(fm.body).toBe(text);
    expect(fm.entries.size).toBe(0);
  });

  it('warns about bad YAML with the file line and ignores it', () => {
    const fm = readFrontMatter('---\ntitle: ok\ntags: [a, b\nstatus: accepted\n---\n# T\n', 'docs/adr/a.md');
    expect(fm.entries.size).toBe(0);
    expect(fm.body).toBe('# T\n');
    expect(fm.diagnostics).toHaveLength(1);
    expect(fm.diagnostics[0]).toMatchObject({ code: 'adr/bad-front-matter', severity: 'warning', path: 'docs/adr/a.md' });
    expect(fm.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('warns when the front matter is not a mapping', () => {
    const list = readFrontMatter('---\n- a\n- b\n---\n', 'a.md');
    expect(list.diagnostics.map((d) => d.code)).toEqual(['adr/bad-front-matter']);
    expect(list.entries.size).toBe(0);
    const scalar = readFrontMatter('---\njust some words\n---\n', 'a.md');
    expect(scalar.diagnostics.map((d) => d.code)).toEqual(['adr/bad-front-matter']);
  });

  it('accepts empty front matter without a warning', () => {
    const fm = readFrontMatter('---\n---\nbody\n', 'a.md');
    expect(fm.diagnostics).toEqual([]);
    expect(fm.body).toBe('body\n');
  });

  it('warns when the block is never closed and keeps the whole text as body', () => {
    const fm = readFrontMatter('---\nstatus: accepted\n# T\n', 'a.md');
    expect(fm.present).toBe(false);
    expect(fm.body).toBe('---\nstatus: accepted\n# T\n');
    expect(fm.diagnostics[0]).toMatchObject({ code: 'adr/bad-front-matter', line: 1 });
  });

  it('reads lists of strings and drops other items', () => {
    const fm = readFrontMatter('---\ntags:\n  - a\n  - {x: 1}\n  - "0042"\none: solo\n---\n', 'a.md');
    expect(frontMatterList(fm.entries, 'tags')).toEqual({ value: ['a', '0042'], line: 2 });
    expect(frontMatterList(fm.entries, 'one')?.value).toBe('solo');
    expect(frontMatterList(fm.entries, 'missing')).toBeNull();
  });

  it('resolves aliases as text', () => {
    const fm = readFrontMatter('---\na: &x 2024-01-01\nb: *x\n---\n', 'a.md');
    expect(fm.entries.get('b')?.value).toBe('2024-01-01');
  });
});
