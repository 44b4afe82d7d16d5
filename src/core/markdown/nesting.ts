// Guards for the full markdown parser (remark). Its cost grows with the product of lines and
// open block containers, and the mdast walkers recurse: a file nesting thousands of quotes or
// list items would take minutes or overflow the stack. Real documents nest a handful of levels.
import type { Nodes, Root } from 'mdast';

/** Deepest block nesting (quotes, list items, indentation) a line may have before it is skipped. */
export const MAX_LINE_NESTING = 32;
/** Deepest mdast tree kept; deeper children are dropped. */
export const MAX_TREE_DEPTH = 256;

export interface LimitedText {
  /** The text with every too-deep line blanked (same length, so offsets and lines still match). */
  text: string;
  /** 0-based indexes of the blanked lines. */
  lines: number[];
}

/** Blanks every line whose container prefix nests deeper than `max` levels. */
export function limitLineNesting(text: string, max = MAX_LINE_NESTING): LimitedText {
  const lines = tooDeepLines(text, max);
  if (lines.length === 0) return { text, lines };
  const deep = new Set(lines);
  const parts = text.split('\n').map((line, i) => (deep.has(i) ? ' '.repeat(line.length) : line));
  return { text: parts.join('\n'), lines };
}

/** 0-based indexes of the lines whose container prefix nests deeper than `max` levels. */
export function tooDeepLines(text: string, max = MAX_LINE_NESTING): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.length > max && nestingOf(line) > max) lines.push(i);
  });
  return lines;
}

/**
 * The warning for a file with too-deep lines (`lines` are 1-based file lines), or null.
 * `skipped`: the reader left those lines out (else they are only slow to render).
 */
export function tooDeepMessage(lines: number[], skipped = true): { line: number; message: string } | null {
  if (lines.length === 0) return null;
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more line${lines.length > 2 ? 's' : ''})` : '';
  const consequence = skipped ? 'Lore skips what is nested that deep' : 'markdown renderers slow to a crawl on such nesting';
  return {
    line: lines.reduce((a, b) => Math.min(a, b)),
    message: `Quotes or lists nest more than ${MAX_LINE_NESTING} levels deep here${more}; ${consequence}. Flatten the nesting.`,
  };
}

/**
 * A generous estimate of the containers a line's prefix opens: one per `>` or list marker, and
 * one per two columns of indentation (list items nested by indentation).
 */
export function nestingOf(line: string): number {
  let depth = 0;
  let columns = 0;
  let at = 0;
  for (;;) {
    while (at < line.length && (line[at] === ' ' || line[at] === '\t')) {
      columns += line[at] === '\t' ? 4 - (columns % 4) : 1;
      at++;
    }
    if (line[at] === '>') {
      depth++;
      at++;
    } else {
      const marker = /^(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(at, at + 11));
      if (!marker) break;
      depth++;
      at += marker[0].length;
    }
    // The space that follows a marker belongs to it; more is indentation.
    if (line[at] === ' ') at++;
  }
  return depth + Math.floor(columns / 2);
}

/** Drops the children of nodes deeper than `max`; returns the 1-based lines where that happened. */
export function pruneDeepNodes(root: Root, max = MAX_TREE_DEPTH): number[] {
  const lines: number[] = [];
  const stack: { node: Nodes; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!('children' in node) || node.children.length === 0) continue;
    if (depth >= max) {
      lines.push(node.position?.start.line ?? 1);
      (node as { children: Nodes[] }).children = [];
      continue;
    }
    for (const child of node.children as Nodes[]) stack.push({ node: child, depth: depth + 1 });
  }
  return lines.sort((a, b) => a - b);
}

/**
 * Most emphasis, link and code-span markers one paragraph may hold before they are blanked.
 * remark resolves them in time that grows with the square of their number (a paragraph of
 * 10,000 nested `*` takes seconds, of 100,000 hours); real prose holds a few dozen.
 */
export const MAX_INLINE_MARKERS = 1000;

const MARKERS = new Set(['*', '_', '[', ']', '`', '<']);

export interface LimitedMarkers extends LimitedText {
  /** The largest number of markers found in one blanked paragraph. */
  most: number;
}

/**
 * Blanks the markers of every paragraph (a run of non-blank lines outside fenced code) that has
 * more than `max` of them. Same length out as in, so offsets and lines still match.
 */
export function limitInlineMarkers(text: string, codeLines: ReadonlySet<number>, max = MAX_INLINE_MARKERS): LimitedMarkers {
  const lines = text.split('\n');
  const blanked: number[] = [];
  let most = 0;
  let start = 0;
  const flush = (end: number): void => {
    let count = 0;
    for (let i = start; i < end; i++) for (const ch of lines[i]!) if (MARKERS.has(ch)) count++;
    if (count > max) {
      blanked.push(start);
      most = Math.max(most, count);
      for (let i = start; i < end; i++) lines[i] = lines[i]!.replace(/[*_[\]`<]/g, ' ');
    }
  };
  for (let i = 0; i <= lines.length; i++) {
    const boundary = i === lines.length || codeLines.has(i) || lines[i]!.trim() === '';
    if (!boundary) continue;
    if (i > start) flush(i);
    start = i + 1;
  }
  return blanked.length ? { text: lines.join('\n'), lines: blanked, most } : { text, lines: [], most: 0 };
}
