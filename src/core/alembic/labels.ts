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
  const labels = graph.declared.map((own) => new Set(own));
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
      for (const l of current) labels[node]!.add(l);
    }
    // Step 2: walk down from that tip until a real branch point or a merge point.
    const walked = new Set<number>();
    let node: number | null = last;
    while (node !== null && !walked.has(node) && !graph.isRealBranchPoint[node] && !graph.isMergePoint[node]) {
      walked.add(node);
      for (const l of current) labels[node]!.add(l);
      node = graph.parentOf[node] ?? null;
    }
  });
  return labels.map((set) => [...set].sort(compareCodePoints));
}
