// Rule 4: the title (front matter, first H1, or the file name) and its numbering prefix.

import type { Heading, ScannedMarkdown } from '../markdown/scan.ts';

const PREFIXES: RegExp[] = [
  /^adr[-_ ]?(\d+)[a-z]?\s*[:.\-–—]\s*/i, // `ADR-0010: `, `ADR 014: `
  /^(\d+)[a-z]?\.\s+/i, // `2. `
  /^(\d+)[a-z]?\s*[:\-–—]\s+/i, // `0080 — `, `12 - `
];

/** The first level-1 heading outside code fences and HTML comments, if it has text. */
export function findTitleHeading(scan: ScannedMarkdown): Heading | null {
  const h1 = scan.headings.find((h) => h.level === 1);
  return h1 && h1.text !== '' ? h1 : null;
}

/** Removes one leading numbering prefix and trims; keeps the text when nothing would remain. */
export function stripTitleNumber(title: string): string {
  const trimmed = title.trim();
  for (const prefix of PREFIXES) {
    const m = prefix.exec(trimmed);
    if (m) {
      const stripped = trimmed.slice(m[0].length).trim();
      return stripped === '' ? trimmed : stripped;
    }
  }
  return trimmed;
}

/** The number in a title's numbering prefix (`ADR-0010: …` → 10), or null. */
export function titleNumber(title: string): number | null {
  const trimmed = title.trim();
  for (const prefix of PREFIXES) {
    const m = prefix.exec(trimmed);
    if (m) {
      const n = Number.parseInt(m[1]!, 10);
      return Number.isSafeInteger(n) ? n : null;
    }
  }
  return null;
}
