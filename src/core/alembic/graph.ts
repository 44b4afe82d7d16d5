// The revision graph, built in Alembic's step order (§7, §8.2), with heads, bases and history.
import type { Diagnostic, ParsedRevisionFile, Revision } from '../model.ts';
import { compareCodePoints } from '../text.ts';
import { findCycles } from './cycles.ts';
import { historyLine, historyOrder, type HistoryNode } from './history.ts';
import { propagateLabels } from './labels.ts';

export interface RevisionGraph {
  /** One entry per loaded file, in load order. */
  revisions: Revision[];
  heads: string[];
  bases: string[];
  branchPoints: string[];
  mergePoints: string[];
  history: string[];
  historyLines: string[];
  /** Graph-level findings (file-level ones stay with the files). */
  diagnostics: Diagnostic[];
}

/** Builds the graph from files in load order. Files that are not loadable are left out. */
export function buildGraph(parsed: ParsedRevisionFile[]): RevisionGraph {
  const files = parsed.filter((f): f is ParsedRevisionFile & { revision: string } => f.loadable && f.revision !== null);
  const ids = files.map((f) => f.revision);
  const diagnostics: Diagnostic[] = [];
  const report = (i: number | null, code: string, severity: Diagnostic['severity'], message: string): void => {
    const f = i === null ? null : files[i]!;
    diagnostics.push({ code, severity, path: f?.path ?? null, line: f?.line ?? null, message });
  };

  // Step 1: the later file of a duplicated id replaces the earlier one.
  const owner = new Map<string, number>();
  const loadIndex = new Map<string, number>();
  files.forEach((f, i) => {
    const earlier = owner.get(f.revision);
    if (earlier !== undefined) {
      report(i, 'migration/duplicate-revision', 'warning', `revision ${f.revision} is also declared in ${files[earlier]!.path}; Alembic uses this later file and ignores the earlier one: give one of them a new revision id`);
    }
    owner.set(f.revision, i);
    if (!loadIndex.has(f.revision)) loadIndex.set(f.revision, i);
  });
  const isOwner = files.map((f, i) => owner.get(f.revision) === i);

  // Step 2: branch labels share the lookup table with revision ids.
  const labelOwner = new Map<string, number>();
  const declared: string[][] = files.map(() => []);
  files.forEach((f, i) => {
    for (const label of f.declaredBranchLabels) {
      const clash = owner.has(label) ? `is already a revision id` : labelOwner.has(label) ? `is already used by revision ${ids[labelOwner.get(label)!]}` : null;
      if (clash) {
        report(i, 'migration/duplicate-branch-label', 'error', `branch label '${label}' in revision ${f.revision} ${clash}; Alembic refuses to run: rename the label`);
        continue;
      }
      labelOwner.set(label, i);
      declared[i]!.push(label);
    }
  });

  // Step 3: depends_on names an id or a label (→ the revision that declares it).
  const deps: string[][] = files.map((f, i) => {
    const resolved: string[] = [];
    for (const dep of f.dependsOn) {
      const target = owner.has(dep) ? dep : labelOwner.has(dep) ? ids[labelOwner.get(dep)!]! : null;
      if (target === null) {
        report(i, 'migration/missing-dependency', 'error', `depends_on names '${dep}', which is neither a revision id nor a branch label: fix or remove the dependency`);
      } else if (target === f.revision) {
        report(i, 'migration/self-loop', 'error', `depends_on '${dep}' points at revision ${f.revision} itself: remove it`);
      } else resolved.push(target);
    }
    return resolved;
  });

  // Step 4: parent edges (only the owning file of an id gets them).
  const orphaned = files.map(() => false);
  const parents: string[][] = files.map((f, i) => {
    const existing: string[] = [];
    for (const p of f.downRevisions ?? []) {
      if (owner.has(p)) {
        if (!existing.includes(p)) existing.push(p);
      } else if (isOwner[i]) {
        orphaned[i] = true;
        const why = p === '' ? `down_revision is the empty string ""` : labelOwner.has(p) ? `down_revision names '${p}', a branch label (labels are not accepted as parents)` : `down_revision names '${p}', which no file declares`;
        report(i, 'migration/missing-parent', 'error', `${why}: Alembic fails with KeyError; point it at an existing revision id (or None for a base)`);
      }
    }
    return existing;
  });
  const children: number[][] = files.map(() => []);
  const dependents: number[][] = files.map(() => []);
  files.forEach((_, i) => {
    if (!isOwner[i]) return;
    for (const p of parents[i]!) children[owner.get(p)!]!.push(i);
    for (const d of new Set(deps[i]!)) {
      const t = owner.get(d)!;
      if (!dependents[t]!.includes(i)) dependents[t]!.push(i);
    }
  });

  // Step 5: drop dependencies an ancestor already declared.
  const normalized = files.map((_, i) => {
    if (deps[i]!.length === 0) return [];
    const inherited = new Set<string>();
    const seen = new Set<number>([i]);
    const todo = parents[i]!.map((p) => owner.get(p)!);
    while (todo.length) {
      const a = todo.pop()!;
      if (seen.has(a)) continue;
      seen.add(a);
      for (const d of deps[a]!) inherited.add(d);
      for (const p of parents[a]!) todo.push(owner.get(p)!);
    }
    return [...new Set(deps[i]!)].filter((d) => !inherited.has(d));
  });

  const isHead = files.map((_, i) => !isOwner[i] || children[i]!.length === 0);
  const isRealHead = files.map((_, i) => isHead[i]! && (!isOwner[i] || dependents[i]!.length === 0));
  const isBase = files.map((f) => f.downRevisions !== null && f.downRevisions.length === 0);
  const isMergePoint = files.map((f) => (f.downRevisions?.length ?? 0) >= 2);
  const isBranchPoint = children.map((c) => c.length >= 2);
  const anchors = files.map((f, i) => isBase[i]! || orphaned[i]! || f.downRevisions === null);
  const all = files.map((_, i) => i);

  // Step 6: cycles.
  const cycles = findCycles({
    ids,
    owner,
    parents,
    deps,
    children,
    dependents,
    heads: all.filter((i) => isHead[i]),
    realHeads: all.filter((i) => isRealHead[i]),
    bases: all.filter((i) => anchors[i]),
    realBases: all.filter((i) => anchors[i] && deps[i]!.length === 0),
  });
  if (cycles.parent.length) {
    report(null, 'migration/cycle', 'error', `revisions ${cycles.parent.join(', ')} form a cycle through down_revision (or hang below one); Alembic refuses to run: fix their down_revision values`);
  }
  if (cycles.dependency.length) {
    report(null, 'migration/cycle', 'error', `revisions ${cycles.dependency.join(', ')} form a dependency cycle through depends_on; Alembic refuses to run: remove one of the dependencies`);
  }
  const inCycle = new Set([...cycles.parent, ...cycles.dependency]);

  // Step 7: branch labels flow to descendants and down to the nearest fork or merge.
  const labels = propagateLabels({
    declared,
    children,
    isRealBranchPoint: files.map((_, i) => children[i]!.length + dependents[i]!.length >= 2 && new Set([...children[i]!, ...dependents[i]!]).size >= 2),
    isMergePoint,
    parentOf: files.map((f) => {
      const only = f.downRevisions?.length === 1 ? f.downRevisions[0]! : '';
      return only === '' ? null : (owner.get(only) ?? null);
    }),
  });

  const revisions: Revision[] = files.map((f, i) => ({
    revision: f.revision,
    path: f.path,
    downRevisions: f.downRevisions ?? [],
    dependsOn: f.dependsOn,
    branchLabels: labels[i]!,
    message: f.message,
    isHead: isHead[i]!,
    isBase: isBase[i]!,
    isBranchPoint: isBranchPoint[i]!,
    isMergePoint: isMergePoint[i]!,
    isRealHead: isRealHead[i]!,
    orphaned: orphaned[i]!,
    declaredBranchLabels: f.declaredBranchLabels,
    longdoc: f.longdoc,
    docLine: f.docLine ?? null,
    unresolved: f.unresolved,
    createDate: f.createDate,
    line: f.line,
    children: children[i]!.map((c) => ids[c]!),
    upgrade: f.upgrade,
    downgrade: f.downgrade,
    downgradeShape: f.downgradeShape,
    comments: f.comments,
  }));

  const nodes: HistoryNode[] = all
    .filter((i) => isOwner[i])
    .map((i) => ({
      id: ids[i]!,
      loadIndex: loadIndex.get(ids[i]!)!,
      parentsPlus: normalized[i]!.length ? [...new Set([...parents[i]!, ...normalized[i]!])] : parents[i]!,
      plainStep: normalized[i]!.length === 0 && (files[i]!.downRevisions?.length ?? 0) === 1,
    }));
  const realHeadIds = unique(all.filter((i) => isRealHead[i]).map((i) => ids[i]!));
  const history = historyOrder(nodes, realHeadIds, inCycle);
  const historyLines = history.map((id) => historyLine(revisions[owner.get(id)!]!));

  // Heads are only counted in a sound graph, and not above a revision whose parents are unknown.
  const broken = diagnostics.some((d) => d.severity === 'error');
  const aboveUnknown = broken ? null : descendants(all.filter((i) => isOwner[i] && files[i]!.downRevisions === null), children);
  const liveHeads = aboveUnknown === null ? [] : realHeadIds.filter((id) => !inCycle.has(id) && !aboveUnknown[owner.get(id)!]);
  if (liveHeads.length >= 2) {
    const headLabels = liveHeads.map((id) => labels[owner.get(id)!]!);
    const ownLabel = headLabels.every((mine, k) => mine.some((l) => headLabels.every((other, m) => m === k || !other.includes(l))));
    const list = liveHeads.join(', ');
    if (ownLabel) report(null, 'migration/multiple-heads', 'info', `${liveHeads.length} heads (${list}), each on its own branch label; use 'alembic upgrade heads' (not 'head')`);
    else report(null, 'migration/multiple-heads', 'warning', `${liveHeads.length} unmerged heads (${list}): 'alembic upgrade head' fails; run 'alembic merge heads' or give each lineage a branch label`);
  }

  const sorted = (pred: (i: number) => boolean): string[] => unique(all.filter(pred).map((i) => ids[i]!)).sort(compareCodePoints);
  return {
    revisions,
    heads: sorted((i) => isHead[i]!),
    bases: sorted((i) => isBase[i]!),
    branchPoints: sorted((i) => isBranchPoint[i]!),
    mergePoints: sorted((i) => isMergePoint[i]!),
    history,
    historyLines,
    diagnostics,
  };
}

/** Marks the nodes reachable from `start` through `children` (the start nodes included). */
function descendants(start: number[], children: number[][]): Uint8Array {
  const seen = new Uint8Array(children.length);
  const todo = [...start];
  while (todo.length) {
    const i = todo.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    for (const c of children[i]!) todo.push(c);
  }
  return seen;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
