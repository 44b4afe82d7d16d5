// A unified line diff (Myers' O(ND) algorithm), for `lore bundle --check`.

export interface Edit {
  op: ' ' | '-' | '+';
  line: string;
}

/** Above this many differences the diff is reported as a whole replacement (keeps memory bounded). */
const MAX_D = 2000;

export function diffLines(a: string[], b: string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: Edit[] = a.slice(0, start).map((line) => ({ op: ' ', line }));
  const tail: Edit[] = a.slice(endA).map((line) => ({ op: ' ', line }));
  return [...head, ...middle(a.slice(start, endA), b.slice(start, endB)), ...tail];
}

function middle(a: string[], b: string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((line) => ({ op: '+', line }));
  if (m === 0) return a.map((line) => ({ op: '-', line }));
  const max = Math.min(n + m, MAX_D);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d]: V before step d, diagonals k = -d-1 … d+1 stored at k + d + 1.
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
  }
  if (found < 0) return [...a.map((line): Edit => ({ op: '-', line })), ...b.map((line): Edit => ({ op: '+', line }))];
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const snap = trace[d]!;
    const get = (k: number): number => snap[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && get(k - 1) < get(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = get(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ op: ' ', line: a[x - 1]! });
      x--;
      y--;
    }
    if (down) edits.push({ op: '+', line: b[y - 1]! });
    else edits.push({ op: '-', line: a[x - 1]! });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    edits.push({ op: ' ', line: a[x - 1]! });
    x--;
    y--;
  }
  return edits.reverse();
}

const NO_NEWLINE = '\u0000';

/** Lines of a text; a last line without a newline carries a marker so that `x` and `x\n` differ. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  else lines[lines.length - 1] += NO_NEWLINE;
  return lines;
}

/** A unified diff from `oldText` to `newText` (`''` when equal); `oldText` null means the file is missing. */
export function unifiedDiff(oldText: string | null, newText: string, oldLabel: string, newLabel: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText ?? '');
  const b = splitLines(newText);
  const edits = diffLines(a, b);
  const out = [`--- ${oldText === null ? '/dev/null' : oldLabel}`, `+++ ${newLabel}`];
  // Positions (0-based) in old and new before each edit.
  const pos: { i: number; j: number }[] = [];
  let i = 0;
  let j = 0;
  for (const e of edits) {
    pos.push({ i, j });
    if (e.op !== '+') i++;
    if (e.op !== '-') j++;
  }
  const changed = edits.map((e, n) => (e.op !== ' ' ? n : -1)).filter((n) => n >= 0);
  let h = 0;
  while (h < changed.length) {
    const first = changed[h]!;
    let last = first;
    while (h + 1 < changed.length && changed[h + 1]! - last <= 2 * context + 1) last = changed[++h]!;
    h++;
    const from = Math.max(0, first - context);
    const to = Math.min(edits.length - 1, last + context);
    const slice = edits.slice(from, to + 1);
    const oldLen = slice.filter((e) => e.op !== '+').length;
    const newLen = slice.filter((e) => e.op !== '-').length;
    const oldStart = oldLen === 0 ? pos[from]!.i : pos[from]!.i + 1;
    const newStart = newLen === 0 ? pos[from]!.j : pos[from]!.j + 1;
    out.push(`@@ -${oldStart},${oldLen} +${newStart},${newLen} @@`);
    for (const e of slice) {
      if (e.line.endsWith(NO_NEWLINE)) out.push(`${e.op}${e.line.slice(0, -1)}`, '\\ No newline at end of file');
      else out.push(`${e.op}${e.line}`);
    }
  }
  return `${out.join('\n')}\n`;
}
