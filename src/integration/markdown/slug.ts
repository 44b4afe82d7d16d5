// Heading anchors as the markdown renderer writes them (GitHub's rule: lower-case, punctuation
// dropped, spaces to hyphens, repeats numbered), computed from the markdown source so links can
// be checked before the target page is rendered.

/** The text a heading shows, from its inline markdown (code spans, links, emphasis, tags removed). */
export function headingText(markdown: string): string {
  return markdown
    .replace(/\{#[^}]*\}\s*$/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(\*|_)(.*?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .trim();
}

export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Hands out unique slugs in document order, like the renderer's slugger. */
export class Slugger {
  readonly #seen = new Map<string, number>();

  slug(text: string): string {
    const base = slugOf(text);
    let slug = base;
    let n = this.#seen.get(base) ?? 0;
    while (this.#seen.has(slug)) slug = `${base}-${++n}`;
    this.#seen.set(base, n);
    this.#seen.set(slug, 0);
    return slug;
  }
}
