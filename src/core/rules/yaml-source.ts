// Safe YAML parsing with file line numbers: core schema (no timestamps, no `yes`/`no` booleans),
// bounded aliases, no custom tags, errors returned instead of thrown.

import { LineCounter, parseDocument, isScalar } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';

export interface YamlSource {
  doc: Document.Parsed;
  /** File line (1-based) of an offset inside the YAML text. */
  lineOf: (offset: number) => number;
  errors: { line: number; message: string }[];
}

const MAX_ALIASES = 50;

/** `firstLine` is the file line of the YAML text's first line. */
export function parseYaml(text: string, firstLine: number): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: counter,
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const lineOf = (offset: number): number => counter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((e) => ({ line: lineOf(e.pos[0]), message: firstLineOf(e.message) }));
  return { doc, lineOf, errors };
}

/** Converts a YAML node to plain JS; unresolvable aliases or alias bombs yield `{ error }`. */
export function toPlain(node: unknown, doc: Document.Parsed): { value: unknown } | { error: string } {
  try {
    if (node === null || node === undefined) return { value: null };
    const yamlNode = node as YamlNode;
    if (typeof (yamlNode as { toJS?: unknown }).toJS !== 'function') return { value: node };
    return { value: yamlNode.toJS(doc, { maxAliasCount: MAX_ALIASES }) };
  } catch (e) {
    return { error: firstLineOf(e instanceof Error ? e.message : String(e)) };
  }
}

/** A scalar as the text that was written (`1.10` stays `1.10`), or null for non-scalars. */
export function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  if (node.value === null || node.value === undefined) return null;
  if (typeof node.value === 'string') return node.value;
  return typeof node.source === 'string' ? node.source : String(node.value);
}

export function nodeLine(node: unknown, lineOf: (offset: number) => number): number | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lineOf(range[0]) : null;
}

function firstLineOf(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}
