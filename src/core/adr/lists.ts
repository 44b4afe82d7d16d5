// Rule 8: people and tags from a YAML list or a string; plus front-matter reference lists.

export function splitDeciders(value: string | string[]): string[] {
  const items = typeof value === 'string' ? value.split(/[,;]/) : value;
  return clean(items);
}

export function splitTags(value: string | string[]): string[] {
  const items = typeof value === 'string' ? value.split(value.includes(',') ? ',' : /\s+/) : value;
  return clean(items.map((item) => item.trim().replace(/^#/, '')));
}

/** `migrations:` / `rules:` / `tables:` values: identifiers, split on commas and spaces when a string. */
export function splitIdentifiers(value: string | string[]): string[] {
  const items = typeof value === 'string' ? value.split(/[,\s]+/) : value;
  return clean(items);
}

function clean(items: string[]): string[] {
  return items.map((item) => item.trim()).filter((item) => item !== '');
}
