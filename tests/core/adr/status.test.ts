import { describe, it, expect } from 'vitest';
import { isStatusPlaceholder, normalizeStatus, statusComparisonText } from '../../../src/core/adr/status.ts';

describe('normalizeStatus', () => {
  it.each([
    ['Accepted', 'accepted'],
    ['APPROVED', 'accepted'],
    ['Active', 'accepted'],
    ['adopted', 'accepted'],
    ['Agreed', 'accepted'],
    ['accepted; supersedes ADR-0045', 'accepted'],
    ['Accepted and partly implemented', 'accepted'],
    ['**Accepted**', 'accepted'],
    ['`accepted`', 'accepted'],
    ['[Accepted](https://example.com/x)', 'accepted'],
    ['✅ Accepted', 'accepted'],
    ['⌛️ Superceded by [3. X](003-x.md)', 'superseded'],
    ['SUPERSEEDED by ADR-025', 'superseded'],
    ['supersceded', 'superseded'],
    ['Replaced by ADR-9', 'superseded'],
    ['Deprecated', 'deprecated'],
    ['obsolete', 'deprecated'],
    ['Retired in 2024', 'deprecated'],
    ['Rejected (2025-02-10)', 'rejected'],
    ['declined', 'rejected'],
    ['Abandoned', 'rejected'],
    ['withdrawn', 'rejected'],
    ['Proposed', 'proposed'],
    ['pending', 'proposed'],
    ['In Review', 'proposed'],
    ['under   review', 'proposed'],
    ['Last call', 'proposed'],
    ['DRAFT', 'draft'],
    ['WIP', 'draft'],
    ['work in progress', 'draft'],
    ['🚧 draft', 'draft'],
  ] as const)('%s → %s', (raw, status) => {
    expect(normalizeStatus(raw)).toBe(status);
  });

  it('returns unknown for missing, unknown and placeholder text', () => {
    expect(normalizeStatus(null)).toBe('unknown');
    expect(normalizeStatus('')).toBe('unknown');
    expect(normalizeStatus('Implemented')).toBe('unknown');
    expect(normalizeStatus('[proposed | accepted | rejected]')).toBe('unknown');
    expect(normalizeStatus('{Active}')).toBe('unknown');
    expect(normalizeStatus('{{ STATUS }}')).toBe('unknown');
  });

  it('matches whole words only', () => {
    expect(normalizeStatus('Acceptedness')).toBe('unknown');
    expect(normalizeStatus('drafty')).toBe('unknown');
    expect(normalizeStatus('reviewed')).toBe('unknown');
  });

  it('does not take a leading link for a placeholder', () => {
    expect(isStatusPlaceholder('[Accepted](../x.md)')).toBe(false);
    expect(isStatusPlaceholder('proposed | accepted')).toBe(true);
  });

  it('builds the comparison string', () => {
    expect(statusComparisonText('⌛️ **Superseded** by [ADR 5](0005-x.md)')).toBe('superseded by adr 5');
  });
});
