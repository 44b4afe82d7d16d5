import { describe, expect, it } from 'vitest';
import { resolveIds, type IdClaim } from '../../../src/core/rules/ids.ts';

describe('resolveIds at scale', () => {
  it('numbers 50,000 clashing ids in linear time, the same way as one by one', () => {
    const claims: IdClaim[] = Array.from({ length: 50_000 }, (_, i) => ({ id: i % 2 ? 'section' : 'db-1', origin: i % 2 ? 'derived' : 'label', label: i % 2 ? null : 'DB-1', path: 'r.md', line: i + 1 }));
    claims.push({ id: 'section-3', origin: 'anchor', label: null, path: 'r.md', line: 50_001 });
    const started = performance.now();
    const { ids } = resolveIds(claims, false);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 6)).toEqual(['db-1', 'section', 'db-1-2', 'section-2', 'db-1-3', 'section-4']);
    expect(ids.at(-1)).toBe('section-3');
  });
});
