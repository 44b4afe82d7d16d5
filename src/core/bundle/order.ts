// Code-point order for whole lists: skip the sort when the list is sorted already, and use the
// engine's own string order when no surrogate can make it differ.
import { compareCodePoints } from '../text.ts';

const SURROGATE = /[\uD800-\uDFFF]/;

/** A sorted copy, as `[...items].sort((a, b) => compareCodePoints(key(a), key(b)))` gives it (the sort is stable). */
export function sortedByCodePoints<T>(items: readonly T[], key: (item: T) => string): T[] {
  const keys = items.map(key);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = compareCodePoints(keys[i - 1]!, keys[i]!) <= 0;
  if (sorted) return [...items];
  const order = keys.map((_k, i) => i).sort((a, b) => compareCodePoints(keys[a]!, keys[b]!));
  return order.map((i) => items[i]!);
}

/** Sorts strings in place in code-point order. */
export function sortCodePoints(list: string[]): string[] {
  // Without surrogates, the engine's own string order is code-point order.
  return list.some((s) => SURROGATE.test(s)) ? list.sort(compareCodePoints) : list.sort();
}
