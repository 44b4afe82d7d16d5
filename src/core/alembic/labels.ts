// Branch-label propagation, the way Alembic's `_add_branches` does it (§8.4).
import { compareCodePoints } from '../text.ts';

export interface LabelGraph {
  /** Labels each node declares and that were accepted (duplicates already removed). */
  declared: string[][];
  /** Children through parent edges (node indices, load order); empty for overridden duplicates. */
  children: number[][];
  /** Children plus dependents ≥ 2. */
  isRealBranchPoint: boolean[];
  /** Two or more declared parents. */
  isMergePoint: boolean[];
  /** The node's single declared parent as a node index, or null (base, missing, `""`). */
  parentOf: (number | null)[];
}

/** Returns each node's final label set, sorted. Declarers are processed in load order. */
export function propagateLabels(graph: LabelGraph): string[][] {
  // Most nodes never get a label: their sets are made when the first one arrives.
  const labels: (Set<string> | undefined)[] = graph.declared.map((own) => (own.length ? new Set(own) : undefined));
  const add = (node: number, list: string[]): void => {
    const set = labels[node];
    if (set) for (const l of list) set.add(l);
    else labels[node] = new Set(list);
  };
  graph.declared.forEach((own, declarer) => {
    if (own.length === 0) return;
    const current = [...labels[declarer]!];
    // Step 1: every descendant (children only) gets the declarer's labels; remember the last one visited.
    let last = declarer;
    const seen = new Set<number>();
    const stack = [declarer];
    while (stack.length) {
      const node = stack.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push(...graph.children[node]!);
      last = node;
      add(node, current);
    }
    // Step 2: walk down from that tip until a real branch point or a merge point.
    const walked = new Set<number>();
    let node: number | null = last;
    while (node !== null && !walked.has(node) && !graph.isRealBranchPoint[node] && !graph.isMergePoint[node]) {
      walked.add(node);
      add(node, current);
      node = graph.parentOf[node] ?? null;
    }
  });
  return labels.map((set) => (set ? [...set].sort(compareCodePoints) : []));
}
