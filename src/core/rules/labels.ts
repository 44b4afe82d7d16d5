// Recognizing rule labels (`DB-006: …`) and explicit ids (`… {#some-id}`) in heading / list-item text.

export interface LabelMatch {
  label: string;
  /** The text after the label and its separator. */
  rest: string;
}

// `ADR-0004` is how decisions are cited, so it never starts a rule.
const LABEL = String.raw`(?!ADR-)[A-Z][A-Z0-9]*-\d+`;

/** `DB-006: Title`, `DB-006. Title`, `DB-006 — Title`, `DB-006 - Title`, or a bare `DB-006`; the label may be in backticks. */
const labelled = new RegExp(String.raw`^(\`?)(${LABEL})\1(?::|\.(?=\s|$)|\s*[—–]|\s+-(?=\s|$)|$)\s*(.*)$`, 's');

/** A label standing alone (the text of a `**DB-002**` / `**DB-002:**` strong node). */
const bareLabel = new RegExp(String.raw`^(\`?)(${LABEL})\1\s*[:.]?$`);

const separator = /^(?::|\.(?=\s|$)|\s*[—–]|\s+-(?=\s|$))\s*/;

export function matchLabel(text: string): LabelMatch | null {
  const m = labelled.exec(text);
  if (!m || m[2] === undefined) return null;
  return { label: m[2], rest: (m[3] ?? '').trim() };
}

/** For `**DB-002:** rest` — `strongText` is the strong node's text, `after` the text that follows it. */
export function matchStrongLabel(strongText: string, after: string): LabelMatch | null {
  const m = bareLabel.exec(strongText.trim());
  if (!m || m[2] === undefined) return null;
  return { label: m[2], rest: after.replace(separator, '').trim() };
}

export interface AnchorMatch {
  id: string;
  /** The text with the `{#id}` removed. */
  rest: string;
}

const anchor = /\s*\{#([A-Za-z0-9][A-Za-z0-9_.:-]*)\}\s*$/;

export function matchAnchor(text: string): AnchorMatch | null {
  const m = anchor.exec(text);
  if (!m || m[1] === undefined) return null;
  return { id: m[1], rest: text.slice(0, m.index).trim() };
}
