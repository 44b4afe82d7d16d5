import { describe, it, expect } from 'vitest';
import { scanMarkdown } from '../../../src/core/markdown/scan.ts';
import { findStatusSection, readSections, sectionRole, statusLine } from '../../../src/core/adr/sections.ts';

describe('sectionRole', () => {
  it.each([
    ['Context', 'context'],
    ['Context and Problem Statement', 'context'],
    ['Background', 'context'],
    ['Decision', 'decision'],
    ['Decision Outcome', 'decision'],
    ['1. Decision', 'decision'],
    ['Decision Drivers', 'other'],
    ['Consequences', 'consequences'],
    ['Positive Consequences', 'consequences'],
    ['Considered Options', 'options'],
    ['Options', 'options'],
    ['Alternatives', 'options'],
    ['Pros and Cons of the Options', 'options'],
    ['Status', 'status'],
    ['Status:', 'status'],
    ['**Context**', 'context'],
    ['Changelog', 'other'],
    ['Links', 'other'],
  ] as const)('%s → %s', (heading, role) => {
    expect(sectionRole(heading)).toBe(role);
  });
});

describe('findStatusSection', () => {
  const md = '# T\n\n## Status:\n\n<!-- pick one -->\n* Accepted\n\nSupersedes [a](a.md)\n\n### Notes\n\nmore\n\n## Context\n\nx\n';

  it('runs to the next heading of the same or a higher level and skips comments', () => {
    const section = findStatusSection(scanMarkdown(md))!;
    expect(section.lines.map((l) => l.text)).toEqual(['* Accepted', 'Supersedes [a](a.md)', '### Notes', 'more']);
    expect(statusLine(section)).toEqual({ text: 'Accepted', index: 5 });
  });

  it('is absent without a Status heading', () => {
    expect(findStatusSection(scanMarkdown('# T\n\n## Statuses\n\nx\n'))).toBeNull();
  });
});

describe('readSections', () => {
  it('keeps the level-2 sections with heading, role, level, file line and markdown', () => {
    const md = '# T\n\n## Context\n\nWhy.\n\n## Decision Outcome\n\nWe will.\n\n### Consequences\n\n* Good\n\n## Links\n';
    const sections = readSections(scanMarkdown(md), 4);
    expect(sections).toEqual([
      { heading: 'Context', role: 'context', level: 2, line: 7, markdown: 'Why.' },
      {
        heading: 'Decision Outcome',
        role: 'decision',
        level: 2,
        line: 11,
        markdown: 'We will.\n\n### Consequences\n\n* Good',
      },
      { heading: 'Links', role: 'other', level: 2, line: 19, markdown: '' },
    ]);
  });

  it('uses the shallowest level when there are no level-2 headings, and always the Status heading', () => {
    const md = '# T\n\n### Status\n\nAccepted\n\n### Decision\n\nX\n\n#### Detail\n';
    const sections = readSections(scanMarkdown(md), 0);
    expect(sections.map((s) => [s.heading, s.role, s.level])).toEqual([
      ['Status', 'status', 3],
      ['Decision', 'decision', 3],
    ]);
  });

  it('includes a Status heading below the section level', () => {
    const sections = readSections(scanMarkdown('## Context\n\n### Status\n\nDraft\n'), 0);
    expect(sections.map((s) => s.role)).toEqual(['context', 'status']);
  });
});
