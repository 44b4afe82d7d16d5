// Small text helpers for page data: inline code spans, meta descriptions, dates.

/** A run of inline text: plain, or a code span. Pages render these with Astro (always escaped). */
export type Inline = { code: boolean; text: string };

/**
 * Inline markdown reduced to text and code spans: links keep their text, emphasis markers and
 * HTML tags go. For titles and summaries, which are one line.
 */
export function inline(markdown: string): Inline[] {
  const out: Inline[] = [];
  const re = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  let at = 0;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    if (m.index > at) pushText(out, markdown.slice(at, m.index));
    out.push({ code: true, text: m[2]!.replace(/^ (.*) $/, '$1') });
    at = m.index + m[0].length;
  }
  if (at < markdown.length) pushText(out, markdown.slice(at));
  return out;
}

function pushText(out: Inline[], raw: string): void {
  const text = plainMarkdown(raw);
  if (text) out.push({ code: false, text });
}

/** Markdown inline markup removed (no code-span handling; see `inline`). */
function plainMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)(.*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)(.*?\S)[*_](?!\w)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1');
}

/** One line of plain text from inline markdown (for `<meta name="description">` and titles). */
export function plainText(markdown: string): string {
  return inline(markdown)
    .map((p) => p.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens text at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

export function description(text: string, fallback: string): string {
  const plain = plainText(text);
  return truncate(plain || fallback, 180);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2024-03` from `2024-03-19` / `2024-03-19T10:02:18`, or null. */
export function monthKey(date: string | null): string | null {
  const m = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null;
}

/** `March 2024` for `2024-03`. */
export function monthLabel(key: string): string {
  const [year, month] = key.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** The date part of a create date or ADR date (`2024-03-19`), or null. */
export function day(date: string | null): string | null {
  const m = date ? /^(\d{4}-\d{2}-\d{2})/.exec(date) : null;
  return m ? m[1]! : null;
}

/** `19 Mar 2024` for `2024-03-19` (fixed English month names: the output does not depend on the locale). */
export function humanDate(date: string | null): string | null {
  const d = day(date);
  if (!d) return date;
  const [y, m, dd] = d.split('-');
  return `${Number(dd)} ${MONTHS[Number(m) - 1]!.slice(0, 3)} ${y}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
