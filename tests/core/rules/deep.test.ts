// Rules files that would make remark crawl or overflow the stack.
import { describe, expect, it } from 'vitest';
import { parseRulesDocument } from '../../../src/core/rules/parse.ts';

describe('deeply nested rules files', () => {
  it('reads the rules around 10,000 nested quotes and list items and warns about the nesting', () => {
    const text = `---\ntitle: Deep\n---\n# Deep\n\n### DB-001: Flat\nKeep it flat.\n\n${'>'.repeat(10_000)} DB-002: quoted\n\n${'- '.repeat(10_000)}DB-003: listed\n\n### DB-004: After\nStill read.\n`;
    const { file, diagnostics } = parseRulesDocument(text, 'rules/DEEP.md');
    expect(file.rules.map((r) => [r.id, r.line])).toEqual([
      ['db-001', 6],
      ['db-004', 13],
    ]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'rules/too-deep', path: 'rules/DEEP.md', line: 9, severity: 'warning' }));
  });

  it('reads around paragraphs of tens of thousands of emphasis and link markers and names them', () => {
    const nested = `${'*'.repeat(30_000)}a${'*'.repeat(30_000)}`;
    const links = '[a]('.repeat(20_000);
    const text = `# Markers\n\n### DB-001: Before\nKeep **this** and [that](x.md).\n\n${nested}\n\n### DB-002: Between\nText.\n\n${links}\nsecond line\n\n### DB-003: After\nUse \`snake_case\` names.\n`;
    const { file, diagnostics } = parseRulesDocument(text, 'rules/MARKERS.md');
    expect(file.rules.map((r) => [r.id, r.line])).toEqual([
      ['db-001', 3],
      ['db-002', 8],
      ['db-003', 14],
    ]);
    // Rule text comes from the file as written: ordinary markup stays.
    expect(file.rules[0]!.text).toContain('**this**');
    expect(file.rules[2]!.text).toContain('`snake_case`');
    const warning = diagnostics.find((d) => d.code === 'rules/too-many-markers');
    expect(warning).toMatchObject({ path: 'rules/MARKERS.md', line: 6, severity: 'warning' });
    expect(warning!.message).toContain('60000 emphasis, link or code markers (and 1 more paragraph)');
  });

  it('leaves ordinary paragraphs and fenced code alone', () => {
    const code = `\`\`\`python\n${'x_y = a[0] * b[1]\n'.repeat(600)}\`\`\``;
    const text = `# Fine\n\n### DB-001: Code\nExample:\n\n${code}\n\n### DB-002: Prose\n${'Use *this* and _that_. '.repeat(200)}\n`;
    const { file, diagnostics } = parseRulesDocument(text, 'rules/FINE.md');
    expect(diagnostics.filter((d) => d.code === 'rules/too-many-markers')).toEqual([]);
    expect(file.rules.map((r) => r.id)).toEqual(['db-001', 'db-002']);
  });

  it('gives a whitespace-only file line 1 and an empty one no line', () => {
    expect(parseRulesDocument(' \n\t\n', 'r.md').diagnostics).toContainEqual(expect.objectContaining({ code: 'rules/empty', line: 1 }));
    expect(parseRulesDocument('', 'r.md').diagnostics).toContainEqual(expect.objectContaining({ code: 'rules/empty', line: null }));
  });
});
