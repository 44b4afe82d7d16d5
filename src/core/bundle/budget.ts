// Fitting a root file into its budget: the lowest-priority parts shrink first (guide links, older
// migrations, then decision summaries to titles, then whole lists); rules are never trimmed.
import { Buffer } from 'node:buffer';
import type { BundleBudget } from './options.ts';
import type { DecisionKnobs } from './sections/decisions.ts';
import type { MigrationKnobs } from './sections/migrations.ts';

export interface Knobs extends MigrationKnobs, DecisionKnobs {
  docs: number;
}

export interface Measure {
  lines: number;
  bytes: number;
}

export interface Fit extends Measure {
  content: string;
  knobs: Knobs;
  /** What was shortened, in words, for the file's note and the command's report. */
  trimmed: string[];
  /** False when even the fully trimmed file (rules only, in effect) is over the budget. */
  fits: boolean;
}

const encoder = new TextEncoder();

export function measure(text: string): Measure {
  const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return { lines, bytes: encoder.encode(text).length };
}

/** Joins lines, drops trailing blank lines, ends with one newline. */
export function finish(lines: string[]): string {
  return `${lines.slice(0, keptLines(lines)).join('\n')}\n`;
}

function keptLines(lines: string[]): number {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  return end;
}

/** A lower bound of `finish(lines)`'s line count that reads no line through (a line may hold line breaks). */
export function finishedLinesAtLeast(lines: string[]): number {
  return Math.max(keptLines(lines), 1);
}

/** The line count of `finish(lines)`, as `measure` counts it, without joining the lines. */
export function finishedLines(lines: string[]): number {
  const end = keptLines(lines);
  let n = Math.max(end, 1);
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    for (let at = line.indexOf('\n'); at >= 0; at = line.indexOf('\n', at + 1)) n++;
  }
  return n;
}

/**
 * `measure(finish(lines))` without building the text: the lines are joined by newlines, so their
 * UTF-8 sizes add up (a lone surrogate is 3 bytes either way).
 */
export function measureLines(lines: string[]): Measure {
  const end = keptLines(lines);
  let bytes = Math.max(end, 1);
  for (let i = 0; i < end; i++) bytes += Buffer.byteLength(lines[i]!, 'utf8');
  return { lines: finishedLines(lines), bytes };
}

export function withinBudget(m: Measure, budget: BundleBudget): boolean {
  return m.lines <= budget.maxLines && m.bytes <= budget.maxBytes;
}

export type Step<K> = { knob: keyof K & string; floor: (full: K) => number };

// In order: each step lowers one knob as little as needed, down to its floor, before the next starts.
export const ROOT_STEPS: Step<Knobs>[] = [
  { knob: 'docs', floor: () => 0 },
  { knob: 'recent', floor: (f) => Math.min(3, f.recent) },
  { knob: 'waivers', floor: (f) => Math.min(5, f.waivers) },
  { knob: 'oneWay', floor: (f) => Math.min(5, f.oneWay) },
  { knob: 'removed', floor: (f) => Math.min(5, f.removed) },
  { knob: 'summaries', floor: () => 0 },
  { knob: 'retired', floor: () => 0 },
  { knob: 'rejected', floor: () => 0 },
  { knob: 'accepted', floor: (f) => Math.min(20, f.accepted) },
  { knob: 'recent', floor: () => 0 },
  { knob: 'waivers', floor: () => 0 },
  { knob: 'oneWay', floor: () => 0 },
  { knob: 'removed', floor: () => 0 },
  { knob: 'accepted', floor: () => 0 },
];

export interface FitOf<K> extends Measure {
  content: string;
  knobs: K;
  fits: boolean;
}

/**
 * Lays out the lines with every knob at `full`, then lowers knobs step by step until `finish(lines)`
 * fits. `linesAtLeast`, when given, is a lower bound of that text's line count that is cheaper to
 * work out: a layout it already puts over the line budget is not measured (same outcome, less work).
 */
export function fitToBudget(draft: (knobs: Knobs) => string[], full: Knobs, budget: BundleBudget, linesAtLeast?: (knobs: Knobs) => number): Fit {
  const fit = fitKnobs(draft, full, budget, ROOT_STEPS, linesAtLeast);
  return { ...fit, trimmed: trimmedParts(full, fit.knobs) };
}

export function fitKnobs<K extends { [P in keyof K]: number }>(
  draft: (knobs: K) => string[],
  full: K,
  budget: BundleBudget,
  steps: Step<K>[],
  linesAtLeast?: (knobs: K) => number,
): FitOf<K> {
  const verdicts = new Map<string, boolean>();
  const fits = (knobs: K): boolean => {
    const key = JSON.stringify(knobs);
    let fit = verdicts.get(key);
    if (fit === undefined) {
      if (linesAtLeast && linesAtLeast(knobs) > budget.maxLines) fit = false;
      else {
        const lines = draft(knobs);
        fit = withinBudget(measureLines(lines), budget);
      }
      verdicts.set(key, fit);
    }
    return fit;
  };
  let knobs = { ...full };
  for (const step of steps) {
    if (fits(knobs)) break;
    const floor = step.floor(full);
    const high: number = knobs[step.knob];
    if (high <= floor) continue;
    const at = (v: number): K => ({ ...knobs, [step.knob]: v });
    if (!fits(at(floor))) {
      knobs = at(floor);
      continue;
    }
    // Largest value in [floor, high) that fits; size grows with the knob, so bisect.
    let lo = floor;
    let hi = high - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(at(mid))) lo = mid;
      else hi = mid - 1;
    }
    knobs = at(lo);
  }
  // Only the chosen layout is joined into text.
  const content = finish(draft(knobs));
  const m = measure(content);
  return { content, ...m, knobs, fits: withinBudget(m, budget) };
}

export function trimmedParts(full: Knobs, knobs: Knobs): string[] {
  const out: string[] = [];
  if (knobs.docs < full.docs) out.push('guide links');
  if (knobs.recent < full.recent) out.push('the list of newest migrations');
  if (knobs.oneWay < full.oneWay || knobs.removed < full.removed || knobs.waivers < full.waivers) out.push('older one-way migrations, removed names and waivers');
  if (knobs.summaries < full.summaries) out.push('decision summaries (some decisions show only their title)');
  if (knobs.accepted < full.accepted || knobs.rejected < full.rejected || knobs.retired < full.retired) out.push('older decisions');
  return out;
}
