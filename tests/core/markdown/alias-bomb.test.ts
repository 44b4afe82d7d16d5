import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../src/core/markdown/frontmatter.ts';

describe('front matter with exponentially expanding aliases', () => {
  it('stops expanding, keeps the keys before, and says where', () => {
    const levels = 'abcdefghi'.split('');
    let yaml = 'title: Kept\na: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < levels.length; i++) yaml += `${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(', ')}]\n`;
    yaml += 'tags: *i\n';
    const started = performance.now();
    const r = readFrontMatter(`---\n${yaml}---\n# X\n`, 'adr/x.md');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.entries.get('title')?.value).toBe('Kept');
    expect(r.entries.has('tags')).toBe(false);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'adr/bad-front-matter', path: 'adr/x.md', line: 7 })]); // `e`: 9 + 81 + 729 + 6561 + 59049 values
    expect(r.body).toBe('# X\n');
  });
});
