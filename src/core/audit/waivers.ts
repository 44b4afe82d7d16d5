// Waivers of one migration: `# lore: ignore[check-id] reason` comments on or directly above a
// call, `lore: ignore[check-id] reason` lines in the docstring (the whole migration), and cited
// ADRs whose front matter `accepts:` lists the check.
import type { Adr, Diagnostic, Revision, Waiver } from '../model.ts';

const IGNORE = /\blore:\s*ignore\b(\[([^\]]*)\])?(.*)$/i;
const DOC_IGNORE = /^\s*lore:\s*ignore\b/i;

interface Declared {
  line: number;
  checks: string[];
  reason: string;
}

export interface AcceptingAdr {
  adr: Adr;
  ref: string;
  /** Line of the citation in the migration, when it is there. */
  line: number | null;
}

export interface MigrationWaivers {
  /** The waiver that covers a finding of `check` at `line` (call starting at `callLine`), or null. */
  find(check: string, line: number | null, callLine: number | null): Waiver | null;
}

export interface ReadWaivers {
  waivers: MigrationWaivers;
  /** Waivers without a reason, by line: each becomes a `waiver-without-reason` finding. */
  reasonless: { line: number; text: string }[];
  diagnostics: Diagnostic[];
}

const NONE: MigrationWaivers = { find: () => null };

/**
 * `known` are the ids a waiver may name; `adrs` the cited ADRs that accept at least one check.
 */
export function readWaivers(rev: Revision, known: ReadonlySet<string>, adrs: AcceptingAdr[]): ReadWaivers {
  const diagnostics: Diagnostic[] = [];
  const reasonless: ReadWaivers['reasonless'] = [];
  const comments: Declared[] = [];
  const docstring: Declared[] = [];

  const read = (text: string, line: number, into: Declared[], form: string): void => {
    const m = IGNORE.exec(text);
    if (!m) return;
    if (m[1] === undefined) {
      diagnostics.push({ code: 'audit/bad-waiver', severity: 'warning', path: rev.path, line, message: `"${text.trim()}" names no check, so it waives nothing; write ${form}.` });
      return;
    }
    const ids = m[2]!.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
    const checks: string[] = [];
    for (const id of ids) {
      if (known.has(id)) checks.push(id);
      else {
        diagnostics.push({
          code: 'audit/unknown-check',
          severity: 'warning',
          path: rev.path,
          line,
          message: `the waiver names \`${id}\`, which is not a check that can be waived, so it waives nothing; use one of ${[...known].join(', ')}.`,
        });
      }
    }
    if (ids.length === 0) {
      diagnostics.push({ code: 'audit/bad-waiver', severity: 'warning', path: rev.path, line, message: `"${text.trim()}" names no check, so it waives nothing; write ${form}.` });
      return;
    }
    const reason = m[3]!.replace(/^[\s:—–-]+/, '').trim();
    if (reason === '' || !/[\p{L}\p{N}]/u.test(reason)) {
      reasonless.push({ line, text: text.trim() });
      return;
    }
    if (checks.length) into.push({ line, checks, reason });
  };

  for (const c of rev.comments) if (c.text.includes('lore:')) read(c.text, c.line, comments, '`# lore: ignore[check-id] reason`');
  if (rev.docLine !== null && rev.longdoc.includes('lore:')) {
    rev.longdoc.split('\n').forEach((text, i) => {
      if (DOC_IGNORE.test(text)) read(text, rev.docLine! + i, docstring, '`lore: ignore[check-id] reason`');
    });
  }
  if (comments.length === 0 && docstring.length === 0 && adrs.length === 0) return { waivers: NONE, reasonless, diagnostics };

  // Lines that hold only a comment: comment lines on which no operation starts.
  const callLines = new Set<number>();
  for (const op of rev.upgrade) callLines.add(op.line);
  for (const op of rev.downgrade) callLines.add(op.line);
  const commentOnly = new Set<number>();
  for (const c of rev.comments) if (!callLines.has(c.line)) commentOnly.add(c.line);
  /** First line of the comment block that ends right above `line` (or `line` itself). */
  const blockStart = (line: number): number => {
    let start = line;
    while (commentOnly.has(start - 1)) start--;
    return start;
  };

  const find = (check: string, line: number | null, callLine: number | null): Waiver | null => {
    for (const anchor of [line, callLine]) {
      if (anchor === null) continue;
      const from = blockStart(anchor);
      const hit = comments.find((w) => w.line >= from && w.line <= anchor && w.checks.includes(check));
      if (hit) return { by: 'comment', reason: hit.reason, ref: null, line: hit.line };
    }
    const doc = docstring.find((w) => w.checks.includes(check));
    if (doc) return { by: 'docstring', reason: doc.reason, ref: null, line: doc.line };
    const adr = adrs.find((a) => a.adr.accepts.some((id) => id.toLowerCase() === check));
    if (adr) return { by: 'adr', reason: `${adrLabel(adr.adr)} accepts ${check}: ${adr.adr.title}`, ref: adr.ref, line: adr.line };
    return null;
  };
  return { waivers: { find }, reasonless, diagnostics };
}

export function adrLabel(adr: Adr): string {
  return adr.number !== null ? `ADR-${String(adr.number).padStart(4, '0')}` : adr.id;
}
