import { describe, it, expect } from 'vitest';
import { scanMarkdown } from '../../../src/core/markdown/scan.ts';
import { findTitleHeading, stripTitleNumber, titleNumber } from '../../../src/core/adr/title.ts';

const titleOf = (md: string): string | null => findTitleHeading(scanMarkdown(md))?.text ?? null;

describe('findTitleHeading', () => {
  it('reads an ATX heading and removes closing hashes', () => {
    expect(titleOf('# Use Postgres #\n')).toBe('Use Postgres');
    expect(titleOf('   # Indented ##   \n')).toBe('Indented');
    expect(titleOf('# C# is fine\n')).toBe('C# is fine');
  });

  it('reads a setext heading, joining its paragraph lines', () => {
    expect(titleOf('Use Postgres\n============\n\nText\n')).toBe('Use Postgres');
    expect(titleOf('Use\nPostgres\n===\n')).toBe('Use Postgres');
  });

  it('takes the first level-1 heading, not an earlier level-2 one', () => {
    expect(titleOf('## Intro\n\n# Real title\n')).toBe('Real title');
    expect(titleOf('Sub\n---\n\nMain\n===\n')).toBe('Main');
  });

  it('ignores headings in fenced code blocks', () => {
    expect(titleOf('```md\n# Not a title\n```\n# Title\n')).toBe('Title');
    expect(titleOf('~~~~\n# no\n~~~\n# still code\n~~~~\n# Yes\n')).toBe('Yes');
  });

  it('ignores headings in HTML comments', () => {
    expect(titleOf('<!--\n# Hidden\n-->\n# Shown\n')).toBe('Shown');
    expect(titleOf('<!-- one line -->\n# Shown\n')).toBe('Shown');
  });

  it('needs a space after the hashes and ignores deeper indentation', () => {
    expect(titleOf('#hashtag\n')).toBeNull();
    expect(titleOf('    # code\n')).toBeNull();
  });

  it('does not read a list item above `---` as a heading', () => {
    expect(scanMarkdown('* Status: x\n---\n').headings).toEqual([]);
  });
});

describe('stripTitleNumber / titleNumber', () => {
  it.each([
    ['ADR-0010: Isolate tenants', 'Isolate tenants', 10],
    ['ADR 014: Rate-limit webhooks', 'Rate-limit webhooks', 14],
    ['adr_7 - Thing', 'Thing', 7],
    ['ADR-12a. Thing', 'Thing', 12],
    ['2. Store preferences', 'Store preferences', 2],
    ['7b. Thing', 'Thing', 7],
    ['0080 — Use queues', 'Use queues', 80],
    ['12 - Thing', 'Thing', 12],
    ['12: Thing', 'Thing', 12],
    ['  Plain title  ', 'Plain title', null],
    ['2024 plans', '2024 plans', null],
    ['3.5 release', '3.5 release', null],
    ['12-factor apps', '12-factor apps', null],
  ] as const)('%j', (raw, title, n) => {
    expect(stripTitleNumber(raw)).toBe(title);
    expect(titleNumber(raw)).toBe(n);
  });

  it('removes only one prefix', () => {
    expect(stripTitleNumber('ADR-1: 2. Nested')).toBe('2. Nested');
  });
});
