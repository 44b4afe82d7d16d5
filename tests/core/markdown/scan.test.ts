import { describe, expect, it } from 'vitest';
import { scanMarkdown, stripInlineComments } from '../../../src/core/markdown/scan.ts';

describe('scanMarkdown', () => {
  it('finds setext headings under prose lines, and ATX headings', () => {
    const scan = scanMarkdown(['Decision', 'outcome', '---', '', '# Context', 'Some text', '', 'Other', '==='].join('\n'));
    expect(scan.headings.map((h) => [h.level, h.text, h.start, h.end])).toEqual([
      [2, 'Decision outcome', 0, 2],
      [1, 'Context', 4, 4],
      [1, 'Other', 7, 8],
    ]);
  });

  it('does not make a heading of an underline below a list item, a quote or a table row', () => {
    for (const first of ['- item', '> quote', '| a | b |', '1. step']) {
      expect(scanMarkdown(`${first}\n---`).headings).toEqual([]);
    }
  });

  it('marks fenced code and comment blocks, whatever their lines start with', () => {
    const lines = scanMarkdown(['Text', '```', 'ADR-1', '```', '<!--', 'Hidden', '-->', 'After'].join('\n')).lines;
    expect(lines.map((l) => (l.code ? 'code' : l.comment ? 'comment' : 'text'))).toEqual(['text', 'code', 'code', 'code', 'comment', 'comment', 'comment', 'text']);
  });
});

describe('stripInlineComments', () => {
  it('removes closed and trailing comments, and leaves other lines as they are', () => {
    expect(stripInlineComments('a <!-- x --> b <!-- open')).toBe('a  b ');
    expect(stripInlineComments('no comment here')).toBe('no comment here');
  });
});
