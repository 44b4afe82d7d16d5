import { describe, it, expect } from 'vitest';
import {
  classifyAdrPath,
  idFromPath,
  numberFromIdText,
  parseFileName,
  titleFromFileName,
} from '../../../src/core/adr/filename.ts';
import { isAdrCandidate } from '../../../src/core/adr/parse.ts';

describe('parseFileName', () => {
  it.each([
    ['0007-use-x', 7, null, 'use-x'],
    ['007-use-x', 7, null, 'use-x'],
    ['0034a-use-x', 34, null, 'use-x'],
    ['12_use_x', 12, null, 'use_x'],
    ['3.use-x', 3, null, 'use-x'],
    ['adr-014-rate-limit', 14, null, 'rate-limit'],
    ['ADR_7_thing', 7, null, 'thing'],
    ['adr 9 thing', 9, null, 'thing'],
    ['adr42', 42, null, ''],
    ['2024-03-19-billing-ledger', null, '2024-03-19', 'billing-ledger'],
    ['2024-03-19_billing', null, '2024-03-19', 'billing'],
    ['20240115-use-jsonb', null, '2024-01-15', 'use-jsonb'],
    ['tenant-onboarding', null, null, 'tenant-onboarding'],
    ['0042', null, null, '0042'],
    ['0034A-upper', null, null, '0034A-upper'],
  ] as const)('%s', (stem, number, datePrefix, rest) => {
    expect(parseFileName(stem)).toEqual({ stem, number, datePrefix, rest });
  });

  it('falls through when a date prefix is not a valid date', () => {
    expect(parseFileName('2024-13-45-x').number).toBe(2024);
    expect(parseFileName('2024-13-45-x').datePrefix).toBeNull();
    // an 8-digit prefix outside 1970–2099 is a number, not a date
    expect(parseFileName('21000101-x')).toMatchObject({ number: 21000101, datePrefix: null });
    expect(parseFileName('20240231-x')).toMatchObject({ number: 20240231, datePrefix: null });
  });
});

describe('titleFromFileName', () => {
  it('drops the prefix, turns separators into spaces and upper-cases the first letter', () => {
    expect(titleFromFileName(parseFileName('tenant-onboarding-checklist'))).toBe('Tenant onboarding checklist');
    expect(titleFromFileName(parseFileName('0003-use__alembic-now'))).toBe('Use alembic now');
    expect(titleFromFileName(parseFileName('2024-03-19-billing'))).toBe('Billing');
    expect(titleFromFileName(parseFileName('adr-014-Rate-limit'))).toBe('Rate limit');
  });

  it('keeps the stem when nothing is left', () => {
    expect(titleFromFileName(parseFileName('adr42'))).toBe('Adr42');
  });
});

describe('numberFromIdText', () => {
  it.each([
    ['0042', 42],
    ['ADR-0012', 12],
    ['adr 7', 7],
    ['ADR_3', 3],
    [' 5 ', 5],
    ['ADR-12a', null],
    ['twelve', null],
    ['', null],
  ] as const)('%j → %s', (text, n) => {
    expect(numberFromIdText(text)).toBe(n);
  });
});

describe('idFromPath', () => {
  it('drops the final extension only and keeps case and folders', () => {
    expect(idFromPath('billing/0003-Use-Alembic.md')).toBe('billing/0003-Use-Alembic');
    expect(idFromPath('a.b/0001.v2.markdown')).toBe('a.b/0001.v2');
  });
});

describe('rule 1: which files are ADRs', () => {
  it.each([
    ['0001-x.md', 'adr'],
    ['0001-x.MD', 'adr'],
    ['notes.markdown', 'adr'],
    ['billing/0003-x.md', 'adr'],
    ['0000-use-markdown-decision-records.md', 'adr'],
    ['README.md', 'not-an-adr'],
    ['sub/index.md', 'not-an-adr'],
    ['_index.md', 'not-an-adr'],
    ['Backlog.md', 'not-an-adr'],
    ['template.md', 'not-an-adr'],
    ['adr-template.md', 'not-an-adr'],
    ['ADR-Template-Minimal.md', 'not-an-adr'],
    ['0000-template.md', 'not-an-adr'],
    ['2024-01-01-template.md', 'not-an-adr'],
    ['template-notes.md', 'adr'],
    ['0001-x.txt', 'ignored'],
    ['diagram.png', 'ignored'],
    ['.hidden/0001-x.md', 'ignored'],
    ['assets/0001-x.md', 'ignored'],
    ['a/Templates/0001-x.md', 'ignored'],
    ['node_modules/0001-x.md', 'ignored'],
  ] as const)('%s → %s', (path, outcome) => {
    expect(isAdrCandidate(path)).toBe(outcome);
    expect(classifyAdrPath(path).outcome).toBe(outcome);
  });
});
