import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoteHeadings, mapLinks, sanitizeBlock } from '../../../src/core/bundle/markdown.ts';
import { relink, ruleText } from '../../../src/core/bundle/scoped.ts';

/** The reference: all three passes, always. */
const allPasses = (text: string, from: string, dir: string): string[] =>
  sanitizeBlock(demoteHeadings(mapLinks(text, (url) => relink(url, from, dir)).trim(), 4)).split('\n');

describe('ruleText', () => {
  it('re-points links, demotes headings and drops HTML as the three passes do', () => {
    const text = '# Keep [the guide](../docs/guide.md#x) close\n\n<!-- note -->\nUse <b>bold</b> and `code`.\n\n```\n<raw>\n```';
    expect(ruleText(text, 'rules/db.md', 'content/migrations')).toEqual(allPasses(text, 'rules/db.md', 'content/migrations'));
    expect(ruleText(text, 'rules/db.md', 'content/migrations').join('\n')).toContain('(../../docs/guide.md#x)');
  });

  it('gives what the three passes give, on generated text', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '\n\n', '\t', '#', '## ', '[t](u.md)', '[r]: x.md', '[', ']', '(', '<b>', '<!--', '-->', '```', '~~~', '`', '\u0000', '\u00000\u0000', '\r', '===', '---', '    ', 'é');
    const text = fc.array(piece, { maxLength: 25 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(ruleText(t, 'rules/a/db.md', 'content/migrations')).toEqual(allPasses(t, 'rules/a/db.md', 'content/migrations'));
      }),
      { numRuns: 3000 },
    );
  });
});
