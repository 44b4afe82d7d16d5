// Cycle detection after the edges are built, as Alembic's `_detect_cycles` does it (§8.5).
import { compareCodePoints } from '../text.ts';

export interface CycleGraph {
  /** Revision id of each node (overridden duplicates share the id of the winning file). */
  ids: string[];
  /** Node index of the file that owns each id. */
  owner: Map<string, number>;
  /** Parents that exist, as ids. */
  parents: string[][];
  /** Resolved dependencies that exist, as ids. */
  deps: string[][];
  /** Children through parent edges, as node indices. */
  children: number[][];
  /** Revisions depending on the node, as node indices. */
  dependents: number[][];
  heads: number[];
  realHeads: number[];
  /** Bases, plus revisions whose parents were dropped or are unknown (they anchor the upward walk). */
  bases: number[];
  realBases: number[];
}

export interface Cycles {
  /** Members of a cycle through `down_revision`, sorted. */
  parent: string[];
  /** Further members of a cycle once `depends_on` edges are included, sorted. */
  dependency: string[];
}

export function findCycles(g: CycleGraph): Cycles {
  const all = [...g.owner.keys()];
  if (all.length === 0) return { parent: [], dependency: [] };
  const down = (i: number): number[] => resolve(g, g.parents[i]!);
  const downAll = (i: number): number[] => resolve(g, [...g.parents[i]!, ...g.deps[i]!]);
  const up = (i: number): number[] => g.children[i]!;
  const upAll = (i: number): number[] => [...g.children[i]!, ...g.dependents[i]!];

  const parent = outside(g, all, g.heads, g.bases, down, up);
  const inParent = new Set(parent);
  const dependency = outside(g, all, g.realHeads, g.realBases, downAll, upAll).filter((id) => !inParent.has(id));
  return { parent, dependency };
}

/** Ids not reachable both downwards from `tops` and upwards from `bottoms`; everything when either is empty. */
function outside(
  g: CycleGraph,
  all: string[],
  tops: number[],
  bottoms: number[],
  down: (i: number) => number[],
  up: (i: number) => number[],
): string[] {
  if (tops.length === 0 || bottoms.length === 0) return [...all].sort(compareCodePoints);
  const fromTop = reachIds(g, tops, down);
  const fromBottom = reachIds(g, bottoms, up);
  return all.filter((id) => !(fromTop.has(id) && fromBottom.has(id))).sort(compareCodePoints);
}

function reachIds(g: CycleGraph, start: number[], next: (i: number) => number[]): Set<string> {
  const seen = new Set<number>();
  const stack = [...start];
  while (stack.length) {
    const i = stack.pop()!;
    if (seen.has(i)) continue;
    seen.add(i);
    stack.push(...next(i));
  }
  return new Set([...seen].map((i) => g.ids[i]!));
}

function resolve(g: CycleGraph, ids: string[]): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const i = g.owner.get(id);
    if (i !== undefined) out.push(i);
  }
  return out;
}
