import { describe, expect, it } from 'vitest';
import { parseAdr } from '../../../src/core/adr/parse.ts';
import { firstParagraph } from '../../../src/core/adr/summary.ts';

const parse = (text: string) => parseAdr(text, { path: '0001-x.md', file: 'adr/0001-x.md', group: '' });

describe('empty records', () => {
  it('warns, with the line where text should go', () => {
    expect(parse('').diagnostics).toContainEqual(expect.objectContaining({ code: 'adr/empty', line: null }));
    expect(parse('\n  \n').diagnostics).toContainEqual(expect.objectContaining({ code: 'adr/empty', line: 1 }));
    expect(parse('---\nstatus: accepted\n---\n\n').diagnostics).toContainEqual(expect.objectContaining({ code: 'adr/empty', line: 3 }));
    expect(parse('# 1. X\n').diagnostics.filter((d) => d.code === 'adr/empty')).toEqual([]);
  });

  it('warns about nesting too deep for a markdown renderer', () => {
    const { diagnostics } = parse(`---\nstatus: accepted\n---\n# 1. X\n\n${'>'.repeat(500)} deep\n`);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'adr/too-deep', line: 6 }));
  });
});

describe('summary of a huge first paragraph', () => {
  it('reads only as much as a one-sentence summary needs', () => {
    const huge = `First sentence here. ${'More words in the same paragraph. '.repeat(20_000)}`;
    const started = performance.now();
    const p = firstParagraph(`${huge}\n`)!;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(p.startsWith('First sentence here. More words')).toBe(true);
    expect(p.length).toBeLessThan(huge.length);
    expect(firstParagraph('\n\nShort one.\nSecond line.\n\nNext.\n')).toBe('Short one. Second line.');
  });
});
