// The heading outline of a markdown body: each top-level heading with its section range and path.

import type { Heading, Root } from 'mdast';
import { endOffset, plainText, startOffset } from './markdown.ts';

export interface OutlineHeading {
  node: Heading;
  depth: number;
  title: string;
  /** Offset of the heading itself. */
  start: number;
  /** Offset where the section body starts (end of the heading line). */
  bodyStart: number;
  /** Offset of the next heading of the same or a higher level, or the end of the source. */
  end: number;
  /** Titles of the level ≥ 2 headings above this one (the file's H1 is the file title, not a section). */
  path: string[];
  hasSubheadings: boolean;
}

export function outline(root: Root, source: string): OutlineHeading[] {
  const headings: OutlineHeading[] = [];
  const stack: OutlineHeading[] = [];
  for (const node of root.children) {
    if (node.type !== 'heading') continue;
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
    const heading: OutlineHeading = {
      node,
      depth: node.depth,
      title: plainText(node),
      start: startOffset(node),
      bodyStart: endOffset(node),
      end: source.length,
      path: stack.filter((h) => h.depth >= 2).map((h) => h.title),
      hasSubheadings: false,
    };
    headings.push(heading);
    stack.push(heading);
  }
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    for (let j = i + 1; j < headings.length; j++) {
      const next = headings[j]!;
      if (next.depth <= h.depth) {
        h.end = next.start;
        break;
      }
      h.hasSubheadings = true;
    }
  }
  return headings;
}

/** The section path of content at `offset`: the path of the nearest heading above it, plus that heading. */
export function sectionAt(headings: OutlineHeading[], offset: number): string[] {
  let current: OutlineHeading | null = null;
  for (const h of headings) {
    if (h.start > offset) break;
    current = h;
  }
  if (current === null) return [];
  return current.depth >= 2 ? [...current.path, current.title] : [...current.path];
}
