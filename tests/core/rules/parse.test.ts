import { describe, it, expect } from 'vitest';
import { parseRulesFile } from '../../../src/core/rules/index.ts';

const md = (lines: string[]): string => lines.join('\n') + '\n';

describe('heading rules (labels)', () => {
  const text = md([
    '# Database rules', //                                   1
    '', //                                                   2
    '## Schema changes', //                                  3
    '', //                                                   4
    '### DB-001: Change the schema only with `alembic`', //  5
    '', //                                                   6
    'Never call `db.create_all()`.', //                      7
    '', //                                                   8
    '#### Why', //                                           9
    '', //                                                   10
    'Because drift.', //                                     11
    '', //                                                   12
    '### DB-002. Review *every* migration', //               13
    'Text two.', //                                          14
    '### DB-003 — Write a **downgrade**', //                 15
    '### DB-004 – En dash', //                               16
    '### DB-005 - Hyphen', //                                17
    '## Naming', //                                          18
    '#### DB-006: Deep', //                                  19
    'Deep text.', //                                         20
  ]);
  const { file, diagnostics } = parseRulesFile(text, 'rules/DATABASE_RULES.md');

  it('finds one rule per labelled heading, with every separator', () => {
    expect(file.rules.map((r) => [r.id, r.label, r.title])).toEqual([
      ['db-001', 'DB-001', 'Change the schema only with `alembic`'],
      ['db-002', 'DB-002', 'Review every migration'],
      ['db-003', 'DB-003', 'Write a downgrade'],
      ['db-004', 'DB-004', 'En dash'],
      ['db-005', 'DB-005', 'Hyphen'],
      ['db-006', 'DB-006', 'Deep'],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('keeps the section body up to the next heading of the same or a higher level', () => {
    expect(file.rules[0]!.text).toBe('Never call `db.create_all()`.\n\n#### Why\n\nBecause drift.');
    expect(file.rules[1]!.text).toBe('Text two.');
    expect(file.rules[2]!.text).toBe('');
    expect(file.rules[5]!.text).toBe('Deep text.');
  });

  it('records lines and section paths (the H1 is the file title, not a section)', () => {
    expect(file.rules.map((r) => r.line)).toEqual([5, 13, 15, 16, 17, 19]);
    expect(file.rules[0]!.section).toEqual(['Schema changes']);
    expect(file.rules[5]!.section).toEqual(['Naming']);
    expect(file.title).toBe('Database rules');
  });

  it('does not take H1 headings, ADR mentions or non-labels as rules', () => {
    const other = parseRulesFile(
      md(['# DB-001: Title', '## ADR-0004: Timestamps', 'x', '## Db-7: lower case', 'y', '## DB-1.5x', 'z', '### DB-010: Real', 'w']),
      'r.md',
    );
    expect(other.file.rules.map((r) => r.id)).toEqual(['db-010']);
  });

  it('accepts a label in backticks and a bare label', () => {
    const { file: f } = parseRulesFile(md(['## `SEC-12`: Rotate keys', 'a', '## OPS-3', 'b']), 'r.md');
    expect(f.rules.map((r) => [r.id, r.label, r.title])).toEqual([
      ['sec-12', 'SEC-12', 'Rotate keys'],
      ['ops-3', 'OPS-3', 'OPS-3'],
    ]);
  });
});

describe('explicit ids', () => {
  it('takes `{#id}` from headings and removes it from the title', () => {
    const { file } = parseRulesFile(md(['## Naming', '### Tables are plural {#naming-tables}', 'Body.', '### DB-008: Index names {#index-names}', 'x']), 'r.md');
    expect(file.rules.map((r) => [r.id, r.label, r.title, r.section])).toEqual([
      ['naming-tables', null, 'Tables are plural', ['Naming']],
      ['index-names', 'DB-008', 'Index names', ['Naming']],
    ]);
    expect(file.rules[0]!.text).toBe('Body.');
  });
});

describe('list item rules', () => {
  const text = md([
    '# Rules', //                                                        1
    '', //                                                               2
    '## Migrations', //                                                  3
    '', //                                                               4
    '- DB-001: Use Alembic, e.g. `flask db migrate`. Never create_all.', // 5
    '- **DB-002** Review every migration. Then run it.', //             6
    '- **DB-003:** Every migration has a downgrade.', //                 7
    '  It must really undo the upgrade.', //                             8
    '', //                                                               9
    '  - DB-099: nested inside a rule, part of its text', //             10
    '- Keep migrations small. {#small-migrations}', //                   11
    '- Just a note, not a rule.', //                                     12
    '', //                                                               13
    '## More', //                                                        14
    '', //                                                               15
    '1. `DB-004`: Numbered item', //                                     16
  ]);
  const { file, diagnostics } = parseRulesFile(text, 'rules/R.md');

  it('recognizes the three label forms and `{#id}`', () => {
    expect(file.rules.map((r) => [r.id, r.label, r.title])).toEqual([
      ['db-001', 'DB-001', 'Use Alembic, e.g. `flask db migrate`'],
      ['db-002', 'DB-002', 'Review every migration'],
      ['db-003', 'DB-003', 'Every migration has a downgrade'],
      ['small-migrations', null, 'Keep migrations small'],
      ['db-004', 'DB-004', 'Numbered item'],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('keeps the item source without its marker, dedented', () => {
    expect(file.rules[2]!.text).toBe(
      '**DB-003:** Every migration has a downgrade.\nIt must really undo the upgrade.\n\n- DB-099: nested inside a rule, part of its text',
    );
    expect(file.rules[3]!.text).toBe('Keep migrations small.');
  });

  it('gives lines and sections', () => {
    expect(file.rules.map((r) => r.line)).toEqual([5, 6, 7, 11, 16]);
    expect(file.rules[0]!.section).toEqual(['Migrations']);
    expect(file.rules[4]!.section).toEqual(['More']);
  });

  it('does not take list items inside a heading rule as separate rules', () => {
    const { file: f } = parseRulesFile(md(['## DB-001: Alembic only', '', '- DB-011: see also', '', '## Other', '', '- DB-012: a rule']), 'r.md');
    expect(f.rules.map((r) => r.id)).toEqual(['db-001', 'db-012']);
    expect(f.rules[0]!.text).toBe('- DB-011: see also');
  });

  it('merges heading and list rules in document order', () => {
    const { file: f } = parseRulesFile(md(['- X-1: first', '', '## X-2: second', 'body', '', '## Notes', '', '- X-3: third']), 'r.md');
    expect(f.rules.map((r) => r.id)).toEqual(['x-1', 'x-2', 'x-3']);
  });
});

describe('rules without labels (kind 4)', () => {
  it('turns leaf sections into rules with derived ids', () => {
    const { file, diagnostics } = parseRulesFile(
      md(['# Conventions', '## Naming', '### Tables', 'Plural.', '### Columns', 'snake_case.', '## Reviews', '### Empty', '## Tables', 'Primary key `id`.']),
      'r.md',
    );
    expect(file.rules.map((r) => [r.id, r.title, r.text, r.section, r.line])).toEqual([
      ['tables', 'Tables', 'Plural.', ['Naming'], 3],
      ['columns', 'Columns', 'snake_case.', ['Naming'], 5],
      ['tables-2', 'Tables', 'Primary key `id`.', [], 9],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('turns top-level list items into rules when there are no leaf sections', () => {
    const { file } = parseRulesFile(
      md(['# Rules', '', '- Table names are plural and snake_case in every schema we own.', '  - nested: not a rule', '- Store timestamps with a zone!', '', '> - quoted: not top-level']),
      'r.md',
    );
    expect(file.rules.map((r) => [r.id, r.title, r.line])).toEqual([
      ['table-names-are-plural-and-snake-case-in-every', 'Table names are plural and snake_case in every schema we own', 3],
      ['store-timestamps-with-a-zone', 'Store timestamps with a zone!', 5],
    ]);
    expect(file.rules[0]!.text).toBe('Table names are plural and snake_case in every schema we own.\n- nested: not a rule');
  });

  it('uses `rule` for headings that slugify to nothing', () => {
    const { file } = parseRulesFile(md(['## 日本語', 'a', '## 中文', 'b']), 'r.md');
    expect(file.rules.map((r) => r.id)).toEqual(['rule', 'rule-2']);
  });
});

describe('duplicate ids', () => {
  it('warns about a repeated label and renames the later rule', () => {
    const { file, diagnostics } = parseRulesFile(md(['## DB-001: One', 'a', '## DB-001: Two', 'b', '## DB-001: Three', 'c']), 'r.md');
    expect(file.rules.map((r) => r.id)).toEqual(['db-001', 'db-001-2', 'db-001-3']);
    expect(file.rules.map((r) => r.label)).toEqual(['DB-001', 'DB-001', 'DB-001']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['rules/duplicate-id', 'warning', 3],
      ['rules/duplicate-id', 'warning', 5],
    ]);
    expect(diagnostics[0]!.message).toContain('line 1');
  });

  it('reports the same explicit id twice as an error', () => {
    const { file, diagnostics } = parseRulesFile(md(['## One {#same}', 'a', '## Two {#same}', 'b']), 'r.md');
    expect(file.rules.map((r) => r.id)).toEqual(['same', 'same-2']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['rules/duplicate-id', 'error', 3]]);
  });

  it('never gives a suffixed id that another explicit id already has', () => {
    const { file } = parseRulesFile(md(['## A {#x}', 'a', '## B {#x}', 'b', '## C {#x-2}', 'c']), 'r.md');
    expect(file.rules.map((r) => r.id)).toEqual(['x', 'x-3', 'x-2']);
  });

  it('warns when one label carries two different explicit ids', () => {
    const { diagnostics } = parseRulesFile(md(['## DB-001: One {#a}', 'a', '## DB-001: Two {#b}', 'b']), 'r.md');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['rules/duplicate-id', 'warning']]);
    expect(diagnostics[0]!.message).toContain('DB-001');
  });
});

describe('front matter', () => {
  it('reads title, applies-to (string or list) and priority, and counts its lines', () => {
    const list = parseRulesFile(md(['---', 'title: API rules', 'applies-to: ["app/api/**", "app/auth/**"]', 'priority: 2', '---', '', '## API-001: Paginate', 'x']), 'r.md');
    expect(list.file.title).toBe('API rules');
    expect(list.file.appliesTo).toEqual(['app/api/**', 'app/auth/**']);
    expect(list.file.priority).toBe(2);
    expect(list.file.rules[0]!.line).toBe(7);
    expect(list.file.bodyLine).toBe(6);
    expect(list.file.body).toBe('\n## API-001: Paginate\nx\n');
    expect(list.diagnostics).toEqual([]);

    const single = parseRulesFile(md(['---', 'applies-to: app/**', 'priority: "3"', 'title: 1.10', '---', '# H1 title', '## X-1: y']), 'r.md');
    expect(single.file.appliesTo).toEqual(['app/**']);
    expect(single.file.priority).toBe(3);
    expect(single.file.title).toBe('1.10');
  });

  it('falls back to the first H1, then to the file name', () => {
    expect(parseRulesFile(md(['---', 'priority: 1', '---', '# From H1', '## X-1: y']), 'a/b.md').file.title).toBe('From H1');
    expect(parseRulesFile(md(['## X-1: y']), 'rules/DATABASE_RULES.md').file.title).toBe('DATABASE_RULES');
  });

  it('keeps reading the body when the YAML is malformed', () => {
    const { file, diagnostics } = parseRulesFile(md(['---', 'title: ok', 'applies-to: [unclosed', '---', '## X-1: y']), 'r.md');
    expect(file.rules.map((r) => [r.id, r.line])).toEqual([['x-1', 5]]);
    expect(file.title).toBe('r');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'rules/bad-front-matter', severity: 'warning', path: 'r.md' });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
    expect(diagnostics[0]!.line).toBeLessThanOrEqual(4);
  });

  it('reports non-mapping front matter, bad values, unclosed front matter and duplicate keys', () => {
    const list = parseRulesFile(md(['---', '- a', '- b', '---', '## X-1: y']), 'r.md');
    expect(list.diagnostics.map((d) => [d.code, d.line])).toEqual([['rules/bad-front-matter', 2]]);
    expect(list.file.rules).toHaveLength(1);

    const values = parseRulesFile(md(['---', 'priority: high', 'applies-to: [1, {a: b}]', '---', '## X-1: y']), 'r.md');
    expect(values.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['rules/bad-front-matter', 3],
      ['rules/bad-front-matter', 2],
    ]);
    expect(values.file.priority).toBeNull();
    expect(values.file.appliesTo).toEqual(['1']);

    const unclosed = parseRulesFile(md(['---', 'title: x', '## X-1: y']), 'r.md');
    expect(unclosed.diagnostics.map((d) => [d.code, d.line])).toEqual([['rules/bad-front-matter', 1]]);
    expect(unclosed.file.rules.map((r) => r.id)).toEqual(['x-1']);

    const dup = parseRulesFile(md(['---', 'title: a', 'title: b', '---', '## X-1: y']), 'r.md');
    expect(dup.diagnostics.map((d) => [d.code, d.line])).toEqual([['rules/bad-front-matter', 3]]);
  });

  it('does not evaluate YAML tags or turn `no`/dates into other types', () => {
    const { file, diagnostics } = parseRulesFile(md(['---', 'title: 2024-01-05', 'applies-to: [no, "**/*.py"]', '---', '## X-1: y']), 'r.md');
    expect(file.title).toBe('2024-01-05');
    expect(file.appliesTo).toEqual(['no', '**/*.py']);
    expect(diagnostics).toEqual([]);
  });

  it('handles CRLF and a BOM', () => {
    const { file } = parseRulesFile('\uFEFF---\r\ntitle: T\r\n---\r\n## X-1: y\r\nbody\r\n', 'r.md');
    expect(file.title).toBe('T');
    expect(file.rules[0]).toMatchObject({ id: 'x-1', line: 4, text: 'body' });
  });
});

describe('checks configuration', () => {
  it('reads front matter `checks:` with options and entry lines', () => {
    const { file, diagnostics } = parseRulesFile(
      md([
        '---', //                                  1
        'checks:', //                              2
        '  - check: destructive', //               3
        '    rule: DB-011', //                     4
        '    severity: error', //                  5
        '  - { check: naming, rule: DB-008, index: "ix_{table}_{column}" }', // 6
        '  - check: raw-sql', //                   7
        '    severity: "OFF"', //                  8
        '    allow: [SET lock_timeout]', //        9
        '---', //                                  10
        '## DB-011: Drops need a decision', //     11
      ]),
      'r.md',
    );
    expect(diagnostics).toEqual([]);
    expect(file.checks).toEqual([
      { check: 'destructive', rule: 'DB-011', severity: 'error', options: {}, line: 3 },
      { check: 'naming', rule: 'DB-008', severity: null, options: { index: 'ix_{table}_{column}' }, line: 6 },
      { check: 'raw-sql', rule: null, severity: 'off', options: { allow: ['SET lock_timeout'] }, line: 7 },
    ]);
  });

  it('reads ```lore-checks blocks; their entries take the fence line', () => {
    const { file, diagnostics } = parseRulesFile(
      md([
        '## DB-013: Index concurrently', //   1
        '', //                                2
        '```lore-checks', //                  3
        '- check: index-lock', //             4
        '  rule: DB-013', //                  5
        '  severity: warning', //             6
        '- check: graph', //                  7
        '```', //                             8
        '', //                                9
        '```yaml', //                         10
        '- check: not-config', //             11
        '```', //                             12
      ]),
      'r.md',
    );
    expect(diagnostics).toEqual([]);
    expect(file.checks).toEqual([
      { check: 'index-lock', rule: 'DB-013', severity: 'warning', options: {}, line: 3 },
      { check: 'graph', rule: null, severity: null, options: {}, line: 3 },
    ]);
  });

  it('puts front matter checks before block checks', () => {
    const { file } = parseRulesFile(md(['---', 'checks: [{check: a}]', '---', '```lore-checks', '- check: b', '```', '## X-1: y']), 'r.md');
    expect(file.checks.map((c) => [c.check, c.line])).toEqual([
      ['a', 2],
      ['b', 4],
    ]);
  });

  it('skips bad entries with a diagnostic at their line', () => {
    const { file, diagnostics } = parseRulesFile(
      md([
        '---', //                          1
        'checks:', //                      2
        '  - rule: DB-001', //             3
        '  - check: a', //                 4
        '    severity: loud', //           5
        '  - just-a-string', //            6
        '  - check: b', //                 7
        '    rule: [DB-004, DB-005]', //   8
        '  - check: c', //                 9
        '---', //                          10
        '## X-1: y', //                    11
      ]),
      'r.md',
    );
    expect(file.checks.map((c) => c.check)).toEqual(['c']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['rules/bad-checks', 'error', 3],
      ['rules/bad-checks', 'error', 4],
      ['rules/bad-checks', 'error', 6],
      ['rules/bad-checks', 'error', 7],
    ]);
    expect(diagnostics[1]!.message).toContain('loud');
  });

  it('reports a non-list `checks:` and bad YAML in a block', () => {
    const nonList = parseRulesFile(md(['---', 'checks:', '  destructive: error', '---', '## X-1: y']), 'r.md');
    expect(nonList.file.checks).toEqual([]);
    expect(nonList.diagnostics.map((d) => [d.code, d.line])).toEqual([['rules/bad-checks', 3]]);

    const badYaml = parseRulesFile(md(['## X-1: y', '', '```lore-checks', '- check: a', '  rule: [oops', '```']), 'r.md');
    expect(badYaml.file.checks).toEqual([]);
    expect(badYaml.diagnostics).toHaveLength(1);
    expect(badYaml.diagnostics[0]!.code).toBe('rules/bad-checks');
    expect(badYaml.diagnostics[0]!.line).toBeGreaterThanOrEqual(4);

    const scalar = parseRulesFile(md(['## X-1: y', '', '```lore-checks', 'destructive', '```']), 'r.md');
    expect(scalar.diagnostics.map((d) => [d.code, d.line])).toEqual([['rules/bad-checks', 3]]);
  });

  it('does not validate check ids', () => {
    const { file, diagnostics } = parseRulesFile(md(['---', 'checks: [{check: no-such-check}]', '---', '## X-1: y']), 'r.md');
    expect(file.checks[0]!.check).toBe('no-such-check');
    expect(diagnostics).toEqual([]);
  });
});

describe('empty and rule-less files', () => {
  it('warns about empty and whitespace-only files', () => {
    for (const text of ['', '  \n\n\t\n']) {
      const { file, diagnostics } = parseRulesFile(text, 'rules/EMPTY.md');
      expect(file.rules).toEqual([]);
      expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['rules/empty', 'warning']]);
    }
  });

  it('warns about a file with front matter only, but keeps its configuration', () => {
    const { file, diagnostics } = parseRulesFile(md(['---', 'priority: 4', 'checks: [{check: graph}]', '---', '']), 'r.md');
    expect(file.priority).toBe(4);
    expect(file.checks.map((c) => c.check)).toEqual(['graph']);
    expect(diagnostics.map((d) => d.code)).toEqual(['rules/empty']);
  });

  it('warns when a file has text but no rules', () => {
    const { diagnostics } = parseRulesFile(md(['# Title', '', 'Just a paragraph.']), 'r.md');
    expect(diagnostics.map((d) => d.code)).toEqual(['rules/no-rules']);
  });
});
