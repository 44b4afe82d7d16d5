// YAML front matter, read as text: scalars stay strings (`0042`, `2024-02-12`), never numbers or dates.

import { parseDocument, isAlias, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../model.ts';
import { lineAt } from '../text.ts';
import { normalizeKey } from './keys.ts';

export type FrontMatterValue = string | null | FrontMatterValue[] | { [key: string]: FrontMatterValue };

export interface FrontMatterEntry {
  /** Key as written. */
  key: string;
  value: FrontMatterValue;
  /** 1-based file line of the key. */
  line: number;
}

export interface FrontMatterResult {
  /** Entries by normalized key (first one wins); empty when absent or unusable. */
  entries: Map<string, FrontMatterEntry>;
  /** True when the file has a closed `---` block (even one whose YAML is broken). */
  present: boolean;
  /** Markdown after the front matter. */
  body: string;
  /** 1-based file line where `body` starts. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);

/**
 * `text` must already be BOM-free with LF line ends. `code` is the diagnostic code for unusable
 * front matter (`adr/bad-front-matter`, `doc/bad-front-matter`, …).
 */
export function readFrontMatter(text: string, file: string, code = 'adr/bad-front-matter'): FrontMatterResult {
  const lines = text.split('\n');
  const none = (diagnostics: Diagnostic[] = []): FrontMatterResult => ({
    entries: new Map(),
    present: false,
    body: text,
    bodyLine: 1,
    diagnostics,
  });
  if (!OPEN.test(lines[0] ?? '')) return none();
  const close = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (close < 0) {
    return none([
      warn(code, file, 1, 'The file starts with `---` but the front matter is never closed; add a closing `---` line (or remove the first one).'),
    ]);
  }
  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const result: FrontMatterResult = { entries: new Map(), present: true, body, bodyLine: close + 2, diagnostics: [] };

  const doc = parseDocument(yamlText, { schema: 'failsafe', uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos ? error.linePos[0].line + 1 : 1;
    const firstLine = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    result.diagnostics.push(warn(code, file, line, `Front matter is not valid YAML (${firstLine}); it was ignored. Fix the YAML.`));
    return result;
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && NULL_WORDS.has(String(contents.value)))) return result;
  if (!isMap(contents)) {
    result.diagnostics.push(warn(code, file, 2, 'Front matter is not a mapping of `key: value` lines; it was ignored.'));
    return result;
  }
  // Aliases can expand exponentially (`b: [*a, *a, …]`, `c: [*b, *b, …]`): cap the nodes read.
  const budget = { left: MAX_NODES };
  for (const item of contents.items) {
    const keyNode = item.key as YamlNode | null;
    const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : null;
    if (key === null) continue;
    const normalized = normalizeKey(key);
    if (result.entries.has(normalized)) continue;
    const offset = keyNode?.range?.[0] ?? 0;
    const line = lineAt(yamlText, offset) + 1;
    const value = toText(item.value as YamlNode | null, doc, 0, budget);
    if (budget.left < 0) {
      result.diagnostics.push(warn(code, file, line, `Front matter aliases expand to more than ${MAX_NODES} values from here on; the rest was ignored. Write the values out instead of nesting aliases.`));
      break;
    }
    result.entries.set(normalized, { key, value, line });
  }
  return result;
}

const MAX_NODES = 10_000;

function toText(node: YamlNode | null, doc: Document, depth: number, budget: { left: number }): FrontMatterValue {
  if (node === null || depth > 50 || --budget.left < 0) return null;
  if (isAlias(node)) return toText((node.resolve(doc) as YamlNode | undefined) ?? null, doc, depth + 1, budget);
  if (isScalar(node)) {
    const value = String(node.value);
    if (node.type === Scalar.PLAIN && NULL_WORDS.has(value)) return null;
    return value;
  }
  if (isSeq(node)) {
    const out: FrontMatterValue[] = [];
    for (const n of node.items) {
      if (budget.left < 0) break;
      out.push(toText(n as YamlNode | null, doc, depth + 1, budget));
    }
    return out;
  }
  if (isMap(node)) {
    const out: { [key: string]: FrontMatterValue } = {};
    for (const item of node.items) {
      if (budget.left < 0) break;
      const k = item.key as YamlNode | null;
      if (k && isScalar(k)) out[String(k.value)] = toText(item.value as YamlNode | null, doc, depth + 1, budget);
    }
    return out;
  }
  return null;
}

function warn(code: string, path: string, line: number, message: string): Diagnostic {
  return { code, severity: 'warning', path, line, message };
}

/** A non-empty string value (trimmed), with its line. */
export function frontMatterText(
  entries: Map<string, FrontMatterEntry>,
  key: string,
): { value: string; line: number } | null {
  const entry = entries.get(key);
  if (!entry || typeof entry.value !== 'string') return null;
  const value = entry.value.trim();
  return value === '' ? null : { value, line: entry.line };
}

/** A string or a list of strings (other items dropped), with its line. */
export function frontMatterList(
  entries: Map<string, FrontMatterEntry>,
  key: string,
): { value: string | string[]; line: number } | null {
  const entry = entries.get(key);
  if (!entry) return null;
  if (typeof entry.value === 'string') return { value: entry.value, line: entry.line };
  if (Array.isArray(entry.value)) {
    return { value: entry.value.filter((v): v is string => typeof v === 'string'), line: entry.line };
  }
  return null;
}
