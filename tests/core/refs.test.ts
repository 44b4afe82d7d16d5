import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bodyRefs, markdownRefs, rememberBodyRefs, textRefs, isRelativeDocLink } from '../../src/core/refs.ts';
import { readAdrDirectory } from '../../src/core/adr/read.ts';
import { FileParseCache } from '../../src/core/parse-cache.ts';

describe('references in text', () => {
  it('finds ADR numbers in their usual spellings', () => {
    expect(textRefs('see ADR-0004, ADR 7 and adr_12', 3).filter((r) => r.kind === 'adr-number').map((r) => [r.value, r.line])).toEqual([
      ['4', 3],
      ['7', 3],
      ['12', 3],
    ]);
  });

  it('finds revision-shaped words, made of letters only too, but not inside longer hex runs', () => {
    const words = (text: string): string[] => textRefs(text, 1).filter((r) => r.kind === 'word').map((r) => r.value);
    expect(words('Revises: d8197279003c, deadbeefcafe')).toEqual(['d8197279003c', 'deadbeefcafe']);
    expect(words('0123456789abcdef and d8197279003')).toEqual([]);
  });

  it('finds labels and rule ids in any case, and nothing in a line with only hyphenated words', () => {
    const refs = textRefs('RULE:Db-Naming, see DB-6 and R12-003; engineer-weeks', 1);
    expect(refs.map((r) => [r.kind, r.value])).toEqual([
      ['rule-id', 'db-naming'],
      ['label', 'db-6'],
      ['label', 'r12-003'],
    ]);
    expect(textRefs('a well-known, long-standing plan', 1)).toEqual([]);
  });

  it('finds explicit rule ids and label-shaped words, but not ADR labels as rules', () => {
    const refs = textRefs('rule:db-naming and DB-006, not ADR-0001', 1);
    expect(refs.filter((r) => r.kind === 'rule-id').map((r) => r.value)).toEqual(['db-naming']);
    expect(refs.filter((r) => r.kind === 'label').map((r) => r.value)).toEqual(['db-006']);
  });
});

describe('references in markdown', () => {
  it('reads links and code spans with their file lines, skipping code blocks and comments', () => {
    const md = ['Intro [a](0002-x.md#why) and `users`.', '', '```sql', 'ADR-0009', '```', '<!-- ADR-0010 -->', 'Then ADR-0011.'].join('\n');
    const refs = markdownRefs(md, 10);
    expect(refs.map((r) => [r.kind, r.value, r.line])).toEqual([
      ['path', '0002-x.md#why', 10],
      ['code', 'users', 10],
      ['adr-number', '11', 16],
    ]);
  });

  it('returns references in line order, with links and code spans before the text of their line', () => {
    const md = ['See `users` and ADR-0002.', 'Plain prose line.', '  indented [guide](docs/g.md) and DB-001', 'Title', '====='].join('\n');
    expect(markdownRefs(md, 1).map((r) => [r.line, r.kind, r.value])).toEqual([
      [1, 'code', 'users'],
      [1, 'adr-number', '2'],
      [3, 'path', 'docs/g.md'],
      [3, 'label', 'db-001'],
    ]);
  });

  it('treats only relative markdown targets as file links', () => {
    expect(isRelativeDocLink('../adr/0001-a.md')).toBe(true);
    expect(isRelativeDocLink('https://example.com/a.md')).toBe(false);
    expect(isRelativeDocLink('#anchor')).toBe(false);
    expect(isRelativeDocLink('image.png')).toBe(false);
  });
});

describe('body references', () => {
  it('are scanned when nothing was remembered, and the remembered ones are used otherwise', () => {
    const doc = { body: 'See ADR-0004 and `orders`.', bodyLine: 5 };
    expect(bodyRefs(doc)).toEqual(markdownRefs(doc.body, doc.bodyLine));
    const other = { body: doc.body, bodyLine: 5 };
    const remembered = [{ kind: 'adr-number' as const, value: '9', text: 'ADR-9', line: 5 }];
    rememberBodyRefs(other, remembered);
    expect(bodyRefs(other)).toBe(remembered);
  });

  it('that the ADR reader remembers are what a scan finds, fresh and from the cache', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'lore-refs-cache-'));
    for (let run = 0; run < 2; run++) {
      const cache = new FileParseCache(dir);
      expect(cache.size > 0).toBe(run === 1);
      const { adrs } = readAdrDirectory(root, join(root, 'adr'), { cache });
      expect(adrs.length).toBeGreaterThan(5);
      for (const adr of adrs) expect(bodyRefs(adr)).toEqual(markdownRefs(adr.body, adr.bodyLine));
      expect(adrs.some((adr) => bodyRefs(adr).length > 0)).toBe(true);
      cache.save();
    }
  });
});
