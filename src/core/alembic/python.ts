// A parsed Python module (via @lezer/python) and small helpers over its syntax tree.

import { parser } from '@lezer/python';
import type { SyntaxNode, SyntaxNodeRef, Tree } from '@lezer/common';
import { decodeStringLiteral, splitStringLiteral } from './pystring.ts';

export type { SyntaxNode };

export interface PyModule {
  text: string;
  tree: Tree;
  top: SyntaxNode;
  /** Offsets at which each line starts (index 0 = line 1). */
  lineStarts: number[];
}

export function parsePython(text: string): PyModule {
  const tree = parser.parse(text);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return { text, tree, top: tree.topNode, lineStarts };
}

/** 1-based line of an offset. */
export function lineOf(mod: PyModule, pos: number): number {
  let lo = 0;
  let hi = mod.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (mod.lineStarts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function src(mod: PyModule, node: SyntaxNode): string {
  return mod.text.slice(node.from, node.to);
}

/** Source text of a run of sibling nodes (first.from … last.to). */
export function spanText(mod: PyModule, nodes: readonly SyntaxNode[]): string {
  if (nodes.length === 0) return '';
  return mod.text.slice(nodes[0]!.from, nodes[nodes.length - 1]!.to);
}

/** All children, comments left out. */
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

const BRACKETS = new Set(['(', ')', '[', ']', '{', '}']);

/** Comma-separated items of a bracketed node (ArgList, TupleExpression, …), brackets dropped. */
export function commaItems(node: SyntaxNode): SyntaxNode[][] {
  return splitOnCommas(children(node).filter((c) => !BRACKETS.has(c.name)));
}

export function splitOnCommas(nodes: readonly SyntaxNode[]): SyntaxNode[][] {
  const items: SyntaxNode[][] = [];
  let current: SyntaxNode[] = [];
  for (const n of nodes) {
    if (n.name === ',') {
      items.push(current);
      current = [];
    } else current.push(n);
  }
  if (current.length > 0) items.push(current);
  return items;
}

/** Module-level statements, with `a; b` groups flattened. */
export function moduleStatements(mod: PyModule): SyntaxNode[] {
  return flattenGroups(children(mod.top));
}

/** Statements directly inside a `Body` (or a list of statements), groups flattened. */
export function bodyStatements(body: SyntaxNode): SyntaxNode[] {
  return flattenGroups(children(body).filter((c) => c.name !== ':'));
}

function flattenGroups(nodes: SyntaxNode[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const n of nodes) {
    if (n.name === 'StatementGroup') out.push(...children(n).filter((c) => c.name !== ';'));
    else out.push(n);
  }
  return out;
}

/** Depth-first walk in source order; return false from `enter` to skip a node's children. */
export function walk(node: SyntaxNode, enter: (n: SyntaxNode) => boolean | void): void {
  if (enter(node) === false) return;
  for (let c = node.firstChild; c; c = c.nextSibling) walk(c, enter);
}

/** Inner expression of `( x )`, unwrapping nested parentheses. */
export function unparen(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.name === 'ParenthesizedExpression') {
    const inner = children(n).filter((c) => !BRACKETS.has(c.name));
    if (inner.length !== 1) break;
    n = inner[0]!;
  }
  return n;
}

/** The literal pieces of a string expression (`"a"`, `"a" "b"`, `("a")`), or null. */
export function stringPieces(node: SyntaxNode): SyntaxNode[] | null {
  const n = unparen(node);
  if (n.name === 'String' || n.name === 'FormatString') return [n];
  if (n.name === 'ContinuedString') return children(n);
  return null;
}

/** Value of a `str` literal expression (implicit concatenation included); null otherwise. */
export function stringValue(mod: PyModule, node: SyntaxNode): string | null {
  const pieces = stringPieces(node);
  if (!pieces) return null;
  let out = '';
  for (const piece of pieces) {
    const value = decodeStringLiteral(src(mod, piece));
    if (value === null) return null;
    out += value;
  }
  return out;
}

/** `a.b.c` for a dotted name made only of names and attributes; null otherwise. */
export function dottedName(mod: PyModule, node: SyntaxNode): string | null {
  if (node.name === 'VariableName') return src(mod, node);
  if (node.name !== 'MemberExpression') return null;
  const parts = children(node);
  const prop = parts[parts.length - 1];
  if (parts.length !== 3 || parts[1]!.name !== '.' || prop?.name !== 'PropertyName') return null;
  const base = dottedName(mod, parts[0]!);
  return base === null ? null : `${base}.${src(mod, prop)}`;
}

export interface CallParts {
  callee: SyntaxNode;
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** Keyword arguments in written order (`**x` as key `**`, `*x` is left out). */
  keywordList: { name: string; value: SyntaxNode }[];
  /** Whether `*args` appears (positional indexes after it are not reliable). */
  starred: boolean;
}

/** Arguments of a call expression, or null when `node` is not a call. */
export function readCall(mod: PyModule, node: SyntaxNode): CallParts | null {
  if (node.name !== 'CallExpression') return null;
  const callee = node.firstChild;
  const args = node.lastChild;
  if (!callee || !args || args.name !== 'ArgList') return null;
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const keywordList: { name: string; value: SyntaxNode }[] = [];
  let starred = false;
  for (const item of commaItems(args)) {
    const first = item[0];
    if (!first) continue;
    if (first.name === '*') {
      starred = true;
    } else if (first.name === '**') {
      if (item[1]) keywordList.push({ name: '**', value: item[1] });
    } else if (item.length >= 3 && first.name === 'VariableName' && item[1]!.name === 'AssignOp') {
      const name = src(mod, first);
      keywordList.push({ name, value: item[2]! });
      keywords.set(name, item[2]!);
    } else if (!starred) {
      positional.push(first);
    }
  }
  return { callee, positional, keywords, keywordList, starred };
}

/** Last segment of a call's callee (`sa.Column(...)` → `Column`), or null. */
export function calleeTail(mod: PyModule, call: SyntaxNode): string | null {
  const callee = call.firstChild;
  if (!callee) return null;
  if (callee.name === 'VariableName') return src(mod, callee);
  if (callee.name === 'MemberExpression' && callee.lastChild?.name === 'PropertyName') return src(mod, callee.lastChild);
  return null;
}

export interface SyntaxProblem {
  line: number;
  what: string;
}

/** The first place CPython would reject as a syntax error, or null. */
export function firstSyntaxError(mod: PyModule): SyntaxProblem | null {
  let best: { pos: number; what: string } | null = null;
  const note = (pos: number, what: string): void => {
    if (!best || pos < best.pos) best = { pos, what };
  };
  // Python's indentation stack: a dedent must return to a column some enclosing block used.
  const indents: [number, number][] = [[0, 0]];
  // Parent names kept on a stack: asking each node for its parent would materialise every node.
  const stack: string[] = [];
  mod.tree.iterate({
    enter: (ref) => {
      if (best && ref.from > best.pos) return false;
      const descend = visit(ref);
      if (descend !== false) stack.push(ref.name);
      return descend;
    },
    leave: () => {
      stack.pop();
    },
  });
  function visit(ref: SyntaxNodeRef): boolean | void {
    const parent = stack[stack.length - 1];
    if ((parent === 'Script' || parent === 'Body') && !ref.type.isError && ref.name !== ':' && ref.name !== 'Comment') {
      const indent = lineIndent(mod.text, ref.from);
      if (indent !== null) {
        let prev = ref.node.prevSibling;
        while (prev?.name === 'Comment') prev = prev.prevSibling;
        const opensBlock = parent === 'Body' && prev?.name === ':';
        const [column, alt] = indent;
        const top = indents[indents.length - 1]!;
        // CPython measures with tabs of 8 and of 1 column; both must tell the same story.
        const tabError = (other: number): boolean => (column > top[0]) !== (alt > other) || (column === top[0]) !== (alt === other);
        if (column > top[0] || alt > top[1]) {
          if (tabError(top[1])) note(ref.from, 'inconsistent use of tabs and spaces in indentation');
          else if (opensBlock) indents.push(indent);
          else note(ref.from, 'unexpected indent');
        } else {
          while (column < indents[indents.length - 1]![0]) indents.pop();
          const back = indents[indents.length - 1]!;
          if (column !== back[0]) note(ref.from, 'unindent does not match any outer indentation level');
          else if (alt !== back[1]) note(ref.from, 'inconsistent use of tabs and spaces in indentation');
        }
      }
    }
    if (ref.type.isError) {
      if (!insideParenthesizedWith(mod, ref.node)) {
        // Inside an unclosed bracket, newlines do not end statements: the parser stumbles lines
        // later. Python names the bracket, and so does lore.
        const open = unclosedBracket(ref.node);
        if (open && lineOf(mod, open.from) < lineOf(mod, ref.from)) note(open.from, `'${mod.text[open.from]}' was never closed`);
        else note(ref.from, 'invalid syntax');
      }
      return false;
    }
    switch (ref.name) {
      case 'String':
      case 'FormatString': {
        const parts = splitStringLiteral(src(mod, ref.node));
        if (!parts || !parts.terminated) note(ref.from, 'unterminated string literal');
        return ref.name === 'FormatString';
      }
      case 'ContinuedString': {
        const kinds = new Set(children(ref.node).map((p) => splitStringLiteral(src(mod, p))?.bytes ?? false));
        if (kinds.size > 1) note(ref.from, 'cannot mix bytes and nonbytes literals');
        return true;
      }
      case 'PrintStatement':
        note(ref.from, 'Python 2 print statement');
        return false;
      case 'CompareOp':
        if (src(mod, ref.node) === '<>') note(ref.from, 'Python 2 `<>` operator');
        return false;
      case 'Number':
        if (/^0[0-9_]*[1-9][0-9_]*$/.test(src(mod, ref.node))) note(ref.from, 'Python 2 octal literal');
        return false;
      case 'TryStatement':
        checkPython2Except(ref.node, note);
        return true;
      default:
        return true;
    }
  }
  const found = best as { pos: number; what: string } | null;
  return found ? { line: lineOf(mod, found.pos), what: found.what } : null;
}

function checkPython2Except(node: SyntaxNode, note: (pos: number, what: string) => void): void {
  const parts = children(node);
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]!.name !== 'except') continue;
    if (parts[i + 2]?.name === ',') note(parts[i + 2]!.from, 'Python 2 `except X, e` syntax');
  }
}

/** Indentation width with tabs to multiples of 8 and with tabs as 1 column, when `pos` starts its line; else null. */
function lineIndent(text: string, pos: number): [number, number] | null {
  let column = 0;
  let alt = 0;
  for (let i = text.lastIndexOf('\n', pos - 1) + 1; i < pos; i++) {
    const c = text[i];
    if (c === ' ') {
      column++;
      alt++;
    } else if (c === '\t') {
      column += 8 - (column % 8);
      alt++;
    } else if (c === '\f') column = alt = 0;
    else return null;
  }
  return [column, alt];
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The innermost bracketed node around `node` that lacks its closing bracket. */
function unclosedBracket(node: SyntaxNode): SyntaxNode | null {
  for (let p: SyntaxNode | null = node.parent; p; p = p.parent) {
    const first = p.firstChild;
    const closer = first ? CLOSING[first.name] : undefined;
    if (closer === undefined || first!.from !== p.from) continue;
    if (p.lastChild?.name !== closer) return p;
  }
  return null;
}

// `with (a as b, c as d):` is valid since Python 3.10 but lezer's grammar does not know it.
function insideParenthesizedWith(mod: PyModule, node: SyntaxNode): boolean {
  for (let p: SyntaxNode | null = node.parent; p; p = p.parent) {
    if (p.name === 'Body') return false;
    if (p.name === 'WithStatement') {
      const body = p.getChild('Body');
      const header = mod.text.slice(p.from, body ? body.from : p.to);
      return /^(?:async\s+)?with\s*\(/.test(header) && (!body || node.to <= body.from);
    }
  }
  return false;
}
