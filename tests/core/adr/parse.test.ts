import { describe, it, expect } from 'vitest';
import { parseAdr } from '../../../src/core/adr/parse.ts';

const parse = (text: string, path = '0001-use-postgres.md') =>
  parseAdr(text, { path, file: `docs/adr/${path}`, group: '' });
const codes = (r: ReturnType<typeof parse>) => r.diagnostics.map((d) => `${d.code}@${d.line}`);

describe('parseAdr: front matter as text', () => {
  it('keeps `date: 2024-02-12` as written and reads `id: 0042` as 42', () => {
    const { adr, diagnostics } = parse('---\ndate: 2024-02-12\nid: 0042\n---\n# Title\n', 'use-uuids.md');
    expect(adr.date).toBe('2024-02-12');
    expect(adr.number).toBe(42);
    expect(adr.id).toBe('use-uuids');
    expect(diagnostics).toEqual([]);
  });

  it('ignores bad YAML with a warning and still reads the body', () => {
    const r = parse('---\nstatus: [accepted\n---\n# Title\n\nStatus: proposed\n');
    expect(codes(r)).toEqual(['adr/bad-front-matter@2']);
    expect(r.diagnostics[0]!.message).toMatch(/not valid YAML/);
    expect(r.adr.status).toBe('proposed');
    expect(r.adr.title).toBe('Title');
    expect(r.adr.bodyLine).toBe(4);
  });

  it('fills declared references, body and bodyLine', () => {
    const text = '---\nmigrations: a1b2c3, d4e5f6\nrules: [db-001]\ntables:\n  - users\n---\n# T\n\n## Decision\n\nWe will.\n';
    const { adr } = parse(text);
    expect(adr.declared).toEqual({ migrations: ['a1b2c3', 'd4e5f6'], rules: ['db-001'], tables: ['users'] });
    expect(adr.body).toBe('# T\n\n## Decision\n\nWe will.\n');
    expect(adr.bodyLine).toBe(7);
    expect(adr.sections).toEqual([{ heading: 'Decision', role: 'decision', level: 2, line: 9, markdown: 'We will.' }]);
    expect(adr.summary).toBe('We will.');
  });
});

describe('parseAdr: text encoding', () => {
  it('handles a BOM and CRLF line ends', () => {
    const { adr } = parse('\uFEFF---\r\nstatus: accepted\r\n---\r\n# Use Postgres\r\n\r\nDate: 05/03/2021\r\n');
    expect(adr.status).toBe('accepted');
    expect(adr.title).toBe('Use Postgres');
    expect(adr.date).toBe('2021-03-05');
    expect(adr.bodyLine).toBe(4);
    expect(adr.body.includes('\r')).toBe(false);
  });
});

describe('parseAdr: title and number', () => {
  it('uses a setext title and its numbering prefix when the file name has no number', () => {
    const { adr } = parse('ADR-0010: Isolate tenants\n=========================\n\nStatus: accepted\n', 'isolate.md');
    expect(adr.title).toBe('Isolate tenants');
    expect(adr.number).toBe(10);
    expect(adr.status).toBe('accepted');
  });

  it('prefers a non-empty front-matter title and reads its prefix', () => {
    const { adr } = parse('---\ntitle: "7. Keep it"\n---\n# Other\n', 'keep.md');
    expect(adr.title).toBe('Keep it');
    expect(adr.number).toBe(7);
    expect(parse('---\ntitle: ""\n---\n# From H1\n').adr.title).toBe('From H1');
  });

  it('lets the file name win and warns about a differing H1 number', () => {
    const r = parse('# 4. Title\n', '0003-title.md');
    expect(r.adr.number).toBe(3);
    expect(codes(r)).toEqual(['adr/number-mismatch@1']);
    expect(codes(parse('---\nid: ADR-0009\n---\n# Title\n', '0003-title.md'))).toEqual(['adr/number-mismatch@2']);
  });

  it('ignores a heading in a code block and falls back to the file name', () => {
    const { adr } = parse('```\n# Not it\n```\n', '2024-01-05-tenant_onboarding.md');
    expect(adr.title).toBe('Tenant onboarding');
    expect(adr.date).toBe('2024-01-05');
    expect(adr.number).toBeNull();
    expect(adr.summary).toBe('Tenant onboarding');
  });
});

describe('parseAdr: precedence', () => {
  it('front matter → header → table → Status section for the status, warning on disagreement', () => {
    const r = parse('---\nstatus: accepted\n---\n# T\n\n## Status\n\nRejected\n');
    expect(r.adr.status).toBe('accepted');
    expect(r.adr.statusRaw).toBe('accepted');
    expect(codes(r)).toEqual(['adr/status-conflict@8']);

    const table = parse('# T\n\n| Status | Date |\n|---|---|\n| Proposed | 2025-01-19 |\n\n## Status\n\nProposed\n');
    expect(table.adr.statusRaw).toBe('Proposed');
    expect(table.adr.date).toBe('2025-01-19');
    expect(table.diagnostics).toEqual([]);
  });

  it('takes the first valid date source, then the file-name date', () => {
    const text = '---\ncreated: not yet\n---\n# T\n\nDate: {YYYY-MM-DD}\nLast Updated: Nov 3rd, 2024\n';
    expect(parse(text).adr.date).toBe('2024-11-03');
    expect(parse('---\nlast-modified: 2024-06-01\n---\n# T\n\nDate: 2023-01-01\n').adr.date).toBe('2024-06-01');
    expect(parse('# T\n\nDate: soon\n', '20240115-x.md').adr.date).toBe('2024-01-15');
    expect(parse('# T\n\nDate: soon\n', 'x.md').adr.date).toBeNull();
  });

  it('reads deciders and tags from front matter before the header', () => {
    const { adr } = parse('---\ndecision-makers: "@a, @b"\n---\n# T\n\n* Deciders: C\n* Tags: x y\n');
    expect(adr.deciders).toEqual(['@a', '@b']);
    expect(adr.tags).toEqual(['x', 'y']);
  });

  it('never reads metadata from prose or later sections', () => {
    const { adr } = parse('# T\n\n## Context\n\nStatus: accepted\nDate: 2024-01-01\nDeciders: Nobody\n\n## Changelog\n\n- 2024-08-01: Accepted\n');
    expect(adr.status).toBe('unknown');
    expect(adr.statusRaw).toBeNull();
    expect(adr.date).toBeNull();
    expect(adr.deciders).toEqual([]);
  });
});

describe('parseAdr: warnings', () => {
  it('warns about an unknown or placeholder status but not a missing one', () => {
    expect(codes(parse('# T\n\nStatus: Implemented\n'))).toEqual(['adr/unknown-status@3']);
    expect(codes(parse('# T\n\nStatus: {proposed | accepted}\n'))).toEqual(['adr/unknown-status@3']);
    expect(codes(parse('# T\n\nJust prose.\n'))).toEqual([]);
  });
});

describe('parseAdr: relations', () => {
  it('reads the status value, Status section lines, header keys and front-matter keys', () => {
    const text = [
      '---',
      'superseded_by: [ADR-0009]',
      'amends: 0002-base',
      'amended-by: "[later](0011-later.md)"',
      '---',
      '# T',
      '',
      '* Status: Superseded by [next](0008-next.md)',
      '* Supersedes: ADR-0001, ADR-0002',
      '',
      '## Status',
      '',
      'Superseded',
      '',
      'Amends [ADR-4](sub/0004-x.md)',
      '',
      '## Context',
      '',
      'This replaces ADR-0099 in spirit.',
    ].join('\n');
    const { adr } = parse(text, 'g/0007-t.md');
    expect(adr.supersededBy).toEqual(['g/0008-next', 'ADR-0009']);
    expect(adr.supersedes).toEqual(['ADR-0001', 'ADR-0002']);
    expect(adr.amends).toEqual(['g/sub/0004-x', '0002-base']);
    expect(adr.amendedBy).toEqual(['g/0011-later']);
  });
});
