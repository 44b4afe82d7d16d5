// A fast, line-based view of markdown for the check/bundle path: which lines are prose
// (outside fenced code, indented code and HTML comments) and where the headings are.
// remark is far too slow to run on thousands of files per `lore check` (see Lore's own ADR 0002).

export interface MdHeading {
  level: number;
  /** Heading text, closing `#`s removed, trimmed. */
  text: string;
  line: number;
}

export interface ProseLine {
  line: number;
  text: string;
}

export interface MdBlocks {
  headings: MdHeading[];
  prose: ProseLine[];
}

const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const setext = /^ {0,3}(=+|-+)[ \t]*$/;

/** `firstLine` is the file line of the markdown's first line (after front matter). */
export function scanBlocks(markdown: string, firstLine = 1): MdBlocks {
  const lines = markdown.split('\n');
  const headings: MdHeading[] = [];
  const prose: ProseLine[] = [];
  let fence: { char: string; length: number } | null = null;
  let inComment = false;
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = firstLine + i;
    if (fence) {
      const close = raw.match(/^ {0,3}(`{3,}|~{3,})[ \t]*$/);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = null;
      previousBlank = false;
      continue;
    }
    if (inComment) {
      if (raw.includes('-->')) {
        inComment = false;
        const rest = raw.slice(raw.indexOf('-->') + 3);
        if (rest.trim()) prose.push({ line, text: rest });
      }
      continue;
    }
    const open = raw.match(fenceOpen);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      continue;
    }
    if (previousBlank && /^( {4}|\t)/.test(raw) && raw.trim()) continue; // indented code
    let text = stripComments(raw);
    if (text === null) {
      inComment = true;
      text = raw.slice(0, raw.indexOf('<!--'));
    }
    const h = text.match(atx);
    if (h) {
      headings.push({ level: h[1]!.length, text: (h[2] ?? '').trim(), line });
    } else if (setext.test(text) && i > 0 && prose.length && prose[prose.length - 1]!.line === line - 1 && !previousBlank) {
      const title = prose.pop()!;
      headings.push({ level: text.trim()[0] === '=' ? 1 : 2, text: title.text.trim(), line: title.line });
      previousBlank = false;
      continue;
    } else if (text.trim()) {
      prose.push({ line, text });
    }
    previousBlank = raw.trim() === '';
  }
  return { headings, prose };
}

/** Removes complete `<!-- … -->` comments; returns null when a comment opens and does not close. */
function stripComments(text: string): string | null {
  let out = text;
  for (;;) {
    const start = out.indexOf('<!--');
    if (start < 0) return out;
    const end = out.indexOf('-->', start + 4);
    if (end < 0) return null;
    out = out.slice(0, start) + ' '.repeat(end + 3 - start) + out.slice(end + 3);
  }
}
