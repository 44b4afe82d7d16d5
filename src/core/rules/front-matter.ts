// Splitting a rules file into YAML front matter and markdown body, and reading the front matter keys.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../model.ts';
import { nodeLine, parseYaml, scalarText } from './yaml-source.ts';

export interface SplitMarkdown {
  /** YAML text between the fences, or null when the file has no front matter. */
  yaml: string | null;
  body: string;
  /** Number of file lines before the body (front matter and its fences). */
  bodyOffset: number;
  /** Set when the file opens a front matter block that is never closed. */
  unclosed: boolean;
}

export function splitFrontMatter(text: string): SplitMarkdown {
  const none: SplitMarkdown = { yaml: null, body: text, bodyOffset: 0, unclosed: false };
  if (!/^---[ \t]*(\n|$)/.test(text)) return none;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i] ?? '')) {
      return {
        yaml: lines.slice(1, i).join('\n'),
        body: lines.slice(i + 1).join('\n'),
        bodyOffset: i + 1,
        unclosed: false,
      };
    }
  }
  return { ...none, unclosed: true };
}

export interface FrontMatter {
  title: string | null;
  appliesTo: string[];
  priority: number | null;
  /** The `checks:` node with its document, for the checks reader. */
  checks: { node: unknown; doc: Document.Parsed; lineOf: (offset: number) => number } | null;
}

export function readFrontMatter(yaml: string, path: string, diagnostics: Diagnostic[]): FrontMatter {
  const result: FrontMatter = { title: null, appliesTo: [], priority: null, checks: null };
  const warn = (line: number | null, message: string): void => {
    diagnostics.push({ code: 'rules/bad-front-matter', severity: 'warning', path, line, message });
  };
  const { doc, lineOf, errors } = parseYaml(yaml, 2);
  if (errors.length > 0) {
    const first = errors[0]!;
    warn(first.line, `Front matter is not valid YAML (${first.message}); fix it — its keys are ignored until then.`);
    return result;
  }
  const root = doc.contents;
  if (root === null || isScalarNull(root)) return result;
  if (!isMap(root)) {
    warn(nodeLine(root, lineOf) ?? 2, 'Front matter must be a YAML mapping (`key: value` lines); its content is ignored.');
    return result;
  }

  const get = (...keys: string[]): YamlNode | null => {
    for (const key of keys) {
      const node = root.get(key, true) as YamlNode | undefined;
      if (node !== undefined) return node;
    }
    return null;
  };

  const titleNode = get('title');
  if (titleNode !== null) {
    const title = scalarText(titleNode);
    if (title !== null && title.trim() !== '') result.title = title.trim();
    else if (!isScalarNull(titleNode)) warn(nodeLine(titleNode, lineOf), '`title` must be a single line of text.');
  }

  const appliesNode = get('applies-to', 'applies_to', 'appliesTo');
  if (appliesNode !== null && !isScalarNull(appliesNode)) {
    const items = isSeq(appliesNode) ? appliesNode.items : [appliesNode];
    for (const item of items) {
      const glob = scalarText(item);
      if (glob !== null && glob.trim() !== '') result.appliesTo.push(glob.trim());
      else warn(nodeLine(item, lineOf) ?? nodeLine(appliesNode, lineOf), '`applies-to` takes a glob or a list of globs (strings); this entry is ignored.');
    }
  }

  const priorityNode = get('priority');
  if (priorityNode !== null && !isScalarNull(priorityNode)) {
    const raw = scalarText(priorityNode);
    const value = raw === null ? NaN : Number(raw.trim());
    if (raw !== null && raw.trim() !== '' && Number.isFinite(value)) result.priority = value;
    else warn(nodeLine(priorityNode, lineOf), '`priority` must be a number (lower numbers come first); it is ignored.');
  }

  const checksNode = get('checks');
  if (checksNode !== null) result.checks = { node: checksNode, doc, lineOf };
  return result;
}

function isScalarNull(node: unknown): boolean {
  return isScalar(node) && (node.value === null || node.value === undefined);
}
