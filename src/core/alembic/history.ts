// `alembic history`: the order (§9.1) and the text of each entry (§9.2).
import { compareCodePoints } from '../text.ts';
import type { MigrationGraph, Revision } from '../model.ts';

export interface HistoryNode {
  id: string;
  /** Position of the id's first file in load order. */
  loadIndex: number;
  /** Existing parents in declared order, then normalised dependencies, without duplicates. */
  parentsPlus: string[];
  /** No normalised dependencies and exactly one declared parent. */
  plainStep: boolean;
}

/**
 * Newest first. Starts from the real heads; `skip` (cycle members) is never printed.
 * Anything left unprinted (only possible around cycles) follows in load order.
 */
export function historyOrder(nodes: HistoryNode[], realHeads: string[], skip: ReadonlySet<string> = new Set()): string[] {
  // Nodes are worked on by position; an id given twice stands for its last node.
  const position = new Map<string, number>();
  nodes.forEach((n, i) => position.set(n.id, i));
  const parents = nodes.map((n) => positionsOf(n.parentsPlus, position));
  const pending = new Uint8Array(nodes.length);
  for (const [id, i] of position) if (!skip.has(id)) pending[i] = 1;
  const inReach = (skip.size === 0 ? ancestorBits(parents) : null) ?? setReach(parents);
  const byLoad = (a: number, b: number): number => nodes[a]!.loadIndex - nodes[b]!.loadIndex;

  const stack = positionsOf([...new Set(realHeads)], position)
    .filter((i) => pending[i])
    .sort(byLoad);
  const out: string[] = [];
  let k = 0;
  let budget = (nodes.length + 1) * (nodes.length + 1) * 4 + 16;
  while (stack.length && budget-- > 0) {
    const cur = stack[k]!;
    // cover[j] of §9.1 is always reach(stack[j]): ask the reach relation directly.
    const other = stack.findIndex((top, j) => j !== k && inReach(top, cur));
    if (other >= 0) {
      k = other;
      continue;
    }
    if (pending[cur]) {
      pending[cur] = 0;
      out.push(nodes[cur]!.id);
    }
    const next = parents[cur]!.filter((p) => pending[p] && !stack.includes(p));
    if (next.length === 0) {
      stack.splice(k, 1);
      k = Math.max(k - 1, 0);
    } else {
      stack[k] = next[0]!;
      for (const p of next.slice(1)) stack.push(p);
    }
  }
  const rest = [...position.values()]
    .filter((i) => pending[i])
    .sort((a, b) => byLoad(a, b) || compareCodePoints(nodes[a]!.id, nodes[b]!.id));
  return [...out, ...rest.map((i) => nodes[i]!.id)];
}

/** Positions of the ids that are nodes, in the given order. */
function positionsOf(ids: string[], position: Map<string, number>): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const i = position.get(id);
    if (i !== undefined) out.push(i);
  }
  return out;
}

/** Whether node `target` is node `from` or one of its ancestors. */
type ReachTest = (from: number, target: number) => boolean;

/** `target ∈ reach(from)` by walking parents; memoizes the last few sets (used around cycles). */
function setReach(parents: number[][]): ReachTest {
  const memo = new Map<number, Set<number>>();
  return (from, target) => {
    let seen = memo.get(from);
    if (!seen) {
      seen = new Set<number>();
      const todo = [from];
      while (todo.length) {
        const i = todo.pop()!;
        if (seen.has(i)) continue;
        seen.add(i);
        for (const p of parents[i]!) todo.push(p);
      }
      if (memo.size > 64) memo.clear();
      memo.set(from, seen);
    }
    return seen.has(target);
  };
}

const maxBitsetBytes = 512 * 1024 * 1024;

/**
 * The reach relation of an acyclic graph, stored per chain. A chain is a run of revisions where
 * each one is the only child of the one before (and has no other parent): within a chain, reach
 * is position order. Across chains, one bitset row per chain marks the chains that lie wholly
 * below it. Histories are mostly long runs between a few forks and merges, so there are far fewer
 * chains than revisions, and the rows stay small (one row per revision took memory quadratic in
 * the history's length).
 * Returns null when the graph is too large for the bitsets (or has a cycle).
 */
function ancestorBits(parents: number[][]): ReachTest | null {
  const n = parents.length;
  const order = parentsFirst(parents);
  if (order === null) return null; // a cycle: let the caller walk sets

  const childCount = new Uint32Array(n);
  for (const list of parents) for (const p of list) childCount[p]!++;
  const chain = new Int32Array(n);
  const step = new Int32Array(n);
  // Each chain starts at a revision with zero or several parents, or below a fork.
  const starts: number[] = [];
  for (const i of order) {
    const list = parents[i]!;
    if (list.length === 1 && childCount[list[0]!] === 1) {
      chain[i] = chain[list[0]!]!;
      step[i] = step[list[0]!]! + 1;
    } else {
      chain[i] = starts.length;
      step[i] = 0;
      starts.push(i);
    }
  }

  const chains = starts.length;
  const words = Math.ceil(chains / 32) || 1;
  if (chains * words * 4 > maxBitsetBytes) return null;
  // Row c: chain c and every chain below its first revision. The parents of a chain's first
  // revision end their own chains, so those chains lie wholly below it. Chains are numbered
  // parents first, so their rows are complete when a row reads them.
  const bits = new Uint32Array(chains * words);
  starts.forEach((start, c) => {
    const row = c * words;
    bits[row + (c >> 5)]! |= 1 << (c & 31);
    for (const p of parents[start]!) {
      const other = chain[p]! * words;
      for (let w = 0; w < words; w++) bits[row + w]! |= bits[other + w]!;
    }
  });
  return (from, target) => {
    const cf = chain[from]!;
    const ct = chain[target]!;
    if (cf === ct) return step[target]! <= step[from]!;
    return (bits[cf * words + (ct >> 5)]! & (1 << (ct & 31))) !== 0;
  };
}

/** Node positions with every node after its parents, or null when the parent edges form a cycle. */
function parentsFirst(parents: number[][]): number[] | null {
  const n = parents.length;
  const order: number[] = [];
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  for (let start = 0; start < n; start++) {
    if (state[start]) continue;
    const stack: number[] = [start];
    while (stack.length) {
      const i = stack[stack.length - 1]!;
      if (state[i] === 0) {
        state[i] = 1;
        for (const j of parents[i]!) {
          if (state[j] === 1) return null;
          if (state[j] === 0) stack.push(j);
        }
        continue;
      }
      stack.pop();
      if (state[i] === 2) continue;
      state[i] = 2;
      order.push(i);
    }
  }
  return order;
}

/** What one history line needs to know about a revision. */
export interface HistoryEntry {
  revision: string;
  downRevisions: string[];
  dependsOn: string[];
  branchLabels: string[];
  isHead: boolean;
  isRealHead: boolean;
  isBranchPoint: boolean;
  isMergePoint: boolean;
  message: string;
}

/** `{parents} {(deps)} -> {id} {(labels)} {(head)|(effective head)} {(branchpoint)} {(mergepoint)}, {message}` */
export function historyLine(r: HistoryEntry): string {
  let text = formatParents(r.downRevisions);
  if (hasDependencies(r.dependsOn)) text += ` (${r.dependsOn.join(', ')})`;
  text += ` -> ${r.revision}`;
  if (r.branchLabels.length) text += ` (${r.branchLabels.join(', ')})`;
  if (r.isRealHead) text += ' (head)';
  else if (r.isHead) text += ' (effective head)';
  if (r.isBranchPoint) text += ' (branchpoint)';
  if (r.isMergePoint) text += ' (mergepoint)';
  return `${text}, ${r.message}`;
}

/** What `alembic history -v` prints for one revision (a block ending in a blank line). */
export function verboseEntry(r: HistoryEntry & { path: string; longdoc: string; children: string[] }): string {
  let entry = `Rev: ${r.revision}${r.isHead ? ' (head)' : ''}${r.isBranchPoint ? ' (branchpoint)' : ''}${r.isMergePoint ? ' (mergepoint)' : ''}\n`;
  entry += r.isMergePoint ? `Merges: ${formatParents(r.downRevisions)}\n` : `Parent: ${formatParents(r.downRevisions)}\n`;
  if (hasDependencies(r.dependsOn)) entry += `Also depends on: ${r.dependsOn.join(', ')}\n`;
  if (r.isBranchPoint) entry += `Branches into: ${r.children.join(', ')}\n`;
  if (r.branchLabels.length) entry += `Branch names: ${r.branchLabels.join(', ')}\n`;
  entry += `Path: ${r.path}\n`;
  const doc = r.longdoc === '' ? [] : r.longdoc.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  entry += `\n${doc.map((line) => `    ${line}`).join('\n')}\n`;
  return entry;
}

// Alembic prints `<base>` when `down_revision` is falsy, which includes a lone `""`.
function formatParents(parents: string[]): string {
  if (parents.length === 0 || (parents.length === 1 && parents[0] === '')) return '<base>';
  return parents.join(', ');
}

// Like `down_revision`, a lone `""` in `depends_on` is falsy for Alembic.
function hasDependencies(deps: string[]): boolean {
  return deps.length > 1 || (deps.length === 1 && deps[0] !== '');
}

/**
 * A graph's revisions in `alembic history` order (newest first), each once. Revisions outside the
 * history (in a cycle, or under a missing parent) are left out.
 */
export function revisionsInHistoryOrder(graph: MigrationGraph): Revision[] {
  const byId = new Map<string, Revision>();
  for (const rev of graph.revisions) byId.set(rev.revision, rev);
  const ordered: Revision[] = [];
  const seen = new Set<string>();
  for (const id of graph.history) {
    const rev = byId.get(id);
    if (rev && !seen.has(id)) {
      seen.add(id);
      ordered.push(rev);
    }
  }
  return ordered;
}
