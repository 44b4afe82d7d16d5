// The routes the integration injects (files in src/site/routes/). Dynamic routes take their
// paths from the content collections; see urls.ts for the URL scheme.
export interface RouteSpec {
  pattern: string;
  file: string;
}

export const ROUTES: RouteSpec[] = [
  { pattern: '/', file: 'index.astro' },
  { pattern: '/decisions/[...path]', file: 'decisions.astro' },
  { pattern: '/rules', file: 'rules-index.astro' },
  { pattern: '/rules/[slug]', file: 'rules-file.astro' },
  { pattern: '/migrations/[...path]', file: 'migrations.astro' },
  { pattern: '/tables', file: 'tables-index.astro' },
  { pattern: '/tables/[name]', file: 'table.astro' },
  { pattern: '/docs', file: 'docs-index.astro' },
  { pattern: '/docs/[...slug]', file: 'doc.astro' },
  { pattern: '/search', file: 'search.astro' },
  { pattern: '/audit/[...path]', file: 'audit.astro' },
  { pattern: '/404', file: '404.astro' },
];
