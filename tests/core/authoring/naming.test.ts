import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, detectScheme, nextName, schemeOf, slugFor } from '../../../src/core/authoring/naming.ts';

describe('the naming scheme of an ADR folder', () => {
  it.each([
    ['0004-use-postgresql.md', { kind: 'number', prefix: '', width: 4, separator: '-', extension: '.md' }],
    ['004-use-postgresql.md', { kind: 'number', prefix: '', width: 3, separator: '-', extension: '.md' }],
    ['adr-014-use-postgresql.md', { kind: 'number', prefix: 'adr-', width: 3, separator: '-', extension: '.md' }],
    ['ADR_0002_use_postgresql.markdown', { kind: 'number', prefix: 'ADR_', width: 4, separator: '_', extension: '.markdown' }],
    ['20240105-use-log4brains.md', { kind: 'date', style: 'compact', separator: '-', extension: '.md' }],
    ['2024-01-05-use-postgresql.md', { kind: 'date', style: 'iso', separator: '-', extension: '.md' }],
  ])('%s', (name, scheme) => {
    expect(schemeOf(name)).toEqual(scheme);
  });

  it('ignores files that are not records and follows the majority (ties: the last file)', () => {
    expect(schemeOf('README.md')).toBeNull();
    expect(schemeOf('template.md')).toBeNull();
    expect(schemeOf('notes.md')).toBeNull();
    expect(detectScheme([])).toEqual(DEFAULT_SCHEME);
    expect(detectScheme(['README.md', '001-a.md', '002-b.md', '0003-c.md'])).toMatchObject({ width: 3 });
    expect(detectScheme(['0001-a.md', '20240101-b.md'])).toMatchObject({ kind: 'date' });
  });
});

describe('nextName', () => {
  it('takes one above the highest number, in the folder width and prefix', () => {
    const files = ['README.md', 'adr-001-a.md', 'adr-007-b.md', 'template.md'];
    expect(nextName(detectScheme(files), files, 'Use Kafka for events', '2025-03-04')).toEqual({ name: 'adr-008-use-kafka-for-events.md', number: 8 });
    expect(nextName(DEFAULT_SCHEME, [], 'Record architecture decisions', '2025-03-04')).toEqual({ name: '0001-record-architecture-decisions.md', number: 1 });
  });

  it('never reuses a number a file already has (numbers from any prefix count)', () => {
    const files = ['0001-a.md', '0002-b.md', '0003a-c.md', '3-d.md'];
    expect(nextName(detectScheme(files), files, 'E', '2025-03-04').number).toBe(4);
  });

  it('names dated records after today, with -2, -3 … when the name is taken', () => {
    const files = ['20250304-use-kafka.md', '20250304-use-kafka-2.md'];
    expect(nextName(detectScheme(files), files, 'Use Kafka', '2025-03-04').name).toBe('20250304-use-kafka-3.md');
    expect(nextName(detectScheme(['2024-01-05-a.md']), [], 'Use Kafka', '2025-03-04').name).toBe('2025-03-04-use-kafka.md');
  });

  it('makes slugs from any title', () => {
    expect(slugFor('Store money as integer cents (not floats)!')).toBe('store-money-as-integer-cents-not-floats');
    expect(slugFor('Café à la carte', '_')).toBe('cafe_a_la_carte');
    expect(slugFor('???')).toBe('decision');
    expect(slugFor('a'.repeat(30) + ' ' + 'b'.repeat(40)).length).toBeLessThanOrEqual(60);
  });
});
