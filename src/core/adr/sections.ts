// The Status section (rule 5) and the document's sections with a role (context, decision, …).

import type { AdrSection } from '../model.ts';
import type { Heading, ScannedMarkdown } from '../markdown/scan.ts';
import { sectionEnd, stripInlineComments } from '../markdown/scan.ts';

export type SectionRole = AdrSection['role'];

export interface StatusSection {
  heading: Heading;
  /** Content lines (no code, no comments), trimmed, comments removed, with their 0-based indexes. */
  lines: { text: string; index: number }[];
  /** Index just after the section. */
  end: number;
}

export function isStatusHeading(text: string): boolean {
  return text.trim().replace(/:$/, '').trim().toLowerCase() === 'status';
}

export function findStatusSection(scan: ScannedMarkdown): StatusSection | null {
  const heading = scan.headings.find((h) => isStatusHeading(h.text));
  if (!heading) return null;
  const end = sectionEnd(scan, heading);
  const lines: { text: string; index: number }[] = [];
  for (let i = heading.end + 1; i < end; i++) {
    const line = scan.lines[i]!;
    if (line.code || line.comment) continue;
    const text = stripInlineComments(line.text).trim();
    if (text !== '') lines.push({ text, index: i });
  }
  return { heading, lines, end };
}

/** The status line: the first non-blank line with a leading list marker removed. */
export function statusLine(section: StatusSection): { text: string; index: number } | null {
  const first = section.lines[0];
  if (!first) return null;
  const text = first.text.replace(/^(?:[*+-]|\d{1,9}[.)])[ \t]+/, '').trim();
  return text === '' ? null : { text, index: first.index };
}

const OPTIONS = new Set([
  'options',
  'considered options',
  'options considered',
  'alternatives',
  'considered alternatives',
  'alternatives considered',
  'pros and cons of the options',
  'pros and cons of the alternatives',
  'pros and cons',
]);
const DECISION = new Set([
  'decision',
  'decisions',
  'the decision',
  'our decision',
  'decision outcome',
  'outcome',
  'chosen option',
  'resolution',
  'proposal',
  'proposed solution',
  'solution',
]);
const CONTEXT = new Set([
  'context',
  'context and problem statement',
  'context and problem',
  'problem statement',
  'problem',
  'the problem',
  'background',
  'motivation',
  'issue',
]);

export function sectionRole(heading: string): SectionRole {
  const text = heading
    .replace(/[*_`]/g, ' ')
    .replace(/^\s*\d+(?:\.\d+)*\.?\s+/, '')
    .replace(/:\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (text === 'status') return 'status';
  if (OPTIONS.has(text)) return 'options';
  if (DECISION.has(text)) return 'decision';
  if (CONTEXT.has(text) || text.startsWith('context')) return 'context';
  if (/\bconsequences?\b/.test(text) || text === 'implications' || text === 'impact') return 'consequences';
  return 'other';
}

/**
 * The level-2 sections (or, when there are none, those at the shallowest level below the title),
 * plus the Status section wherever it is. Line numbers are file lines (`lineOffset` = body line - 1).
 */
export function readSections(scan: ScannedMarkdown, lineOffset: number): AdrSection[] {
  const levels = scan.headings.map((h) => h.level).filter((l) => l > 1);
  const level = levels.includes(2) ? 2 : levels.length > 0 ? Math.min(...levels) : null;
  const status = scan.headings.find((h) => isStatusHeading(h.text)) ?? null;
  const sections: AdrSection[] = [];
  for (const heading of scan.headings) {
    if (heading.level !== level && heading !== status) continue;
    const end = sectionEnd(scan, heading);
    const markdown = scan.lines
      .slice(heading.end + 1, end)
      .map((l) => l.text)
      .join('\n')
      .replace(/^\s*\n/, '')
      .trimEnd();
    sections.push({
      heading: heading.text,
      role: heading === status ? 'status' : sectionRole(heading.text),
      level: heading.level,
      line: heading.start + 1 + lineOffset,
      markdown,
    });
  }
  return sections;
}
