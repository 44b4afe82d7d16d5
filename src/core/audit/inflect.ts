// English singular and plural of snake_case table names (the last word changes), for naming checks.

const IRREGULAR: Record<string, string> = {
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  mice: 'mouse',
  geese: 'goose',
  feet: 'foot',
  teeth: 'tooth',
  indices: 'index',
  matrices: 'matrix',
  vertices: 'vertex',
  criteria: 'criterion',
  analyses: 'analysis',
  theses: 'thesis',
};
const SINGULAR_OF_IRREGULAR = Object.fromEntries(Object.entries(IRREGULAR).map(([p, s]) => [s, p]));
/** Words that are the same in singular and plural. */
const UNCOUNTABLE = new Set(['data', 'metadata', 'media', 'news', 'series', 'species', 'equipment', 'information', 'staff', 'feedback']);

function split(name: string): [string, string] {
  const cut = name.lastIndexOf('_');
  return cut < 0 ? ['', name] : [name.slice(0, cut + 1), name.slice(cut + 1)];
}

function singularWord(w: string): string {
  if (UNCOUNTABLE.has(w)) return w;
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length > 3 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  // statuses → status, bonuses → bonus; but houses → house, causes → cause.
  if (/[^aeiou]uses$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

function pluralWord(w: string): string {
  if (UNCOUNTABLE.has(w) || IRREGULAR[w]) return w;
  const irregular = SINGULAR_OF_IRREGULAR[w];
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  return `${w}s`;
}

/** `invoice_line_items` → `invoice_line_item`, `categories` → `category`. */
export function singular(name: string): string {
  const [head, last] = split(name);
  return head + singularWord(last);
}

/** `invoice_line_item` → `invoice_line_items`. */
export function plural(name: string): string {
  const [head, last] = split(name);
  return head + pluralWord(last);
}

/** True when the last word of `name` reads as a plural. */
export function isPlural(name: string): boolean {
  const [, last] = split(name);
  if (UNCOUNTABLE.has(last) || IRREGULAR[last]) return true;
  return singularWord(last) !== last;
}

/** `InvoiceLineItem` / `invoice-line item` → `invoice_line_item`. */
export function toSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}
