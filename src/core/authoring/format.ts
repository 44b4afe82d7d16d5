// ADR formats: which one a folder uses, a new record in it, and marking a record superseded in its
// own format (front matter, a Status section line, or a `- Status:` bullet).
import { classifyAdrPath } from '../adr/filename.ts';
import { normalizeNewlines } from '../text.ts';

/** MADR: front matter. Nygard: `## Status` section (adr-tools). Log4brains: `- Status:` bullets. */
export type AdrFormat = 'madr' | 'nygard' | 'log4brains';
export const ADR_FORMATS: readonly AdrFormat[] = ['madr', 'nygard', 'log4brains'];

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const STATUS_HEADING = /^#{1,6}[ \t]+status[ \t]*:?[ \t]*#*[ \t]*$/im;
const STATUS_FIELD = /^[ \t]*[-*+][ \t]+(?:\*\*)?status(?:\*\*)?[ \t]*:/im;

/** The format one record is written in, or null when it shows none. */
export function formatOf(text: string): AdrFormat | null {
  const fm = FRONT_MATTER.exec(text);
  if (fm && /^status[ \t]*:/im.test(fm[1]!)) return 'madr';
  if (STATUS_HEADING.test(text)) return 'nygard';
  if (STATUS_FIELD.test(text)) return 'log4brains';
  return null;
}

/** The format most records use (ties: the last file's); MADR for a folder without records. */
export function detectFormat(files: { name: string; text: string }[]): AdrFormat {
  const count = new Map<AdrFormat, { n: number; last: number }>();
  files.forEach((f, i) => {
    if (classifyAdrPath(f.name).outcome !== 'adr') return;
    const format = formatOf(f.text);
    if (format === null) return;
    const c = count.get(format) ?? { n: 0, last: -1 };
    count.set(format, { n: c.n + 1, last: i });
  });
  let best: AdrFormat = 'madr';
  let bestCount = { n: 0, last: -1 };
  for (const [format, c] of count) {
    if (c.n > bestCount.n || (c.n === bestCount.n && c.last > bestCount.last)) {
      best = format;
      bestCount = c;
    }
  }
  return best;
}

/** How one record names another: `ADR-0008` plus a relative link to its file. */
export interface AdrLink {
  /** `ADR-0008`, or null when the record has no number. */
  label: string | null;
  /** File name (same folder). */
  file: string;
  title: string;
  /** Path-derived id (file name without extension), for front matter. */
  id: string;
}

const linkText = (to: AdrLink): string => `[${to.label ?? to.title}](${to.file})`;

export interface NewRecord {
  title: string;
  number: number | null;
  date: string;
  status: string;
  supersedes: AdrLink | null;
}

/** A new record's text in the given format. */
export function renderAdr(format: AdrFormat, r: NewRecord): string {
  switch (format) {
    case 'madr':
      return [
        '---',
        `status: ${r.status}`,
        `date: ${r.date}`,
        ...(r.supersedes ? [`supersedes: ${r.supersedes.label ?? r.supersedes.id}`] : []),
        '---',
        '',
        `# ${r.title}`,
        '',
        '## Context and Problem Statement',
        '',
        '{Describe the situation and the forces at play, and end with the question this record answers.}',
        '',
        '## Considered Options',
        '',
        '* {option 1}',
        '* {option 2}',
        '',
        '## Decision Outcome',
        '',
        'Chosen option: "{option}", because {the reason}.',
        '',
        '### Consequences',
        '',
        '* Good, because {…}',
        '* Bad, because {…}',
        '',
      ].join('\n');
    case 'nygard':
      return [
        `# ${r.number === null ? '' : `${r.number}. `}${r.title}`,
        '',
        `Date: ${r.date}`,
        '',
        '## Status',
        '',
        capitalize(r.status),
        ...(r.supersedes ? ['', `Supersedes ${linkText(r.supersedes)}`] : []),
        '',
        '## Context',
        '',
        '{The forces at play: what is happening, what it costs, and why a decision is needed now.}',
        '',
        '## Decision',
        '',
        'We will {the decision, in one plain sentence}.',
        '',
        '## Consequences',
        '',
        '{What becomes easier and what becomes harder because of this decision.}',
        '',
      ].join('\n');
    case 'log4brains':
      return [
        `# ${r.title}`,
        '',
        `- Status: ${r.status}`,
        `- Date: ${r.date}`,
        ...(r.supersedes ? [`- Supersedes: ${linkText(r.supersedes)}`] : []),
        '',
        '## Context and Problem Statement',
        '',
        '{Describe the context and the problem, and end with the question this record answers.}',
        '',
        '## Considered Options',
        '',
        '- {option 1}',
        '- {option 2}',
        '',
        '## Decision Outcome',
        '',
        'Chosen option: "{option}", because {the reason}.',
        '',
      ].join('\n');
  }
}

/**
 * The old record marked superseded by `by`, in the record's own format: the front-matter
 * `status:` (plus `superseded-by:`), the first line of its Status section, or its `Status:` field.
 * A record with no status at all gets one in the format `fallback` says.
 */
export function markSuperseded(text: string, by: AdrLink, fallback: AdrFormat): string {
  const crlf = text.includes('\r\n');
  const out = markLf(normalizeNewlines(text), by, fallback);
  return crlf ? out.replaceAll('\n', '\r\n') : out;
}

function markLf(text: string, by: AdrLink, fallback: AdrFormat): string {
  const lines = text.split('\n');
  const fm = frontMatterRange(lines);
  const byRef = by.label ?? by.id;
  if (fm) {
    const statusAt = findLine(lines, fm.start, fm.end, /^status[ \t]*:/i);
    if (statusAt >= 0 || fallback === 'madr' || formatOf(text) === null) {
      const status = `status: "superseded by ${byRef}"`;
      if (statusAt >= 0) lines[statusAt] = status;
      const byAt = findLine(lines, fm.start, fm.end, /^superseded[-_ ]?by[ \t]*:/i);
      const byLine = `superseded-by: ${byRef}`;
      if (byAt >= 0) lines[byAt] = byLine;
      const insert = [...(statusAt >= 0 ? [] : [status]), ...(byAt >= 0 ? [] : [byLine])];
      lines.splice(fm.end, 0, ...insert);
      return lines.join('\n');
    }
  }
  const body = fm ? fm.end + 1 : 0;
  // A Status section: replace its first non-blank line.
  const heading = findHeading(lines, body);
  if (heading >= 0) {
    for (let i = heading + 1; i < lines.length; i++) {
      if (/^#{1,6}[ \t]/.test(lines[i]!)) {
        lines.splice(i, 0, `Superseded by ${linkText(by)}`, '');
        return lines.join('\n');
      }
      if (lines[i]!.trim() === '') continue;
      const marker = /^([ \t]*(?:[-*+][ \t]+)?)/.exec(lines[i]!)![1]!;
      lines[i] = `${marker}Superseded by ${linkText(by)}`;
      return lines.join('\n');
    }
    lines.push('', `Superseded by ${linkText(by)}`);
    return lines.join('\n');
  }
  // A `Status:` field (bullet, bold or plain) before the first section heading.
  const fieldEnd = nextHeading(lines, firstH1(lines, body) + 1);
  const field = findLine(lines, body, fieldEnd, /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?status(?:\*\*)?[ \t]*:/i);
  if (field >= 0) {
    const m = /^([ \t]*(?:[-*+][ \t]+)?(?:\*\*)?status(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*)/i.exec(lines[field]!)!;
    lines[field] = `${m[1]}superseded by ${linkText(by)}`;
    return lines.join('\n');
  }
  // No status anywhere: add one in the folder's format.
  const h1 = firstH1(lines, body);
  const at = h1 >= 0 ? h1 + 1 : body;
  if (fallback === 'log4brains') lines.splice(at, 0, '', `- Status: superseded by ${linkText(by)}`);
  else if (fallback === 'madr' && !fm) lines.splice(0, 0, '---', `status: "superseded by ${byRef}"`, `superseded-by: ${byRef}`, '---', '');
  else lines.splice(at, 0, '', '## Status', '', `Superseded by ${linkText(by)}`);
  return lines.join('\n');
}

function frontMatterRange(lines: string[]): { start: number; end: number } | null {
  if (!/^\uFEFF?---[ \t]*$/.test(lines[0] ?? '')) return null;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)[ \t]*$/.test(lines[i]!)) return { start: 1, end: i };
  return null;
}

function findLine(lines: string[], from: number, to: number, re: RegExp): number {
  for (let i = from; i < to && i < lines.length; i++) if (re.test(lines[i]!)) return i;
  return -1;
}

/** The Status heading outside fenced code, or -1. */
function findHeading(lines: string[], from: number): number {
  let fence = false;
  for (let i = from; i < lines.length; i++) {
    if (/^ {0,3}(```|~~~)/.test(lines[i]!)) fence = !fence;
    else if (!fence && /^#{1,6}[ \t]+status[ \t]*:?[ \t]*#*[ \t]*$/i.test(lines[i]!)) return i;
  }
  return -1;
}

function firstH1(lines: string[], from: number): number {
  return findLine(lines, from, lines.length, /^#[ \t]/);
}

function nextHeading(lines: string[], from: number): number {
  const i = findLine(lines, Math.max(from, 0), lines.length, /^#{1,6}[ \t]/);
  return i < 0 ? lines.length : i;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
