// A line-level view of a Markdown body: which lines sit in fenced code or HTML comments,
// and where the headings are (ATX and setext). Enough structure for metadata, no full parse.

export interface MdLine {
  text: string;
  /** Inside a fenced code block, fences included. */
  code: boolean;
  /** Part of an HTML comment block (`<!-- … -->` starting a line). */
  comment: boolean;
}

export interface Heading {
  level: number;
  /** Heading text, trimmed, closing `#`s removed; setext lines joined with a space. */
  text: string;
  /** 0-based index of the first line of the heading. */
  start: number;
  /** 0-based index of its last line (the underline for setext headings). */
  end: number;
}

export interface ScannedMarkdown {
  lines: MdLine[];
  headings: Heading[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
// Lines that start a block of their own and therefore are not paragraph text.
const NOT_PARAGRAPH = /^(?: {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)| {0,3}>|\s*\||\s{4})/;
const COMMENT_START = /^ {0,3}<!--/;
// A line that starts with a letter can only be paragraph text (fences, comments, headings,
// rules, lists, quotes and tables all start otherwise): most prose lines skip the tests below.
const LETTER_FIRST = /^[A-Za-z]/;

export function scanMarkdown(text: string): ScannedMarkdown {
  const raw = text.split('\n');
  const lines: MdLine[] = [];
  const headings: Heading[] = [];
  let fence: { char: string; length: number } | null = null;
  let inComment = false;
  let paraStart: number | null = null;

  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] ?? '';
    const entry: MdLine = { text: line, code: false, comment: false };
    lines.push(entry);

    if (fence) {
      entry.code = true;
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && close[2]!.trim() === '') {
        fence = null;
      }
      continue;
    }
    if (inComment) {
      entry.comment = true;
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (LETTER_FIRST.test(line)) {
      if (paraStart === null) paraStart = i;
      continue;
    }
    const commentAt = COMMENT_START.exec(line);
    if (commentAt) {
      entry.comment = true;
      if (!line.slice(commentAt[0].length).includes('-->')) inComment = true;
      paraStart = null;
      continue;
    }
    const open = FENCE.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      entry.code = true;
      fence = { char: open[1]![0]!, length: open[1]!.length };
      paraStart = null;
      continue;
    }
    if (line.trim() === '') {
      paraStart = null;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      const content = (atx[2] ?? '').replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
      headings.push({ level: atx[1]!.length, text: content, start: i, end: i });
      paraStart = null;
      continue;
    }
    const underline = SETEXT.exec(line);
    if (underline && paraStart !== null) {
      const content = raw
        .slice(paraStart, i)
        .map((l) => l.trim())
        .join(' ');
      headings.push({ level: underline[1]![0] === '=' ? 1 : 2, text: content, start: paraStart, end: i });
      paraStart = null;
      continue;
    }
    if (THEMATIC.test(line) || NOT_PARAGRAPH.test(line)) {
      paraStart = null;
      continue;
    }
    if (paraStart === null) paraStart = i;
  }
  return { lines, headings };
}

/** Index of the line after the section that `heading` opens (next heading of the same or a higher level). */
export function sectionEnd(scan: ScannedMarkdown, heading: Heading): number {
  const next = scan.headings.find((h) => h.start > heading.end && h.level <= heading.level);
  return next ? next.start : scan.lines.length;
}

/** Removes `<!-- … -->` comments (and an unclosed trailing `<!-- …`) from one line. */
export function stripInlineComments(text: string): string {
  if (!text.includes('<!--')) return text;
  return text.replace(/<!--[\s\S]*?-->/g, '').replace(/<!--[\s\S]*$/, '');
}
