// Rule 6: status text → normalized status. Conservative: anything unrecognised is `unknown`.

import type { AdrStatus } from '../model.ts';

const START_WORDS: [AdrStatus, string[]][] = [
  ['superseded', ['superseded', 'superceded', 'superseeded', 'supersceded', 'replaced']],
  ['deprecated', ['deprecated', 'obsolete', 'retired']],
  ['rejected', ['rejected', 'declined', 'abandoned', 'withdrawn']],
  ['accepted', ['accepted', 'approved', 'active', 'adopted', 'agreed']],
  ['proposed', ['proposed', 'pending', 'in review', 'under review', 'last call']],
  ['draft', ['draft', 'wip', 'work in progress']],
];

/** Template text such as `[proposed | accepted]` or `{{ STATUS }}`. */
export function isStatusPlaceholder(raw: string): boolean {
  const text = raw.trim();
  return text.includes('|') || (text.startsWith('{') && text.endsWith('}'));
}

/** Links → their text, no `*` `_` or backticks, no leading non-letters, lower case. */
export function statusComparisonText(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/^\P{L}+/u, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export function normalizeStatus(raw: string | null): AdrStatus {
  if (raw === null || raw.trim() === '' || isStatusPlaceholder(raw)) return 'unknown';
  const text = statusComparisonText(raw);
  for (const [status, words] of START_WORDS) {
    for (const word of words) {
      if (text.startsWith(word) && !/[\p{L}\p{N}]/u.test(text.charAt(word.length))) return status;
    }
  }
  return 'unknown';
}
