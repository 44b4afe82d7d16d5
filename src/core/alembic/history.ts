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
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const loadIndex = (id: string): number => byId.get(id)?.loadIndex ?? Number.MAX_SAFE_INTEGER;
  const pending = new Set(nodes.filter((n) => !skip.has(n.id)).map((n) => n.id));
  const inReach = skip.size === 0 ? ancestorBits(nodes, byId) ?? setReach(byId) : setReach(byId);

  const stack = [...new Set(realHeads)].filter((id) => pending.has(id)).sort((a, b) => loadIndex(a) - loadIndex(b));
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
    if (pending.delete(cur)) out.push(cur);
    const node = byId.get(cur);
    const next = (node?.parentsPlus ?? []).filter((p) => pending.has(p) && !stack.includes(p));
    if (next.length === 0) {
      stack.splice(k, 1);
      k = Math.max(k - 1, 0);
    } else {
      stack[k] = next[0]!;
      for (const p of next.slice(1)) stack.push(p);
    }
  }
  const rest = [...pending].sort((a, b) => loadIndex(a) - loadIndex(b) || compareCodePoints(a, b));
  return [...out, ...rest];
}

type ReachTest = (from: string, target: string) => boolean;

/** `target ∈ reach(from)` by walking parents; memoizes the last few sets (used around cycles). */
function setReach(byId: Map<string, HistoryNode>): ReachTest {
  const memo = new Map<string, Set<string>>();
  return (from, target) => {
    let seen = memo.get(from);
    if (!seen) {
      seen = new Set<string>();
      const todo = [from];
      while (todo.length) {
        const id = todo.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        for (const p of byId.get(id)?.parentsPlus ?? []) todo.push(p);
      }
      if (memo.size > 64) memo.clear();
      memo.set(from, seen);
    }
    return seen.has(target);
  };
}

const maxBitsetBytes = 512 * 1024 * 1024;

/**
 * The reach relation of an acyclic graph as one bitset row per revision, filled parents first:
 * linear in nodes × words, where walking sets at every merge is quadratic in practice.
 * Returns null when the graph is too large for the bitsets (or has a cycle).
 */
function ancestorBits(nodes: HistoryNode[], byId: Map<string, HistoryNode>): ReachTest | null {
  const n = nodes.length;
  const words = Math.ceil(n / 32) || 1;
  if (n * words * 4 > maxBitsetBytes) return null;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node.id, i));
  const bits = new Uint32Array(n * words);
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  for (let start = 0; start < n; start++) {
    if (state[start]) continue;
    const stack: number[] = [start];
    while (stack.length) {
      const i = stack[stack.length - 1]!;
      if (state[i] === 0) {
        state[i] = 1;
        for (const p of byId.get(nodes[i]!.id)!.parentsPlus) {
          const j = index.get(p);
          if (j === undefined) continue;
          if (state[j] === 1) return null; // a cycle: let the caller walk sets
          if (state[j] === 0) stack.push(j);
        }
        continue;
      }
      stack.pop();
      if (state[i] === 2) continue;
      state[i] = 2;
      const row = i * words;
      bits[row + (i >> 5)]! |= 1 << (i & 31);
      for (const p of byId.get(nodes[i]!.id)!.parentsPlus) {
        const j = index.get(p);
        if (j === undefined) continue;
        const other = j * words;
        for (let w = 0; w < words; w++) bits[row + w]! |= bits[other + w]!;
      }
    }
  }
  return (from, target) => {
    const i = index.get(from);
    const j = index.get(target);
    if (i === undefined || j === undefined) return from === target;
    return (bits[i * words + (j >> 5)]! & (1 << (j & 31))) !== 0;
  };
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
