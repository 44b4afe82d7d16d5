// Groups for several ADR folders, so that their records never share an id: the main folder keeps
// the empty group; the others are named after what tells them apart (`billing` for
// `services/billing/docs/adr`), or after their path when only generic words are left.
import type { AdrRoot } from './types.ts';

const GENERIC = new Set(['docs', 'doc', 'adr', 'adrs', 'decisions', '.decisions', 'architecture', 'records', 'decision-records']);

/** One group per root, in order ('' for the main one). */
export function adrGroups(roots: AdrRoot[]): string[] {
  if (roots.length === 0) return [];
  if (roots.length === 1) return [roots[0]!.group ?? ''];
  const parts = roots.map((r) => r.path.split('/').filter((p) => p !== '' && p !== '.' && !GENERIC.has(p.toLowerCase())));
  const main = roots.findIndex((r, i) => r.group === null && parts[i]!.length === 0);
  const names = roots.map((r, i) => {
    if (i === main) return '';
    if (r.group !== null) return sanitize(r.group);
    const p = parts[i]!;
    return p.length ? sanitize(p[p.length - 1]!) : sanitize(r.path.replaceAll('/', '-').replace(/^\.+/, ''));
  });
  const seen = new Map<string, number>();
  return names.map((name) => {
    if (name === '') return name;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}-${n}`;
  });
}

function sanitize(name: string): string {
  return name.trim().replace(/[^A-Za-z0-9._-]+/g, '-') || 'adr';
}
