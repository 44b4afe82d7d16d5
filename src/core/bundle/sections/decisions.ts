// 4. Settled decisions: accepted ADRs one line each, rejected ones not to propose again, replaced ones.
import type { Adr } from '../../model.ts';
import { adrRef } from '../../ids.ts';
import { compareCodePoints } from '../../text.ts';
import { sortedByCodePoints } from '../order.ts';
import { adrLinks, adrRuleLinks, type BundleContext } from '../context.ts';
import { decisionText, type DecisionText } from '../decision-text.ts';
import { code, inline, withStop } from '../inline.ts';

export interface DecisionEntry {
  adr: Adr;
  name: string;
  title: string;
  text: DecisionText;
  /** Rank when the budget keeps only some: 0 is kept longest. */
  rank: number;
}

export interface DecisionLists {
  accepted: DecisionEntry[];
  rejected: DecisionEntry[];
  /** Superseded or deprecated: no longer in force. */
  retired: DecisionEntry[];
}

/** The lists with what every render needs: each list by rank, and the order summaries are given in. */
interface Prepared extends DecisionLists {
  byRank: Map<DecisionEntry[], DecisionEntry[]>;
  summaryOrder: DecisionEntry[];
}

const cache = new WeakMap<BundleContext, Prepared>();

export function decisionLists(ctx: BundleContext): Prepared {
  const hit = cache.get(ctx);
  if (hit) return hit;
  // The summary and reason are worked out only for the decisions the budget shows in full.
  const entry = (adr: Adr): DecisionEntry => {
    let text: DecisionText | undefined;
    return {
      adr,
      name: ctx.adrName(adr),
      title: inline(adr.title),
      get text() {
        return (text ??= decisionText(adr));
      },
      rank: 0,
    };
  };
  // Every list stays in file order.
  const adrs = sortedByCodePoints(ctx.k.adrs, (a) => a.file);
  const accepted = adrs.filter((a) => a.status === 'accepted').map(entry);
  const rejected = adrs.filter((a) => a.status === 'rejected').map(entry);
  const retired = adrs.filter((a) => a.status === 'superseded' || a.status === 'deprecated').map(entry);
  const byRank = new Map<DecisionEntry[], DecisionEntry[]>();
  for (const list of [accepted, rejected, retired]) {
    rank(ctx, list);
    byRank.set(list, [...list].sort((a, b) => a.rank - b.rank));
  }
  // Summaries go to the accepted list first, then the rejected one, each by rank.
  const summaryOrder = [...byRank.get(accepted)!, ...byRank.get(rejected)!];
  const lists: Prepared = { accepted, rejected, retired, byRank, summaryOrder };
  cache.set(ctx, lists);
  return lists;
}

/** Decisions tied to a rule first, then the newest (highest number, latest date), then by file. */
function rank(ctx: BundleContext, list: DecisionEntry[]): void {
  const tied = new Map(list.map((e) => [e, Number(adrRuleLinks(ctx, e.adr) > 0)] as const));
  const ranked = [...list].sort(
    (a, b) =>
      tied.get(b)! - tied.get(a)! ||
      (b.adr.number ?? -1) - (a.adr.number ?? -1) ||
      compareCodePoints(b.adr.date ?? '', a.adr.date ?? '') ||
      compareCodePoints(a.adr.file, b.adr.file),
  );
  ranked.forEach((e, i) => (e.rank = i));
}

export interface DecisionKnobs {
  /** Decisions (accepted and rejected, by rank) that keep their summary and why; the rest show titles. */
  summaries: number;
  accepted: number;
  rejected: number;
  retired: number;
}

export function decisionCounts(ctx: BundleContext): DecisionKnobs {
  const l = decisionLists(ctx);
  return { summaries: l.accepted.length + l.rejected.length, accepted: l.accepted.length, rejected: l.rejected.length, retired: l.retired.length };
}

/**
 * The section's lines. With `titlesOnly`, every decision shows its title (as with no summaries) while
 * the knobs stay as given: the same lines, none with more line breaks than the full render's, so a
 * cheap lower bound of the file's line count.
 */
export function decisionsSection(ctx: BundleContext, knobs: DecisionKnobs, opts: { titlesOnly?: boolean } = {}): string[] {
  const l = decisionLists(ctx);
  if (l.accepted.length + l.rejected.length + l.retired.length === 0) return [];
  const folders = ctx.adrFolders.map(code).join(', ');
  const lines = ['## Settled decisions', ''];
  lines.push(
    `These decisions are settled: do not reverse or re-argue one in code. To change one, propose a new ADR in ${folders} that supersedes it, and let the team decide. Read the full record before changing anything it covers.`,
    '',
  );
  const withSummary = new Set<DecisionEntry>(opts.titlesOnly ? [] : l.summaryOrder.slice(0, knobs.summaries));

  if (l.accepted.length) {
    const shown = keep(l, l.accepted, knobs.accepted);
    for (const e of shown) lines.push(`- ${acceptedLine(e, withSummary.has(e))}`);
    const hidden = l.accepted.length - shown.length;
    if (hidden > 0) {
      const which = shown.length ? `${hidden} more accepted decision${hidden === 1 ? ' is' : 's are'} not listed (the older ones not tied to a rule)` : `The ${hidden} accepted decision${hidden === 1 ? ' is' : 's are'} not listed, to fit the budget`;
      lines.push(`- ${which}: read ${folders}${ctx.options.siteUrl ? ` or ${ctx.siteLink('/decisions/')}` : ''}.`);
    }
    lines.push('');
  }
  if (l.rejected.length) {
    lines.push('Rejected (do not propose these again):', '');
    const shown = keep(l, l.rejected, knobs.rejected);
    for (const e of shown) lines.push(`- ${rejectedLine(e, withSummary.has(e))}`);
    const hidden = l.rejected.length - shown.length;
    if (hidden > 0) lines.push(`- ${hidden}${shown.length ? ' more' : ''} rejected decision${hidden === 1 ? '' : 's'} not listed: read ${folders} (status \`rejected\`).`);
    lines.push('');
  }
  if (l.retired.length) {
    lines.push('No longer in force (follow the decision that replaced them):', '');
    const shown = keep(l, l.retired, knobs.retired);
    for (const e of shown) lines.push(`- ${retiredLine(ctx, e)}`);
    const hidden = l.retired.length - shown.length;
    if (hidden > 0) lines.push(`- ${hidden}${shown.length ? ' more' : ''} superseded or deprecated decision${hidden === 1 ? '' : 's'} not listed: read ${folders}.`);
    lines.push('');
  }
  return lines;
}

/** The `n` best-ranked entries, shown in file order (the order of the list). */
function keep(l: Prepared, list: DecisionEntry[], n: number): DecisionEntry[] {
  if (n >= list.length) return list;
  const kept = new Set(l.byRank.get(list)!.slice(0, Math.max(0, n)));
  return list.filter((e) => kept.has(e));
}

// A line depends only on the entry (and whether it is shown in full): built once, not once per render.
const lineCache = new WeakMap<DecisionEntry, Map<string, string>>();

function memoLine(e: DecisionEntry, kind: string, build: () => string): string {
  let lines = lineCache.get(e);
  if (!lines) lineCache.set(e, (lines = new Map()));
  let line = lines.get(kind);
  if (line === undefined) lines.set(kind, (line = build()));
  return line;
}

function acceptedLine(e: DecisionEntry, full: boolean): string {
  return memoLine(e, full ? 'accepted full' : 'accepted', () => buildAcceptedLine(e, full));
}

function rejectedLine(e: DecisionEntry, full: boolean): string {
  return memoLine(e, full ? 'rejected full' : 'rejected', () => buildRejectedLine(e, full));
}

function retiredLine(ctx: BundleContext, e: DecisionEntry): string {
  return memoLine(e, 'retired', () => buildRetiredLine(ctx, e));
}

function buildAcceptedLine(e: DecisionEntry, full: boolean): string {
  const what = full && e.text.summary ? e.text.summary : e.title;
  const why = full && e.text.why ? ` Why: ${e.text.why}` : '';
  return `${e.name}: ${what}${why} (${code(e.adr.file)})`;
}

function buildRejectedLine(e: DecisionEntry, full: boolean): string {
  const why = full && e.text.why ? ` Why not: ${e.text.why}` : '';
  return `${e.name}: ${withStop(e.title)}${why} (${code(e.adr.file)})`;
}

function buildRetiredLine(ctx: BundleContext, e: DecisionEntry): string {
  const by = (adrLinks(ctx).supersededBy.get(adrRef(e.adr)) ?? [])
    .map((l) => ctx.adrByRef.get(l.from))
    .filter((a): a is Adr => a !== undefined);
  const replacements = [...new Set(by)].sort((a, b) => compareCodePoints(a.file, b.file));
  const self = `${e.name} (${e.title})`;
  if (replacements.length) return `${self} was replaced by ${replacements.map((a) => `${ctx.adrName(a)} (${inline(a.title)})`).join(' and ')}.`;
  if (e.adr.supersededBy.length) return `${self} was replaced by ${e.adr.supersededBy.map((s) => inline(s)).join(' and ')}.`;
  return e.adr.status === 'deprecated' ? `${self} is deprecated.` : `${self} is superseded.`;
}
