import { describe, expect, it } from 'vitest';
import { inlineParts } from '../../../src/core/markdown/inline.ts';

describe('inlineParts', () => {
  it('takes out code spans, links and autolinks, in that order', () => {
    const parts = inlineParts('Use `users` per [the guide](docs/g.md) or <https://example.com/x>.');
    expect(parts.code).toEqual(['users']);
    expect(parts.links).toEqual([
      { text: 'the guide', url: 'docs/g.md' },
      { text: 'https://example.com/x', url: 'https://example.com/x' },
    ]);
    expect(parts.text).toBe('Use   per the guide or  .');
  });

  it('leaves a link inside a code span alone, and plain lines untouched', () => {
    expect(inlineParts('`[a](b.md)` then text')).toEqual({ links: [], code: ['[a](b.md)'], text: '  then text' });
    expect(inlineParts('Nothing to see: a < b, [x] (y)')).toEqual({ links: [], code: [], text: 'Nothing to see: a < b, [x] (y)' });
  });
});
