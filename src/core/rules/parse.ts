// Reading one rules file (markdown text) into a RuleFile.

import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostic, RuleCheckConfig, RuleFile } from '../model.ts';
import { normalizeNewlines } from '../text.ts';
import { readChecksBlock, readFrontMatterChecks } from './checks.ts';
import { findRules } from './extract.ts';
import type { RuleOrigin } from './extract.ts';
import { readFrontMatter, splitFrontMatter } from './front-matter.ts';
import { resolveIds } from './ids.ts';
import { parseMarkdown, plainText, startLine } from './markdown.ts';
import { limitInlineMarkers, limitLineNesting, MAX_INLINE_MARKERS, pruneDeepNodes, tooDeepMessage } from '../markdown/nesting.ts';
import { scanMarkdown } from '../markdown/scan.ts';

export interface ParsedRulesFile {
  file: RuleFile;
  diagnostics: Diagnostic[];
  /** How each rule of `file.rules` got its id (same order), for cross-file id checks. */
  origins: RuleOrigin[];
}

export const CHECKS_FENCE = 'lore-checks';

/** `path` is repo-relative; it names the file in diagnostics and in `RuleFile.path`. */
export function parseRulesFile(text: string, path: string): { file: RuleFile; diagnostics: Diagnostic[] } {
  const { file, diagnostics } = parseRulesDocument(text, path);
  return { file, diagnostics };
}

export function parseRulesDocument(input: string, path: string): ParsedRulesFile {
  const text = normalizeNewlines(input).replace(/^\uFEFF/, '');
  const diagnostics: Diagnostic[] = [];
  const file: RuleFile = { path, title: fileName(path), appliesTo: [], priority: null, checks: [], rules: [], body: '', bodyLine: 1 };
  if (text.trim() === '') {
    diagnostics.push({ code: 'rules/empty', severity: 'warning', path, line: text === '' ? null : 1, message: 'The rules file is empty; write some rules or remove it.' });
    return { file, diagnostics, origins: [] };
  }

  const split = splitFrontMatter(text);
  if (split.unclosed) {
    diagnostics.push({
      code: 'rules/bad-front-matter',
      severity: 'warning',
      path,
      line: 1,
      message: 'The file starts with `---` but the front matter is never closed; add a closing `---` line (the file is read as plain markdown).',
    });
  }
  const checks: RuleCheckConfig[] = [];
  let titled = false;
  if (split.yaml !== null) {
    const front = readFrontMatter(split.yaml, path, diagnostics);
    if (front.title !== null) {
      file.title = front.title;
      titled = true;
    }
    file.appliesTo = front.appliesTo;
    file.priority = front.priority;
    if (front.checks) checks.push(...readFrontMatterChecks(front.checks.node, front.checks.doc, front.checks.lineOf, path, diagnostics));
  }
  file.body = split.body;
  file.bodyLine = split.bodyOffset + 1;
  if (split.body.trim() === '') {
    diagnostics.push({ code: 'rules/empty', severity: 'warning', path, line: split.bodyOffset, message: 'The rules file has front matter but no rules; write the rules below it.' });
    file.checks = checks;
    return { file, diagnostics, origins: [] };
  }

  const limited = limitLineNesting(split.body);
  const codeLines = new Set<number>();
  scanMarkdown(limited.text).lines.forEach((l, i) => l.code && codeLines.add(i));
  const plain = limitInlineMarkers(limited.text, codeLines);
  if (plain.lines.length) {
    const more = plain.lines.length > 1 ? ` (and ${plain.lines.length - 1} more paragraph${plain.lines.length > 2 ? 's' : ''})` : '';
    diagnostics.push({
      code: 'rules/too-many-markers',
      severity: 'warning',
      path,
      line: plain.lines[0]! + 1 + split.bodyOffset,
      message: `This paragraph has ${plain.most} emphasis, link or code markers${more}, more than ${MAX_INLINE_MARKERS}; Lore reads it without them (rules in it may be missed). Split the paragraph or escape the markers with \\.`,
    });
  }
  const root = parseMarkdown(plain.text);
  const pruned = pruneDeepNodes(root);
  const tooDeep = tooDeepMessage(limited.lines.map((i) => i + 1 + split.bodyOffset).concat(pruned.map((l) => l + split.bodyOffset)));
  if (tooDeep) diagnostics.push({ code: 'rules/too-deep', severity: 'warning', path, ...tooDeep });
  const h1 = root.children.find((n) => n.type === 'heading' && n.depth === 1);
  if (!titled && h1 && plainText(h1) !== '') file.title = plainText(h1);

  visit(root, 'code', (node: Code) => {
    if (node.lang !== CHECKS_FENCE) return;
    checks.push(...readChecksBlock(node.value, startLine(node) + split.bodyOffset, path, diagnostics));
  });
  file.checks = checks;

  const drafts = findRules(root, split.body, split.bodyOffset);
  const { ids, diagnostics: idDiagnostics } = resolveIds(
    drafts.map((d) => ({ id: d.rule.id, origin: d.origin, label: d.rule.label, path, line: d.rule.line })),
    false,
  );
  diagnostics.push(...idDiagnostics);
  file.rules = drafts.map((d, i) => ({ ...d.rule, id: ids[i]! }));
  if (file.rules.length === 0) {
    diagnostics.push({
      code: 'rules/no-rules',
      severity: 'warning',
      path,
      line: null,
      message: 'No rules found; write them as `### DB-001: Title` headings, labelled list items, or sections with a body.',
    });
  }
  return { file, diagnostics, origins: drafts.map((d) => d.origin) };
}

/** File name without its extension (the last-resort title). */
function fileName(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.(md|markdown)$/i, '') || name;
}
