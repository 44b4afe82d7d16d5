// Block-level helpers for Markdown copied into the bundle or a twin page: headings shifted,
// relative links re-pointed, and no HTML left outside code.
import { scanMarkdown, stripInlineComments } from '../markdown/scan.ts';

const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const LINK = /(!?\[(?:[^\[\]\\]|\\.|\[[^\]]*\])*\]\(\s*<?)([^\s)>]*)(>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\))/g;
const REFERENCE = /^( {0,3}\[[^\]]+\]:\s*<?)(\S+?)(>?(?:\s.*)?)$/;
const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)/;

function outsideCode(line: string, fn: (prose: string) => string): string {
  const spans: string[] = [];
  const masked = line.replace(CODE_SPAN, (m) => {
    spans.push(m);
    return `\u0000${spans.length - 1}\u0000`;
  });
  return fn(masked).replace(/\u0000(\d+)\u0000/g, (_m, n: string) => spans[Number(n)] ?? '');
}

/** Applies `fn` to every link target outside code (inline links and reference definitions). */
export function mapLinks(markdown: string, fn: (url: string) => string): string {
  const scan = scanMarkdown(markdown);
  return scan.lines
    .map((l) => {
      if (l.code || l.comment) return l.text;
      const ref = REFERENCE.exec(l.text);
      if (ref) return `${ref[1]}${fn(ref[2]!)}${ref[3]}`;
      return outsideCode(l.text, (prose) => prose.replace(LINK, (_m, open: string, url: string, close: string) => `${open}${fn(url)}${close}`));
    })
    .join('\n');
}

/** Shifts ATX headings so the highest one is at `level` (never above h6). */
export function demoteHeadings(markdown: string, level: number): string {
  const scan = scanMarkdown(markdown);
  const levels = scan.headings.map((h) => h.level);
  if (levels.length === 0) return markdown;
  const shift = level - Math.min(...levels);
  if (shift <= 0) return markdown;
  return scan.lines
    .map((l) => {
      if (l.code || l.comment) return l.text;
      return l.text.replace(ATX, (_m, indent: string, hashes: string) => `${indent}${'#'.repeat(Math.min(6, hashes.length + shift))}`);
    })
    .join('\n');
}

/** Drops HTML comments and turns tag-like text outside code into code spans; fenced code is kept as is. */
export function sanitizeBlock(markdown: string): string {
  const scan = scanMarkdown(markdown);
  const out: string[] = [];
  for (const l of scan.lines) {
    if (l.code) {
      out.push(l.text);
      continue;
    }
    if (l.comment) continue;
    out.push(sanitizeLine(l.text));
  }
  return out.join('\n');
}

export function sanitizeLine(line: string): string {
  return outsideCode(stripInlineComments(line), (prose) => prose.replace(/<\/?[A-Za-z][^<>]*>/g, (tag) => (/^<(?:https?|mailto):/.test(tag) ? tag.slice(1, -1) : `\`${tag}\``)));
}

/** Removes the first ATX H1 of a body (and the blank lines after it), when it comes before any other text. */
export function dropLeadingTitle(markdown: string): string {
  const lines = markdown.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i < lines.length && /^ {0,3}#[ \t]/.test(lines[i]!)) {
    i++;
    while (i < lines.length && lines[i]!.trim() === '') i++;
    return lines.slice(i).join('\n');
  }
  return markdown;
}
