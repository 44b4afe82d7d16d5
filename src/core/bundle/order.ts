// Code-point order (as `compareCodePoints` gives it) without its per-character iterator cost:
// before any surrogate, UTF-16 code units compare as the code points do.
import { compareCodePoints } from '../text.ts';

const SURROGATE = /[\uD800-\uDFFF]/;

/** Same sign as `compareCodePoints(a, b)`. */
export function compareCodePointsFast(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 || y >= 0xd800 ? compareCodePoints(a, b) : x - y;
  }
  return a.length - b.length;
}

/** A sorted copy, as `[...items].sort((a, b) => compareCodePoints(key(a), key(b)))` gives it (the sort is stable). */
export function sortedByCodePoints<T>(items: readonly T[], key: (item: T) => string): T[] {
  const keys = items.map(key);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = compareCodePointsFast(keys[i - 1]!, keys[i]!) <= 0;
  if (sorted) return [...items];
  const order = keys.map((_k, i) => i).sort((a, b) => compareCodePointsFast(keys[a]!, keys[b]!));
  return order.map((i) => items[i]!);
}

/** Sorts strings in place in code-point order. */
export function sortCodePoints(list: string[]): string[] {
  // Without surrogates, the engine's own string order is code-point order.
  return list.some((s) => SURROGATE.test(s)) ? list.sort(compareCodePoints) : list.sort();
}
