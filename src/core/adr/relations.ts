// Rule 9: supersedes / superseded-by references (and amends / amended-by, read the same way).

import { posix } from 'node:path';

export type RelationKind = 'supersedes' | 'supersededBy' | 'amends' | 'amendedBy';

export type Relations = Record<RelationKind, string[]>;

export function emptyRelations(): Relations {
  return { supersedes: [], supersededBy: [], amends: [], amendedBy: [] };
}

const PHRASES: [RelationKind, RegExp][] = [
  ['supersededBy', /^(?:superseded|superceded|superseeded|supersceded|replaced)\s+by$/i],
  ['supersedes', /^(?:supersedes|supercedes|superseeds|replaces)$/i],
  ['amendedBy', /^amended\s+by$/i],
  ['amends', /^amends$/i],
];
const PHRASE =
  /\b(?:(?:superseded|superceded|superseeded|supersceded|replaced|amended)\s+by|supersedes|supercedes|superseeds|replaces|amends)\b/gi;
const LINK = /!?\[([^\]]*)\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const ADR_TOKEN = /\bADR[-_ ]?(\d+)/gi;

function phraseKind(phrase: string): RelationKind {
  for (const [kind, regex] of PHRASES) if (regex.test(phrase)) return kind;
  return 'supersedes';
}

/** Relations named in running text: each phrase opens a list up to the line end, a `;` or the next phrase. */
export function relationsInText(text: string, fromPath: string): Relations {
  const out = emptyRelations();
  for (const line of text.split('\n')) {
    const links = [...line.matchAll(LINK)].map((m) => [m.index, m.index + m[0].length] as const);
    const inLink = (i: number): boolean => links.some(([a, b]) => i >= a && i < b);
    const phrases = [...line.matchAll(PHRASE)].filter((m) => !inLink(m.index));
    phrases.forEach((m, k) => {
      const start = m.index + m[0].length;
      let end = phrases[k + 1]?.index ?? line.length;
      for (let i = start; i < end; i++) {
        if (line[i] === ';' && !inLink(i)) {
          end = i;
          break;
        }
      }
      addUnique(out[phraseKind(m[0])], referencesInText(line.slice(start, end), fromPath));
    });
  }
  return out;
}

/** Inside a reference list: ids of links to `.md` files, else `ADR-<digits>` tokens. */
export function referencesInText(text: string, fromPath: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(LINK)) {
    const id = linkTargetId(m[2]!, fromPath);
    if (id !== null) addUnique(ids, [id]);
  }
  if (ids.length > 0) return ids;
  for (const m of text.matchAll(ADR_TOKEN)) addUnique(ids, [`ADR-${m[1]!}`]);
  return ids;
}

/** A front-matter item: as in text, and otherwise its trimmed text. */
export function referencesFromItem(item: string, fromPath: string): string[] {
  const refs = referencesInText(item, fromPath);
  if (refs.length > 0) return refs;
  const text = item.trim();
  return text === '' ? [] : [text];
}

/**
 * The rule-2 id of a link target ending in `.md` (anchor ignored), resolved against the
 * referencing file; null for other targets. URLs and root-absolute paths cannot be resolved
 * against the ADR root, so their file name is used.
 */
export function linkTargetId(rawTarget: string, fromPath: string): string | null {
  let target = rawTarget.trim().replace(/^<|>$/g, '');
  target = target.replace(/#.*$/, '').replace(/\?.*$/, '');
  if (!/\.(?:md|markdown)$/i.test(target)) return null;
  try {
    target = decodeURIComponent(target);
  } catch {
    // keep it as written
  }
  const withoutExt = target.replace(/\.(?:md|markdown)$/i, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) {
    const name = withoutExt.slice(withoutExt.lastIndexOf('/') + 1);
    return name === '' ? null : name;
  }
  const resolved = posix.normalize(posix.join(posix.dirname(fromPath), withoutExt));
  return resolved.replace(/^\.\//, '');
}

export function addUnique(list: string[], items: string[]): void {
  for (const item of items) if (!list.includes(item)) list.push(item);
}

export function mergeRelations(into: Relations, from: Relations): void {
  for (const kind of Object.keys(into) as RelationKind[]) addUnique(into[kind], from[kind]);
}
