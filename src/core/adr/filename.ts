// Rules 1–3 as far as the file name goes: candidates, skipped names, prefixes and numbers.

import { formatDate, isValidDate } from './date.ts';

export interface FileNameInfo {
  /** Base name without its final extension. */
  stem: string;
  /** `YYYY-MM-DD` from a date prefix, or null. */
  datePrefix: string | null;
  number: number | null;
  /** The stem with the rule-3 prefix (and the separators after it) removed. */
  rest: string;
}

const SKIPPED_FOLDERS = new Set(['assets', 'images', 'img', 'media', 'templates', 'node_modules']);
const SKIPPED_NAMES = new Set(['readme', 'index', '_index', 'backlog', 'template']);
const MARKDOWN = /\.(?:md|markdown)$/i;

/** Folders rule 1 never descends into. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name.toLowerCase());
}

export function stemOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Rule 2: the path minus its final extension. */
export function idFromPath(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(0, dot) : path;
}

export function parseFileName(stem: string): FileNameInfo {
  const iso = /^(\d{4})-(\d{2})-(\d{2})[-_]/.exec(stem);
  if (iso && isValidDate(+iso[1]!, +iso[2]!, +iso[3]!)) {
    return { stem, datePrefix: formatDate(+iso[1]!, +iso[2]!, +iso[3]!), number: null, rest: rest(stem, iso[0]) };
  }
  const compact = /^(\d{4})(\d{2})(\d{2})[-_]/.exec(stem);
  if (compact && +compact[1]! >= 1970 && +compact[1]! <= 2099 && isValidDate(+compact[1]!, +compact[2]!, +compact[3]!)) {
    return {
      stem,
      datePrefix: formatDate(+compact[1]!, +compact[2]!, +compact[3]!),
      number: null,
      rest: rest(stem, compact[0]),
    };
  }
  const adr = /^adr[-_ ]?(\d+)/i.exec(stem);
  if (adr) return { stem, datePrefix: null, number: toNumber(adr[1]!), rest: rest(stem, adr[0]) };
  const plain = /^(\d+)[a-z]?[-_.]/.exec(stem);
  if (plain) return { stem, datePrefix: null, number: toNumber(plain[1]!), rest: rest(stem, plain[0]) };
  return { stem, datePrefix: null, number: null, rest: stem };
}

function rest(stem: string, prefix: string): string {
  return stem.slice(prefix.length).replace(/^[-_. ]+/, '');
}

function toNumber(digits: string): number | null {
  const n = Number.parseInt(digits, 10);
  return Number.isSafeInteger(n) ? n : null;
}

/** Rule 4.3: `0003-tenant-onboarding_checklist` → `Tenant onboarding checklist`. */
export function titleFromFileName(info: FileNameInfo): string {
  const words = info.rest.replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim();
  const text = words === '' ? info.stem : words;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Front-matter `id` / `number`: `0042` → 42, `ADR-0012` → 12; anything else → null. */
export function numberFromIdText(text: string): number | null {
  const m = /^(?:adr[-_ ]?)?(\d+)$/i.exec(text.trim());
  return m ? toNumber(m[1]!) : null;
}

export type AdrPathClass = 'adr' | 'not-an-adr' | 'ignored';

/** Rule 1 for a path relative to the ADR root, with the reason for a skip. */
export function classifyAdrPath(relPath: string): { outcome: AdrPathClass; reason: string } {
  const parts = relPath.split('/');
  const base = parts[parts.length - 1] ?? '';
  for (const folder of parts.slice(0, -1)) {
    if (isSkippedFolder(folder)) return { outcome: 'ignored', reason: `inside ${folder}/` };
  }
  if (base.startsWith('.')) return { outcome: 'ignored', reason: 'hidden file' };
  if (!MARKDOWN.test(base)) return { outcome: 'ignored', reason: 'not markdown' };
  const name = stemOf(base).toLowerCase();
  if (SKIPPED_NAMES.has(name)) return { outcome: 'not-an-adr', reason: `${name} file` };
  if (name.startsWith('adr-template')) return { outcome: 'not-an-adr', reason: 'template' };
  if (parseFileName(name).rest === 'template') return { outcome: 'not-an-adr', reason: 'template' };
  return { outcome: 'adr', reason: 'ADR' };
}
