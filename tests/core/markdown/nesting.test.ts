import { describe, expect, it } from 'vitest';
import { limitLineNesting, MAX_LINE_NESTING, nestingOf, pruneDeepNodes, tooDeepLines, tooDeepMessage } from '../../../src/core/markdown/nesting.ts';
import { parseMarkdown } from '../../../src/core/rules/markdown.ts';

describe('nestingOf', () => {
  it('counts quote and list markers and indentation', () => {
    expect(nestingOf('plain text')).toBe(0);
    expect(nestingOf('> quote')).toBe(1);
    expect(nestingOf('> > - 1. item')).toBe(4);
    expect(nestingOf('>>>> x')).toBe(4);
    expect(nestingOf('    - nested by indentation')).toBe(3);
    expect(nestingOf('\t- tab')).toBe(3);
    expect(nestingOf('-not a marker')).toBe(0);
    expect(nestingOf('12345678901. too long for a list number')).toBe(0);
  });
});

describe('limitLineNesting', () => {
  it('blanks only the too-deep lines, keeping offsets and line numbers', () => {
    const deep = `${'>'.repeat(100)} deep`;
    const text = `# Title\n\n${deep}\n- shallow\n`;
    const r = limitLineNesting(text);
    expect(r.lines).toEqual([2]);
    expect(r.text.length).toBe(text.length);
    expect(r.text.split('\n')).toEqual(['# Title', '', ' '.repeat(deep.length), '- shallow', '']);
    expect(limitLineNesting('a\n> b\n').text).toBe('a\n> b\n');
  });

  it('keeps lines right at the limit', () => {
    expect(tooDeepLines(`${'> '.repeat(MAX_LINE_NESTING)}x\n${'> '.repeat(MAX_LINE_NESTING + 1)}y`)).toEqual([1]);
  });

  it('makes 10,000 nested levels cheap for remark', () => {
    const started = performance.now();
    const r = limitLineNesting(`${'- '.repeat(10_000)}x\n`);
    parseMarkdown(r.text);
    expect(r.lines).toEqual([0]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('pruneDeepNodes', () => {
  it('cuts the tree below the given depth and reports where', () => {
    const root = parseMarkdown('intro\n\n> > > > deep\n');
    expect(pruneDeepNodes(root, 3)).toEqual([3]);
    let depth = 0;
    let node: { children?: unknown[] } = root;
    while (node.children && node.children.length > 0) {
      node = node.children[node.children.length - 1] as { children?: unknown[] };
      depth++;
    }
    expect(depth).toBe(3);
    expect(pruneDeepNodes(parseMarkdown('> shallow\n'), 3)).toEqual([]);
  });
});

describe('tooDeepMessage', () => {
  it('names the first line and counts the others', () => {
    expect(tooDeepMessage([])).toBeNull();
    expect(tooDeepMessage([9, 4])).toMatchObject({ line: 4, message: expect.stringContaining('and 1 more line)') });
    expect(tooDeepMessage([7])!.message).toMatch(/Flatten the nesting/);
  });
});
