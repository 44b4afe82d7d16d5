// `alembic history`: the order (§9.1) and the text of each entry (§9.2).
import { compareCodePoints } from '../text.ts';

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
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [start];
    while (todo.length) {
      const id = todo.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      todo.push(...(byId.get(id)?.parentsPlus ?? []));
    }
    return seen;
  };

  const stack = [...new Set(realHeads)].filter((id) => pending.has(id)).sort((a, b) => loadIndex(a) - loadIndex(b));
  const cover = stack.map(reach);
  const out: string[] = [];
  let k = 0;
  let budget = (nodes.length + 1) * (nodes.length + 1) * 4 + 16;
  while (stack.length && budget-- > 0) {
    const cur = stack[k]!;
    const other = cover.findIndex((set, j) => j !== k && set.has(cur));
    if (other >= 0) {
      k = other;
      continue;
    }
    if (pending.delete(cur)) out.push(cur);
    const node = byId.get(cur);
    const next = (node?.parentsPlus ?? []).filter((p) => pending.has(p) && !stack.includes(p));
    if (next.length === 0) {
      stack.splice(k, 1);
      cover.splice(k, 1);
      k = Math.max(k - 1, 0);
    } else if (node?.plainStep) {
      stack[k] = next[0]!;
      cover[k]!.delete(cur);
    } else {
      stack[k] = next[0]!;
      cover[k] = reach(next[0]!);
      for (const p of next.slice(1)) {
        stack.push(p);
        cover.push(reach(p));
      }
    }
  }
  const rest = [...pending].sort((a, b) => loadIndex(a) - loadIndex(b) || compareCodePoints(a, b));
  return [...out, ...rest];
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
