// An ADR folder's own file-naming scheme, detected from the records it holds, and the next free name.
import { classifyAdrPath, parseFileName, stemOf } from '../adr/filename.ts';
import { slugify } from '../text.ts';

export type NamingScheme =
  /** `0004-slug.md`, `004-slug.md`, `adr-004-slug.md`, `ADR_0004_slug.md` … */
  | { kind: 'number'; prefix: string; width: number; separator: '-' | '_'; extension: string }
  /** `20240105-slug.md` (Log4brains) or `2024-01-05-slug.md`. */
  | { kind: 'date'; style: 'compact' | 'iso'; separator: '-' | '_'; extension: string };

export const DEFAULT_SCHEME: NamingScheme = { kind: 'number', prefix: '', width: 4, separator: '-', extension: '.md' };

/** The scheme most of the records use (ties: the last file's); the default for an empty folder. */
export function detectScheme(fileNames: string[]): NamingScheme {
  const votes = new Map<string, { scheme: NamingScheme; count: number; last: number }>();
  fileNames.forEach((name, i) => {
    const scheme = schemeOf(name);
    if (scheme === null) return;
    const key = JSON.stringify(scheme);
    const v = votes.get(key) ?? { scheme, count: 0, last: -1 };
    v.count++;
    v.last = i;
    votes.set(key, v);
  });
  let best: { scheme: NamingScheme; count: number; last: number } | null = null;
  for (const v of votes.values()) if (best === null || v.count > best.count || (v.count === best.count && v.last > best.last)) best = v;
  return best?.scheme ?? DEFAULT_SCHEME;
}

/** The scheme one record's file name follows, or null when it follows none. */
export function schemeOf(name: string): NamingScheme | null {
  if (classifyAdrPath(name).outcome !== 'adr') return null;
  const extension = name.slice(name.lastIndexOf('.'));
  const stem = stemOf(name);
  const iso = /^\d{4}-\d{2}-\d{2}([-_])/.exec(stem);
  const info = parseFileName(stem);
  if (info.datePrefix !== null) {
    return { kind: 'date', style: iso ? 'iso' : 'compact', separator: sep(iso?.[1] ?? stem.charAt(8)), extension };
  }
  const prefixed = /^(adr[-_ ]?)(\d+)([-_.])/i.exec(stem);
  if (prefixed) return { kind: 'number', prefix: prefixed[1]!, width: prefixed[2]!.length, separator: sep(prefixed[3]!), extension };
  const plain = /^(\d+)[a-z]?([-_.])/.exec(stem);
  if (plain) return { kind: 'number', prefix: '', width: plain[1]!.length, separator: sep(plain[2]!), extension };
  return null;
}

const sep = (c: string): '-' | '_' => (c === '_' ? '_' : '-');

/** Numbers the folder's records already use (from their file names). */
export function usedNumbers(fileNames: string[]): number[] {
  return fileNames.flatMap((name) => {
    if (classifyAdrPath(name).outcome !== 'adr') return [];
    const n = parseFileName(stemOf(name)).number;
    return n === null ? [] : [n];
  });
}

export interface NextName {
  name: string;
  /** The record's number, or null under a date scheme. */
  number: number | null;
}

/**
 * The next record's file name: one above the highest number in use (a number that collides with a
 * file is skipped), or today's date with `-2`, `-3` … appended when the name is taken.
 */
export function nextName(scheme: NamingScheme, fileNames: string[], title: string, date: string): NextName {
  const taken = new Set(fileNames.map((n) => n.toLowerCase()));
  const slug = slugFor(title, scheme.separator);
  if (scheme.kind === 'date') {
    const prefix = scheme.style === 'iso' ? date : date.replaceAll('-', '');
    for (let i = 1; ; i++) {
      const name = `${prefix}${scheme.separator}${slug}${i === 1 ? '' : `${scheme.separator}${i}`}${scheme.extension}`;
      if (!taken.has(name.toLowerCase())) return { name, number: null };
    }
  }
  const used = new Set(usedNumbers(fileNames));
  let n = Math.max(0, ...used) + 1;
  for (;;) {
    const name = `${scheme.prefix}${String(n).padStart(scheme.width, '0')}${scheme.separator}${slug}${scheme.extension}`;
    if (!used.has(n) && !taken.has(name.toLowerCase())) return { name, number: n };
    n++;
  }
}

/** `Use PostgreSQL 16!` → `use-postgresql-16`; at most 60 characters, cut at a word. */
export function slugFor(title: string, separator: '-' | '_' = '-'): string {
  let slug = slugify(title) || 'decision';
  if (slug.length > 60) slug = slug.slice(0, 60).replace(/-[^-]*$/, '') || slug.slice(0, 60);
  return separator === '_' ? slug.replaceAll('-', '_') : slug;
}
