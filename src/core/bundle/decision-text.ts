// One line per decision: what was decided, and a one-clause why, from the ADR's own sentences.
import type { Adr, AdrSection } from '../model.ts';
import { scanMarkdown } from '../markdown/scan.ts';
import { capitalize, inline, shorten, withStop } from './inline.ts';
import { firstSentenceOfInline, sentences } from './sentences.ts';

const SUMMARY_MAX = 160;
const WHY_MAX = 160;

const LIST_OR_BLOCK = /^(?: {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)| {0,3}>|\s*\||\s{4}|\t)/;

/** The prose paragraphs of a section before its first sub-heading (lists, quotes, tables and code skipped). */
export function paragraphs(markdown: string): string[] {
  const scan = scanMarkdown(markdown);
  const firstHeading = scan.headings[0]?.start ?? scan.lines.length;
  const out: string[] = [];
  let current: string[] = [];
  let skipping = false;
  const flush = (): void => {
    if (current.length && !skipping) {
      const text = inline(current.join(' '));
      if (text !== '') out.push(text);
    }
    current = [];
    skipping = false;
  };
  for (let i = 0; i < firstHeading; i++) {
    const line = scan.lines[i]!;
    if (line.code || line.comment || line.text.trim() === '') {
      flush();
      continue;
    }
    if (current.length === 0 && LIST_OR_BLOCK.test(line.text)) skipping = true;
    current.push(line.text);
  }
  flush();
  return out;
}

function sectionsOf(adr: Adr, role: AdrSection['role']): AdrSection[] {
  return adr.sections.filter((s) => s.role === role);
}

const WE_WILL = /^(?:we|the team)\s+(?:will|shall|'ll|’ll|are going to|have decided to|decided to|decide to)\s+/i;

function stripWeWill(sentence: string): string {
  const m = WE_WILL.exec(sentence);
  if (!m) return sentence;
  const rest = sentence.slice(m[0].length);
  return /^not\s/i.test(rest) ? `Do ${rest}` : capitalize(rest);
}

const BECAUSE = /,?\s+because\s+/i;

export interface DecisionText {
  /** What was decided, one sentence (Markdown), or null when the ADR has no decision text. */
  summary: string | null;
  /** One clause saying why, or null. */
  why: string | null;
}

/** Summary and why of an ADR, derived from its Decision (and Context) sentences. */
export function decisionText(adr: Adr): DecisionText {
  const decisionParas = sectionsOf(adr, 'decision').flatMap((s) => paragraphs(s.markdown));
  let summary: string | null = null;
  let why: string | null = null;

  const first = decisionParas[0] !== undefined ? firstSentenceOfInline(decisionParas[0]) : null;
  if (first) {
    const split = BECAUSE.exec(first);
    if (split && split.index > 20) {
      summary = withStop(first.slice(0, split.index));
      why = first.slice(split.index + split[0].length);
    } else summary = first;
  } else if (adr.summary && adr.summary !== adr.title) {
    summary = adr.summary;
  }

  if (why === null) why = becauseClause(decisionParas, first);
  if (why === null) why = contextReason(adr);

  return {
    summary: summary === null ? null : shorten(withStop(stripWeWill(summary)), SUMMARY_MAX),
    why: why === null ? null : shorten(withStop(why.trim()), WHY_MAX),
  };
}

/** `Chosen option: "…", because X` (MADR), else the first other sentence with `because X`. */
function becauseClause(paras: string[], summary: string | null): string | null {
  const all = paras.flatMap(sentences).filter((s) => s !== summary);
  const chosen = all.find((s) => /^chosen option\b/i.test(s) && BECAUSE.test(s));
  const pick = chosen ?? all.find((s) => BECAUSE.test(s));
  if (!pick) return null;
  const m = BECAUSE.exec(pick)!;
  return pick.slice(m.index + m[0].length);
}

/** Sentences that lean on the one before (`None of these…`) make no sense alone. */
const ANAPHORA = /^(?:this|these|that|those|it|they|such|both|none of (?:these|them|this|those)|all of (?:these|them|this|those)|each of (?:these|them))\b/i;

/** The first statement (not a question, not leaning on an earlier sentence) of the Context's last paragraph: the force that made the decision necessary. */
function contextReason(adr: Adr): string | null {
  const paras = sectionsOf(adr, 'context').flatMap((s) => paragraphs(s.markdown));
  for (let i = paras.length - 1; i >= 0; i--) {
    const statement = sentences(paras[i]!).find((s) => !/\?["'”’)]*$/.test(s) && !ANAPHORA.test(s));
    if (statement) return statement;
  }
  return null;
}
