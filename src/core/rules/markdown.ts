// Markdown parsing and the small text helpers the rules reader needs on top of mdast.

import { createRequire } from 'node:module';
import type { Nodes, Root } from 'mdast';

// remark is loaded on first use: with a warm parse cache no rules file is parsed, and loading it
// is a tenth of a warm `lore check`. (Node loads these ES modules synchronously through require.)
const require = createRequire(import.meta.url);
let processor: { parse(source: string): Root } | null = null;

export function parseMarkdown(source: string): Root {
  processor ??= createProcessor();
  return processor.parse(source);
}

function createProcessor(): { parse(source: string): Root } {
  const { unified } = require('unified') as typeof import('unified');
  const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
  const remarkGfm = (require('remark-gfm') as typeof import('remark-gfm')).default;
  return unified().use(remarkParse).use(remarkGfm).freeze();
}

/** Plain text of a node: inline code kept in backticks, emphasis/links reduced to their text, whitespace collapsed. */
export function plainText(node: Nodes): string {
  return collect(node).replace(/\s+/g, ' ').trim();
}

function collect(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
      return '`' + node.value + '`';
    case 'break':
      return ' ';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
    case 'footnoteReference':
      return '';
    default:
      if ('children' in node) return (node.children as Nodes[]).map(collect).join('');
      return 'value' in node && typeof node.value === 'string' ? node.value : '';
  }
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

/** Drops leading blank lines and trailing whitespace (keeps the indentation of the first real line). */
export function trimBlock(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');
}

const abbreviations = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'approx', 'incl', 'resp']);

/** The first sentence of a line of plain text, without its final period. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s|$)/g;
  for (let m = end.exec(flat); m; m = end.exec(flat)) {
    const before = flat.slice(0, m.index);
    if (countBackticks(before) % 2 === 1) continue; // inside inline code
    const word = (before.split(' ').pop() ?? '').replace(/^[(*_"'`]+/, '').toLowerCase();
    if (abbreviations.has(word)) continue;
    if (m.index + 1 < flat.length) return m[0] === '.' ? before : flat.slice(0, m.index + 1);
  }
  return flat.replace(/\.$/, '');
}

function countBackticks(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '`') n++;
  return n;
}
