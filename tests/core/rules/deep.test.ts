// Rules files that would make remark crawl or overflow the stack.
import { describe, expect, it } from 'vitest';
import { parseRulesDocument } from '../../../src/core/rules/parse.ts';

describe('deeply nested rules files', () => {
  it('reads the rules around 10,000 nested quotes and list items and warns about the nesting', () => {
    const text = `---\ntitle: Deep\n---\n# Deep\n\n### DB-001: Flat\nKeep it flat.\n\n${'>'.repeat(10_000)} DB-002: quoted\n\n${'- '.repeat(10_000)}DB-003: listed\n\n### DB-004: After\nStill read.\n`;
    const started = performance.now();
    const { file, diagnostics } = parseRulesDocument(text, 'rules/DEEP.md');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(file.rules.map((r) => [r.id, r.line])).toEqual([
      ['db-001', 6],
      ['db-004', 13],
    ]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'rules/too-deep', path: 'rules/DEEP.md', line: 9, severity: 'warning' }));
  });

  it('gives a whitespace-only file line 1 and an empty one no line', () => {
    expect(parseRulesDocument(' \n\t\n', 'r.md').diagnostics).toContainEqual(expect.objectContaining({ code: 'rules/empty', line: 1 }));
    expect(parseRulesDocument('', 'r.md').diagnostics).toContainEqual(expect.objectContaining({ code: 'rules/empty', line: null }));
  });
});
