import { describe, it, expect } from 'vitest';
import { findCell, findField, parseKeyValue, readHeaderZone, splitTableRow } from '../../../src/core/adr/header.ts';
import { scanMarkdown } from '../../../src/core/markdown/scan.ts';

const zoneOf = (md: string) => {
  const scan = scanMarkdown(md);
  return readHeaderZone(scan, 0, scan.lines.length);
};

describe('parseKeyValue', () => {
  it.each([
    ['Status: Accepted', 'status', 'Accepted'],
    ['* Status: accepted', 'status', 'accepted'],
    ['- Status: accepted', 'status', 'accepted'],
    ['+ Date: 2024-01-01', 'date', '2024-01-01'],
    ['**Status:** Accepted', 'status', 'Accepted'],
    ['**Status**: Rejected (2025-02-10)', 'status', 'Rejected (2025-02-10)'],
    ['* **Last Modified:** November 20, 2024', 'lastmodified', 'November 20, 2024'],
    ['- Decision-makers: A, B', 'decisionmakers', 'A, B'],
    ['Decision makers: A', 'decisionmakers', 'A'],
    ['- Status: superseded by [x](y.md) <!-- optional -->', 'status', 'superseded by [x](y.md)'],
    ['Status:', 'status', ''],
  ] as const)('%s', (line, key, value) => {
    expect(parseKeyValue(line)).toEqual({ key, value });
  });

  it('does not read prose or URLs as keys', () => {
    expect(parseKeyValue('See https://example.com for more')).toBeNull();
    expect(parseKeyValue('https://example.com')).toBeNull();
    expect(parseKeyValue('Plain sentence without a colon.')).toBeNull();
  });
});

describe('readHeaderZone', () => {
  it('collects fields in file order with their lines', () => {
    const zone = zoneOf('* Status: draft\n* Deciders: Carla Mendes\n\nTechnical Story: T-1\n');
    expect(zone.fields.map((f) => [f.key, f.value, f.index])).toEqual([
      ['status', 'draft', 0],
      ['deciders', 'Carla Mendes', 1],
      ['technicalstory', 'T-1', 3],
    ]);
    expect(findField(zone, ['deciders', 'decisionmakers'])?.value).toBe('Carla Mendes');
    expect(findField(zone, ['tags'])).toBeNull();
  });

  it('skips empty values when looking a field up', () => {
    const zone = zoneOf('Status:\nStatus: accepted\n');
    expect(findField(zone, ['status'])?.value).toBe('accepted');
  });

  it('reads the first data row of a table with a Status header', () => {
    const zone = zoneOf(
      '| Status   | Date       | Decision-makers |\n|:---|:---:|---|\n| Proposed | 2025-01-19 | A, B |\n| Accepted | 2025-02-01 | C |\n',
    );
    expect(findCell(zone, ['status'])).toEqual({ value: 'Proposed', index: 2 });
    expect(findCell(zone, ['date'])?.value).toBe('2025-01-19');
    expect(findCell(zone, ['deciders', 'decisionmakers'])?.value).toBe('A, B');
    expect(findCell(zone, ['tags'])).toBeNull();
    expect([...zone.metadataLines]).toEqual([0, 1, 2, 3]);
    expect(zone.fields).toEqual([]);
  });

  it('accepts bold header cells and ignores tables without a Status column', () => {
    expect(findCell(zoneOf('| **Status** | Tags |\n|---|---|\n| Accepted | a b |\n'), ['tags'])?.value).toBe('a b');
    expect(zoneOf('| Owner | Date |\n|---|---|\n| x | 2024-01-01 |\n').table).toBeNull();
  });

  it('ignores key/value lines in code fences and comments', () => {
    const zone = zoneOf('```\nStatus: fenced\n```\n<!--\nStatus: commented\n-->\n');
    expect(zone.fields).toEqual([]);
  });
});

describe('splitTableRow', () => {
  it('handles outer pipes and escaped pipes', () => {
    expect(splitTableRow('| a | b \\| c |')).toEqual(['a', 'b | c']);
    expect(splitTableRow('a | b')).toEqual(['a', 'b']);
  });
});
