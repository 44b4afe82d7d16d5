// Branch lanes for the migration timeline, like `git log --graph`: each revision gets a column;
// a branch point fans out into columns, a merge joins them. Computed once per environment in
// history order (newest first); each row says what to draw in its own strip, so a page can draw
// the graph row by row without client script.

export interface LaneEdge {
  /** Column at the top of the row (incoming) or at the node (outgoing). */
  from: number;
  to: number;
}

export interface LaneRow {
  revision: string;
  /** Column of this revision's node. */
  node: number;
  /** Columns drawn in this row (widest of before and after). */
  width: number;
  /** Children's lanes that end in this node (from their column at the top to the node). */
  incoming: LaneEdge[];
  /** Lanes to the parents (from the node to the parent's column at the bottom). */
  outgoing: LaneEdge[];
  /** Lanes of other revisions that pass by (from their column at the top to their column at the bottom). */
  through: LaneEdge[];
  /** Columns that continue below this row. */
  after: number[];
}

export interface LaneInput {
  revision: string;
  /** Parents (down revisions). Parents that are not in the history are not drawn. */
  parents: string[];
}

/** Lanes for revisions given newest first (each revision once). */
export function layoutLanes(rows: LaneInput[]): LaneRow[] {
  const present = new Set(rows.map((r) => r.revision));
  const lanes: (string | null)[] = [];
  const free = (): number => {
    const i = lanes.indexOf(null);
    return i < 0 ? lanes.length : i;
  };
  const out: LaneRow[] = [];
  for (const row of rows) {
    const before = lanes.slice();
    const incomingCols: number[] = [];
    before.forEach((awaited, c) => {
      if (awaited === row.revision) incomingCols.push(c);
    });
    const node = incomingCols.length ? incomingCols[0]! : free();
    for (const c of incomingCols) lanes[c] = null;
    lanes[node] = null;
    const moved = new Map<number, number>();
    const outgoing: LaneEdge[] = [];
    const parents = [...new Set(row.parents.filter((p) => present.has(p) && p !== row.revision))];
    parents.forEach((p, i) => {
      const existing = lanes.indexOf(p);
      if (existing > node && i === 0 && lanes[node] === null) {
        // The first parent is already awaited further right: pull that lane into this column, so
        // the main line does not drift to the right.
        lanes[existing] = null;
        lanes[node] = p;
        moved.set(existing, node);
        outgoing.push({ from: node, to: node });
      } else if (existing >= 0) outgoing.push({ from: node, to: existing });
      else {
        const col = i === 0 && lanes[node] === null ? node : free();
        lanes[col] = p;
        outgoing.push({ from: node, to: col });
      }
    });
    const through: LaneEdge[] = [];
    before.forEach((awaited, c) => {
      if (awaited !== null && awaited !== row.revision) through.push({ from: c, to: moved.get(c) ?? c });
    });
    while (lanes.length && lanes[lanes.length - 1] === null) lanes.pop();
    const after: number[] = [];
    lanes.forEach((awaited, c) => {
      if (awaited !== null) after.push(c);
    });
    const width = Math.max(before.length, lanes.length, node + 1, ...outgoing.map((e) => e.to + 1));
    out.push({
      revision: row.revision,
      node,
      width,
      incoming: incomingCols.map((c) => ({ from: c, to: node })),
      outgoing,
      through,
      after,
    });
  }
  return out;
}
