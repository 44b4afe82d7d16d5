// Splits a rules file into what the page shows: prose between rules, and one block per rule
// (rendered under a heading the site writes itself, so every rule has an anchor and a place for
// "decisions behind it").
import type { RuleFile, RuleItem } from '../../core/model.ts';
import { scanMarkdown, sectionEnd } from '../../core/markdown/scan.ts';

export type RulesSegment =
  | { kind: 'text'; markdown: string }
  | { kind: 'rule'; rule: RuleItem; /** Heading level the rule had (2–6), or null for list-item rules. */ level: number | null; markdown: string };

/** The segments of a rules file, in order. A leading `# Title` is dropped (the page shows the title). */
export function splitRulesFile(file: Pick<RuleFile, 'body' | 'bodyLine' | 'rules'>): RulesSegment[] {
  const lines = file.body.split('\n');
  const scan = scanMarkdown(file.body);
  const headingAt = new Map(scan.headings.map((h) => [h.start, h]));
  const starts = [...file.rules]
    .map((rule) => ({ rule, start: rule.line - file.bodyLine }))
    .filter((r) => r.start >= 0 && r.start < lines.length)
    .sort((a, b) => a.start - b.start);

  interface Extent {
    rule: RuleItem;
    start: number;
    end: number;
    level: number | null;
  }
  const extents: Extent[] = [];
  starts.forEach(({ rule, start }, i) => {
    const nextRule = starts[i + 1]?.start ?? lines.length;
    const heading = headingAt.get(start);
    let end: number;
    let level: number | null = null;
    if (heading) {
      level = Math.min(Math.max(heading.level, 2), 6);
      end = Math.min(sectionEnd(scan, heading), nextRule);
    } else {
      // A list-item rule spans the lines its text came from.
      end = Math.min(start + rule.text.split('\n').length, nextRule);
      const nextHeading = scan.headings.find((h) => h.start > start);
      if (nextHeading) end = Math.min(end, nextHeading.start);
    }
    const previous = extents.at(-1);
    if (previous && start < previous.end) return; // nested in the previous rule: part of its text
    extents.push({ rule, start, end: Math.max(end, start + 1), level });
  });

  const out: RulesSegment[] = [];
  const text = (from: number, to: number): void => {
    let chunk = lines.slice(from, to);
    if (out.length === 0) {
      const h1 = scan.headings.find((h) => h.level === 1 && h.start >= from && h.start < to);
      if (h1 && !chunk.slice(0, h1.start - from).some((l) => l.trim() !== '')) chunk = chunk.slice(h1.end - from + 1);
    }
    const markdown = chunk.join('\n').trim();
    if (markdown) out.push({ kind: 'text', markdown });
  };
  let at = 0;
  for (const e of extents) {
    if (e.start > at) text(at, e.start);
    out.push({ kind: 'rule', rule: e.rule, level: e.level, markdown: e.rule.text });
    at = e.end;
  }
  if (at < lines.length) text(at, lines.length);
  return out;
}

/** A markdown body without its leading `# Title` (pages print the title themselves). */
export function withoutTitle(body: string): string {
  const scan = scanMarkdown(body);
  const first = scan.lines.findIndex((l) => l.text.trim() !== '');
  const h1 = scan.headings[0];
  if (!h1 || h1.level !== 1 || h1.start !== first) return body;
  return scan.lines
    .slice(h1.end + 1)
    .map((l) => l.text)
    .join('\n');
}
