// Comparing two output folders file by file, and saying briefly where they first differ.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const clip = (s: string, n = 160): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Every file below `dir`, relative with `/`, sorted by code point. */
export function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(relative(dir, abs).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/** Where two files first differ, with a few lines (or bytes) of context: short enough to read. */
export function firstDifference(path: string, a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const textual = !a.subarray(0, 4096).includes(0) && !b.subarray(0, 4096).includes(0) && !(a[0] === 0x1f && a[1] === 0x8b);
  if (!textual) {
    const hex = (x: Buffer): string => x.subarray(Math.max(0, i - 8), i + 24).toString('hex');
    return `${path}: first differs at byte ${i} (sizes ${a.length} / ${b.length})\n  A …${hex(a)}…\n  B …${hex(b)}…`;
  }
  const la = a.toString('utf8').split('\n');
  const lb = b.toString('utf8').split('\n');
  let line = 0;
  while (line < la.length && line < lb.length && la[line] === lb[line]) line++;
  // The differing line is shown from a little before its first differing character.
  const from = Math.max(0, commonPrefix(la[line] ?? '', lb[line] ?? '') - 60);
  const show = (lines: string[], mark: string): string =>
    lines
      .slice(Math.max(0, line - 2), line + 3)
      .map((l, j) => {
        const n = Math.max(0, line - 2) + j;
        return `  ${mark}${n + 1}: ${n === line && from > 0 ? `…${clip(l.slice(from))}` : clip(l)}`;
      })
      .join('\n');
  return `${path}: first differs at line ${line + 1}\n${show(la, 'A ')}\n${show(lb, 'B ')}`;
}

function commonPrefix(x: string, y: string): number {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

/** Null when the two folders hold the same files with the same bytes; else the first difference. */
export function compareTrees(a: string, b: string): string | null {
  const fa = tree(a);
  const fb = tree(b);
  const onlyA = fa.filter((f) => !fb.includes(f));
  const onlyB = fb.filter((f) => !fa.includes(f));
  if (onlyA.length || onlyB.length) return `file lists differ: only in A: ${clip(onlyA.join(', '), 600) || '-'}; only in B: ${clip(onlyB.join(', '), 600) || '-'}`;
  for (const f of fa) {
    const x = readFileSync(join(a, f));
    const y = readFileSync(join(b, f));
    if (!x.equals(y)) return firstDifference(f, x, y);
  }
  return null;
}
