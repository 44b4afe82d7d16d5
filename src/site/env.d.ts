/// <reference types="astro/client" />
// Virtual modules provided by the Lore integration (src/integration/index.ts).
declare module 'virtual:lore/options' {
  const options: { title: string; description: string; search: boolean; repoUrl: string | null };
  export default options;
}
declare module 'virtual:lore/content' {
  export const loaders: Record<string, import('astro/loaders').Loader>;
}
declare module 'virtual:lore/runtime' {
  export function migrationSource(path: string): { html: string; lines: number } | null;
  export function pages(): import('../integration/pages.ts').SitePages;
}
