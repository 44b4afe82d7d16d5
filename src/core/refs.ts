// Finds the references written in a piece of text (markdown or a migration's docstring and
// comments). They are resolved against the model later, in links.ts.
import { scanMarkdown, stripInlineComments } from './markdown/scan.ts';
import { inlineParts } from './markdown/inline.ts';

export type RawRefKind =
  | 'adr-number' // ADR-0004, ADR 4
  | 'rule-id' // rule:db-006 (explicit: must resolve)
  | 'label' // DB-006 (resolved only when some rule has that label)
  | 'path' // relative link target (to an .md file)
  | 'code' // an inline code span (a table name or a revision id, when one exists)
  | 'word'; // a bare 12-hex-like token (a revision id, when one exists)

export interface RawRef {
  kind: RawRefKind;
  /** Normalized value: the ADR number, rule id, label, link target, code text or token. */
  value: string;
  /** The reference as written. */
  text: string;
  line: number;
}

const adrMention = /\bADR[-_ ]?(\d{1,6})\b/gi;
const ruleId = /\brule:([a-z0-9][a-z0-9_.-]*[a-z0-9])/gi;
const label = /\b([A-Z][A-Z0-9]*-\d{1,5})\b/g;
const hexToken = /\b([0-9a-f]{12})\b/g;
const adrPrefix = /^ADR-/i;
// Most lines hold no reference at all: cheap tests before the capturing scans (`matchAll` copies
// its regex on every call, so a line with no match should not reach it).
const hasAdr = /adr/i;
const hasRule = /rule:/i;
const hasLabel = /\b[A-Z][A-Z0-9]*-\d{1,5}\b/;
const hasHexToken = /\b[0-9a-f]{12}\b/;

/** References in one line of plain text (no markdown structure). */
export function textRefs(text: string, line: number, out: RawRef[] = []): RawRef[] {
  if (hasAdr.test(text)) for (const m of text.matchAll(adrMention)) out.push({ kind: 'adr-number', value: String(Number(m[1])), text: m[0], line });
  if (hasRule.test(text)) for (const m of text.matchAll(ruleId)) out.push({ kind: 'rule-id', value: m[1]!.toLowerCase(), text: m[0], line });
  if (text.includes('-') && hasLabel.test(text)) for (const m of text.matchAll(label)) {
    if (adrPrefix.test(m[1]!)) continue;
    out.push({ kind: 'label', value: m[1]!.toLowerCase(), text: m[1]!, line });
  }
  if (hasHexToken.test(text)) for (const m of text.matchAll(hexToken)) out.push({ kind: 'word', value: m[1]!, text: m[1]!, line });
  return out;
}

// Body references worked out when a document was read (and kept in the parse cache with it).
const remembered = new WeakMap<object, RawRef[]>();

/** Remembers `refs` as `markdownRefs(doc.body, doc.bodyLine)`: the caller guarantees they are. */
export function rememberBodyRefs(doc: { body: string; bodyLine: number }, refs: RawRef[]): void {
  remembered.set(doc, refs);
}

/** The references in a document's body: remembered from reading it, else scanned now. */
export function bodyRefs(doc: { body: string; bodyLine: number }): RawRef[] {
  return remembered.get(doc) ?? markdownRefs(doc.body, doc.bodyLine);
}

/** References in markdown: prose text, link targets and code spans; fenced code is skipped. */
export function markdownRefs(markdown: string, firstLine = 1): RawRef[] {
  const out: RawRef[] = [];
  const scan = scanMarkdown(markdown);
  scan.lines.forEach((l, i) => {
    if (l.code || l.comment) return;
    const text = stripInlineComments(l.text);
    if (text.trim()) lineRefs(text, firstLine + i, out);
  });
  // Already in line order: lines are scanned top to bottom.
  return out;
}

function lineRefs(text: string, line: number, out: RawRef[]): void {
  const parts = inlineParts(text);
  for (const l of parts.links) {
    if (isRelativeDocLink(l.url)) out.push({ kind: 'path', value: l.url, text: `[${l.text}](${l.url})`, line });
  }
  for (const c of parts.code) out.push({ kind: 'code', value: c, text: `\`${c}\``, line });
  textRefs(parts.text, line, out);
}

/** A link to another markdown file of the repository (not a URL, not an in-page anchor). */
export function isRelativeDocLink(url: string): boolean {
  if (!url || url.startsWith('#') || url.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return false;
  return /\.(md|markdown|mdx)$/i.test(url.split('#')[0]!.split('?')[0]!);
}
