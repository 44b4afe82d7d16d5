// Paged listings (the migration timeline, the audit findings): how many entries a page holds, and
// the navigation between the pages.

/** The most entries one page of a listing shows. */
export const PAGE_SIZE = 250;

/** Pages shown on each side of the current one in the numbered links. */
const WINDOW = 2;

export interface PagerLink {
  page: number;
  href: string;
  current: boolean;
}

export interface Pager {
  page: number;
  pages: number;
  prev: string | null;
  next: string | null;
  /** Numbered links: the first, the last and a window around the current page; null for a gap. */
  links: (PagerLink | null)[];
}

export function pageCount(entries: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(entries / size));
}

/** The page (from 1) that shows the entry at `index` (from 0). */
export function pageOf(index: number, size = PAGE_SIZE): number {
  return Math.floor(index / size) + 1;
}

/** The navigation of page `page` of `pages`, or null when the listing fits on one page. */
export function pager(page: number, pages: number, hrefOf: (page: number) => string): Pager | null {
  if (pages <= 1) return null;
  const shown = [1];
  for (let n = Math.max(2, page - WINDOW); n <= Math.min(pages - 1, page + WINDOW); n++) shown.push(n);
  shown.push(pages);
  const links: (PagerLink | null)[] = [];
  let last = 0;
  const link = (n: number): PagerLink => ({ page: n, href: hrefOf(n), current: n === page });
  for (const n of shown) {
    // A gap of one page shows that page: an ellipsis would be no shorter.
    if (n - last === 2) links.push(link(last + 1));
    else if (n - last > 2) links.push(null);
    links.push(link(n));
    last = n;
  }
  return { page, pages, prev: page > 1 ? hrefOf(page - 1) : null, next: page < pages ? hrefOf(page + 1) : null, links };
}

/** A page's title: the listing's, with "page N of M" after the first page. */
export function pageTitle(title: string, page: number, pages: number): string {
  return page > 1 ? `${title} (page ${page} of ${pages})` : title;
}
