// 4. Settled decisions: accepted ADRs one line each, rejected ones not to propose again, replaced ones.
import type { Adr } from '../../model.ts';
import { adrRef } from '../../ids.ts';
import { compareCodePoints } from '../../text.ts';
import { adrRuleLinks, type BundleContext } from '../context.ts';
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

const cache = new WeakMap<BundleContext, DecisionLists>();

export function decisionLists(ctx: BundleContext): DecisionLists {
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
  const byFile = (a: Adr, b: Adr): number => compareCodePoints(a.file, b.file);
  const adrs = [...ctx.k.adrs].sort(byFile);
  const lists: DecisionLists = {
    accepted: adrs.filter((a) => a.status === 'accepted').map(entry),
    rejected: adrs.filter((a) => a.status === 'rejected').map(entry),
    retired: adrs.filter((a) => a.status === 'superseded' || a.status === 'deprecated').map(entry),
  };
  for (const list of [lists.accepted, lists.rejected, lists.retired]) rank(ctx, list);
  cache.set(ctx, lists);
  return lists;
}

/** Decisions tied to a rule first, then the newest (highest number, latest date), then by file. */
function rank(ctx: BundleContext, list: DecisionEntry[]): void {
  const ranked = [...list].sort(
    (a, b) =>
      Number(adrRuleLinks(ctx, b.adr) > 0) - Number(adrRuleLinks(ctx, a.adr) > 0) ||
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

export function decisionsSection(ctx: BundleContext, knobs: DecisionKnobs): string[] {
  const l = decisionLists(ctx);
  if (l.accepted.length + l.rejected.length + l.retired.length === 0) return [];
  const folders = ctx.adrFolders.map(code).join(', ');
  const lines = ['## Settled decisions', ''];
  lines.push(
    `These decisions are settled: do not reverse or re-argue one in code. To change one, propose a new ADR in ${folders} that supersedes it, and let the team decide. Read the full record before changing anything it covers.`,
    '',
  );
  // Summaries go to the accepted list first, then the rejected one, each by rank.
  const withSummary = new Set<DecisionEntry>();
  const summaryOrder = [...[...l.accepted].sort(byRank), ...[...l.rejected].sort(byRank)];
  for (const e of summaryOrder.slice(0, knobs.summaries)) withSummary.add(e);

  if (l.accepted.length) {
    const shown = keep(l.accepted, knobs.accepted);
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
    const shown = keep(l.rejected, knobs.rejected);
    for (const e of shown) lines.push(`- ${rejectedLine(e, withSummary.has(e))}`);
    const hidden = l.rejected.length - shown.length;
    if (hidden > 0) lines.push(`- ${hidden}${shown.length ? ' more' : ''} rejected decision${hidden === 1 ? '' : 's'} not listed: read ${folders} (status \`rejected\`).`);
    lines.push('');
  }
  if (l.retired.length) {
    lines.push('No longer in force (follow the decision that replaced them):', '');
    const shown = keep(l.retired, knobs.retired);
    for (const e of shown) lines.push(`- ${retiredLine(ctx, e)}`);
    const hidden = l.retired.length - shown.length;
    if (hidden > 0) lines.push(`- ${hidden}${shown.length ? ' more' : ''} superseded or deprecated decision${hidden === 1 ? '' : 's'} not listed: read ${folders}.`);
    lines.push('');
  }
  return lines;
}

const byRank = (a: DecisionEntry, b: DecisionEntry): number => a.rank - b.rank;

/** The `n` best-ranked entries, shown in file order. */
function keep(list: DecisionEntry[], n: number): DecisionEntry[] {
  if (n >= list.length) return [...list].sort((a, b) => compareCodePoints(a.adr.file, b.adr.file));
  const kept = new Set([...list].sort(byRank).slice(0, Math.max(0, n)));
  return list.filter((e) => kept.has(e)).sort((a, b) => compareCodePoints(a.adr.file, b.adr.file));
}

function acceptedLine(e: DecisionEntry, full: boolean): string {
  const what = full && e.text.summary ? e.text.summary : e.title;
  const why = full && e.text.why ? ` Why: ${e.text.why}` : '';
  return `${e.name}: ${what}${why} (${code(e.adr.file)})`;
}

function rejectedLine(e: DecisionEntry, full: boolean): string {
  const why = full && e.text.why ? ` Why not: ${e.text.why}` : '';
  return `${e.name}: ${withStop(e.title)}${why} (${code(e.adr.file)})`;
}

function retiredLine(ctx: BundleContext, e: DecisionEntry): string {
  const by = (ctx.linksTo.get(adrRef(e.adr)) ?? [])
    .filter((l) => l.kind === 'supersedes')
    .map((l) => ctx.adrByRef.get(l.from))
    .filter((a): a is Adr => a !== undefined);
  const replacements = [...new Set(by)].sort((a, b) => compareCodePoints(a.file, b.file));
  const self = `${e.name} (${e.title})`;
  if (replacements.length) return `${self} was replaced by ${replacements.map((a) => `${ctx.adrName(a)} (${inline(a.title)})`).join(' and ')}.`;
  if (e.adr.supersededBy.length) return `${self} was replaced by ${e.adr.supersededBy.map((s) => inline(s)).join(' and ')}.`;
  return e.adr.status === 'deprecated' ? `${self} is deprecated.` : `${self} is superseded.`;
}
