// Finding the rules in a parsed rules file (kinds 1–4 of the rules format).

import type { ListItem, Paragraph, PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { RuleItem } from '../model.ts';
import { slugify } from '../text.ts';
import { matchAnchor, matchLabel, matchStrongLabel } from './labels.ts';
import type { LabelMatch } from './labels.ts';
import { endOffset, firstSentence, plainText, startLine, startOffset, trimBlock } from './markdown.ts';
import { outline, sectionAt } from './outline.ts';
import type { OutlineHeading } from './outline.ts';

/** How a rule got its id: from its label, from an explicit `{#id}`, or derived from its text. */
export type RuleOrigin = 'label' | 'anchor' | 'derived';

export interface RuleDraft {
  rule: RuleItem;
  origin: RuleOrigin;
  offset: number;
}

/** `lineOffset` is the number of file lines before `source` (the front matter). */
export function findRules(root: Root, source: string, lineOffset: number): RuleDraft[] {
  const headings = outline(root, source);
  const explicit = [...headingRules(headings, source, lineOffset)];
  const covered = explicit.map((d) => headings.find((h) => h.start === d.offset)!).map((h) => [h.start, h.end] as const);
  explicit.push(...listItemRules(root, source, lineOffset, headings, covered));
  if (explicit.length > 0) return explicit.sort((a, b) => a.offset - b.offset);

  const leaves = leafSectionRules(headings, source, lineOffset);
  if (leaves.length > 0) return leaves;
  return topLevelItemRules(root, source, lineOffset, headings);
}

function headingRules(headings: OutlineHeading[], source: string, lineOffset: number): RuleDraft[] {
  const drafts: RuleDraft[] = [];
  for (const h of headings) {
    if (h.depth < 2) continue;
    const anchor = matchAnchor(h.title);
    const base = anchor ? anchor.rest : h.title;
    const label = matchLabel(base);
    if (!anchor && !label) continue;
    drafts.push({
      rule: {
        id: anchor ? anchor.id : label!.label.toLowerCase(),
        label: label ? label.label : null,
        title: (label ? label.rest : base) || (label?.label ?? anchor!.id),
        text: trimBlock(source.slice(h.bodyStart, h.end)),
        line: startLine(h.node) + lineOffset,
        section: h.path,
      },
      origin: anchor ? 'anchor' : 'label',
      offset: h.start,
    });
  }
  return drafts;
}

function listItemRules(
  root: Root,
  source: string,
  lineOffset: number,
  headings: OutlineHeading[],
  covered: (readonly [number, number])[],
): RuleDraft[] {
  const drafts: RuleDraft[] = [];
  visit(root, 'listItem', (item: ListItem) => {
    const at = startOffset(item);
    // A list inside a heading rule is part of that rule's text.
    if (covered.some(([from, to]) => at >= from && at < to)) return SKIP;
    const para = item.children[0];
    if (para?.type !== 'paragraph') return undefined;
    const text = plainText(para);
    const anchor = matchAnchor(text);
    const label = leadingLabel(para, anchor ? anchor.rest : text);
    if (!anchor && !label) return undefined;
    const rest = label ? label.rest : (anchor?.rest ?? text);
    drafts.push({
      rule: {
        id: anchor ? anchor.id : label!.label.toLowerCase(),
        label: label ? label.label : null,
        title: firstSentence(rest) || (label?.label ?? anchor!.id),
        text: itemSource(item, source, anchor?.id ?? null),
        line: startLine(item) + lineOffset,
        section: sectionAt(headings, at),
      },
      origin: anchor ? 'anchor' : 'label',
      offset: at,
    });
    return SKIP;
  });
  return drafts;
}

/** `DB-002: …`, `**DB-002** …`, `**DB-002:** …` at the start of a list item's first paragraph. */
function leadingLabel(para: Paragraph, text: string): LabelMatch | null {
  const first: PhrasingContent | undefined = para.children[0];
  if (first?.type === 'strong' || first?.type === 'emphasis') {
    const strong = plainText(first);
    const after = text.startsWith(strong) ? text.slice(strong.length) : text;
    return matchStrongLabel(strong, after);
  }
  return matchLabel(text);
}

function leafSectionRules(headings: OutlineHeading[], source: string, lineOffset: number): RuleDraft[] {
  const drafts: RuleDraft[] = [];
  for (const h of headings) {
    if (h.depth < 2 || h.hasSubheadings) continue;
    const text = trimBlock(source.slice(h.bodyStart, h.end));
    if (text === '') continue;
    drafts.push({
      rule: { id: slugify(h.title) || 'rule', label: null, title: h.title, text, line: startLine(h.node) + lineOffset, section: h.path },
      origin: 'derived',
      offset: h.start,
    });
  }
  return drafts;
}

function topLevelItemRules(root: Root, source: string, lineOffset: number, headings: OutlineHeading[]): RuleDraft[] {
  const drafts: RuleDraft[] = [];
  for (const node of root.children) {
    if (node.type !== 'list') continue;
    for (const item of node.children) {
      const first = item.children[0];
      const text = first ? plainText(first) : '';
      if (text === '') continue;
      const words = text.split(' ').slice(0, 8).join(' ');
      drafts.push({
        rule: {
          id: slugify(words) || 'rule',
          label: null,
          title: firstSentence(text),
          text: itemSource(item, source, null),
          line: startLine(item) + lineOffset,
          section: sectionAt(headings, startOffset(item)),
        },
        origin: 'derived',
        offset: startOffset(item),
      });
    }
  }
  return drafts;
}

/** Markdown source of a list item without its marker, dedented, without its `{#id}` marker. */
function itemSource(item: ListItem, source: string, anchorId: string | null): string {
  const start = startOffset(item);
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const first = item.children[0];
  const contentColumn = first ? (first.position?.start.column ?? 1) - 1 : start - lineStart;
  const lines = source.slice(lineStart, endOffset(item)).split('\n');
  const dedented = lines.map((line, i) => {
    if (i === 0) return line.slice(contentColumn);
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    return line.slice(Math.min(indent, contentColumn));
  });
  let text = trimBlock(dedented.join('\n'));
  if (anchorId !== null) {
    const marker = `{#${anchorId}}`;
    const at = text.indexOf(marker);
    if (at >= 0) text = (text.slice(0, at).replace(/[ \t]+$/, '') + text.slice(at + marker.length)).trim();
  }
  return text;
}
