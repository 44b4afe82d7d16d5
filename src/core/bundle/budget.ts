// Fitting a root file into its budget: the lowest-priority parts shrink first (guide links, older
// migrations, then decision summaries to titles, then whole lists); rules are never trimmed.
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

/** Renders with every knob at `full`, then lowers knobs step by step until the text fits. */
export function fitToBudget(render: (knobs: Knobs) => string, full: Knobs, budget: BundleBudget): Fit {
  const fit = fitKnobs(render, full, budget, ROOT_STEPS);
  return { ...fit, trimmed: trimmedParts(full, fit.knobs) };
}

export function fitKnobs<K extends { [P in keyof K]: number }>(render: (knobs: K) => string, full: K, budget: BundleBudget, steps: Step<K>[]): FitOf<K> {
  const cache = new Map<string, { content: string; m: Measure }>();
  const run = (knobs: K) => {
    const key = JSON.stringify(knobs);
    let hit = cache.get(key);
    if (!hit) {
      const content = render(knobs);
      hit = { content, m: measure(content) };
      cache.set(key, hit);
    }
    return hit;
  };
  let knobs = { ...full };
  let current = run(knobs);
  for (const step of steps) {
    if (withinBudget(current.m, budget)) break;
    const floor = step.floor(full);
    const high: number = knobs[step.knob];
    if (high <= floor) continue;
    const at = (v: number): K => ({ ...knobs, [step.knob]: v });
    if (!withinBudget(run(at(floor)).m, budget)) {
      knobs = at(floor);
      current = run(knobs);
      continue;
    }
    // Largest value in [floor, high) that fits; size grows with the knob, so bisect.
    let lo = floor;
    let hi = high - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (withinBudget(run(at(mid)).m, budget)) lo = mid;
      else hi = mid - 1;
    }
    knobs = at(lo);
    current = run(knobs);
  }
  return { content: current.content, ...current.m, knobs, fits: withinBudget(current.m, budget) };
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
