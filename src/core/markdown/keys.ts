// Metadata key names are compared loosely: `Decision-makers`, `decision_makers` and
// `Decision makers` are the same key.

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}
