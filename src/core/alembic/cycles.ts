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
  const parentNodes = g.parents.map((list) => resolve(g, list));
  const parentAndDepNodes = parentNodes.map((list, i) => (g.deps[i]!.length ? [...list, ...resolve(g, g.deps[i]!)] : list));
  const childAndDependentNodes = g.children.map((list, i) => (g.dependents[i]!.length ? [...list, ...g.dependents[i]!] : list));

  const parent = outside(g, all, g.heads, g.bases, parentNodes, g.children);
  const inParent = new Set(parent);
  const dependency = outside(g, all, g.realHeads, g.realBases, parentAndDepNodes, childAndDependentNodes).filter((id) => !inParent.has(id));
  return { parent, dependency };
}

/** Ids not reachable both downwards from `tops` and upwards from `bottoms`; everything when either is empty. */
function outside(g: CycleGraph, all: string[], tops: number[], bottoms: number[], down: number[][], up: number[][]): string[] {
  if (tops.length === 0 || bottoms.length === 0) return [...all].sort(compareCodePoints);
  const fromTop = reachIds(g, tops, down);
  const fromBottom = reachIds(g, bottoms, up);
  return all.filter((id) => !(fromTop.has(id) && fromBottom.has(id))).sort(compareCodePoints);
}

function reachIds(g: CycleGraph, start: number[], next: number[][]): Set<string> {
  const seen = new Uint8Array(g.ids.length);
  const stack = [...start];
  while (stack.length) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    for (const j of next[i]!) if (!seen[j]) stack.push(j);
  }
  const ids = new Set<string>();
  seen.forEach((reached, i) => {
    if (reached) ids.add(g.ids[i]!);
  });
  return ids;
}

function resolve(g: CycleGraph, ids: string[]): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const i = g.owner.get(id);
    if (i !== undefined) out.push(i);
  }
  return out;
}
