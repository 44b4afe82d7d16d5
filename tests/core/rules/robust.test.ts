// parseRulesFile never throws, and its ids are unique, whatever the input.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseRulesFile } from '../../../src/core/rules/index.ts';

const fragment = fc.constantFrom(
  '---', 'title: x', 'checks:', '  - check: a', '  - {check: b, severity: nope}', 'applies-to: [', '## DB-001: A', '### DB-001. B',
  '## Same {#same}', '#### Same {#same}', '# Title', '- **DB-002:** item. More.', '- plain item', '  - nested', '1. X-9 - numbered',
  '```lore-checks', '```', '- check: c', '', 'Text with `code` and *emphasis*.', '> - quoted', '\t', '\u00e9\u65e5', '---\n',
);

describe('robustness', () => {
  it('never throws; ids unique; lines inside the file', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), fc.string(), (lines, noise) => {
        const text = lines.join('\n') + noise;
        const { file, diagnostics } = parseRulesFile(text, 'rules/X.md');
        const ids = file.rules.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        const total = text.replace(/\r\n?/g, '\n').split('\n').length;
        for (const r of file.rules) expect(r.line >= 1 && r.line <= total).toBe(true);
        for (const d of diagnostics) expect(d.line === null || (d.line >= 1 && d.line <= total + 1)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
