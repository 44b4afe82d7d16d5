import { describe, expect, it } from 'vitest';
import { detectFormat, formatOf, markSuperseded, renderAdr, type AdrLink } from '../../../src/core/authoring/format.ts';
import { parseAdr } from '../../../src/core/adr/parse.ts';

const madr = '---\nstatus: accepted\ndate: 2024-01-20\n---\n\n# Use Flask-Migrate\n\n## Context and Problem Statement\n\nText.\n';
const nygard = '# 2. Use PostgreSQL\n\nDate: 2024-03-05\n\n## Status\n\nAccepted\n\n## Context\n\nText.\n';
const bullets = '# Store readings\n\n- Status: accepted\n- Date: 2024-02-12\n\n## Context and Problem Statement\n\nText.\n';
const bold = '# ADR-0003: Cache sessions\n\n**Status:** Accepted\n\n## Context\n\nText.\n';
const by: AdrLink = { label: 'ADR-0009', file: '0009-new.md', title: 'New', id: '0009-new' };
const parse = (text: string, path = '0002-old.md') => parseAdr(text, { path, file: `adr/${path}`, group: '' }).adr;

describe('ADR formats', () => {
  it('recognises MADR front matter, a Nygard Status section and Log4brains bullets', () => {
    expect([formatOf(madr), formatOf(nygard), formatOf(bullets), formatOf('# Just prose\n')]).toEqual(['madr', 'nygard', 'log4brains', null]);
    expect(detectFormat([{ name: '0001-a.md', text: nygard }, { name: '0002-b.md', text: madr }, { name: '0003-c.md', text: madr }, { name: 'template.md', text: nygard }])).toBe('madr');
    expect(detectFormat([])).toBe('madr');
  });

  it('renders new records the parser reads back with status, date and supersedes', () => {
    const old: AdrLink = { label: 'ADR-0002', file: '0002-old.md', title: 'Old', id: '0002-old' };
    for (const format of ['madr', 'nygard', 'log4brains'] as const) {
      const text = renderAdr(format, { title: 'Use Kafka', number: 9, date: '2025-03-04', status: 'proposed', supersedes: old });
      const adr = parse(text, '0009-use-kafka.md');
      expect([format, adr.title, adr.status, adr.date, adr.number]).toEqual([format, 'Use Kafka', 'proposed', '2025-03-04', 9]);
      expect(adr.supersedes, format).toEqual([format === 'madr' ? 'ADR-0002' : '0002-old']);
    }
  });
});

describe('markSuperseded', () => {
  it('updates front matter status and adds superseded-by', () => {
    const out = markSuperseded(madr, by, 'madr');
    expect(out).toBe('---\nstatus: "superseded by ADR-0009"\ndate: 2024-01-20\nsuperseded-by: ADR-0009\n---\n\n# Use Flask-Migrate\n\n## Context and Problem Statement\n\nText.\n');
    expect([parse(out).status, parse(out).supersededBy]).toEqual(['superseded', ['ADR-0009']]);
  });

  it('replaces the first line of the Status section', () => {
    const out = markSuperseded(nygard, by, 'nygard');
    expect(out).toContain('## Status\n\nSuperseded by [ADR-0009](0009-new.md)\n\n## Context');
    expect(out).not.toContain('Accepted');
    expect([parse(out).status, parse(out).supersededBy]).toEqual(['superseded', ['0009-new']]);
  });

  it('replaces a Status field, bullet or bold, keeping its marker', () => {
    const link: AdrLink = { label: null, file: '20250304-new.md', title: 'New', id: '20250304-new' };
    expect(markSuperseded(bullets, link, 'log4brains')).toContain('- Status: superseded by [New](20250304-new.md)\n- Date: 2024-02-12');
    const boldOut = markSuperseded(bold, by, 'nygard');
    expect(boldOut).toContain('**Status:** superseded by [ADR-0009](0009-new.md)');
    expect(parse(boldOut, '0003-cache.md').status).toBe('superseded');
  });

  it('adds a status in the folder format to a record without one, and keeps CRLF line ends', () => {
    expect(markSuperseded('# 4. Prose only\n\nText.\n', by, 'nygard')).toBe('# 4. Prose only\n\n## Status\n\nSuperseded by [ADR-0009](0009-new.md)\n\nText.\n');
    expect(markSuperseded('# Prose\n\nText.\n', by, 'madr').startsWith('---\nstatus: "superseded by ADR-0009"\nsuperseded-by: ADR-0009\n---\n')).toBe(true);
    const crlf = markSuperseded(nygard.replaceAll('\n', '\r\n'), by, 'nygard');
    expect(crlf).toContain('## Status\r\n\r\nSuperseded by [ADR-0009](0009-new.md)\r\n');
    expect(crlf.replaceAll('\r\n', '')).not.toContain('\n');
  });
});
