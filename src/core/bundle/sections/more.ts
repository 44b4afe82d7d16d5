// 6. Where to read more: the rules files, the ADR folder, the scoped migration files, guides and the site.
import type { BundleContext } from '../context.ts';
import { code, inline } from '../inline.ts';

export function docsCount(ctx: BundleContext): number {
  return ctx.k.docs.length;
}

export function moreSection(ctx: BundleContext, knobs: { docs: number }): string[] {
  const lines = ['## Where to read more', ''];
  const rulesFiles = ctx.rulesFiles.map((f) => code(f.path));
  if (rulesFiles.length) lines.push(`- Rules, with reasons and examples: ${rulesFiles.join(', ')}.`);
  if (ctx.adrFolders.length) lines.push(`- Decision records, one file per decision with its context and the options weighed: ${ctx.adrFolders.map(code).join(', ')}.`);
  for (const g of ctx.k.migrations) {
    const scoped = ctx.scopedFile(g);
    if (scoped) lines.push(`- Before writing a migration in ${code(`${g.path}/`)}: ${code(scoped)} (the migration rules in full, the audit checks and safe patterns).`);
  }
  const docs = [...ctx.k.docs].slice(0, knobs.docs);
  for (const d of docs) lines.push(`- ${inline(d.title)}: ${code(d.path)}`);
  const hidden = ctx.k.docs.length - docs.length;
  if (hidden > 0) lines.push(`- ${hidden} more guide page${hidden === 1 ? '' : 's'}: ${[...new Set(ctx.k.docs.map((d) => d.path.slice(0, d.path.lastIndexOf('/') + 1) || './'))].map(code).join(', ')}.`);
  if (ctx.options.siteUrl) {
    lines.push(`- The knowledge site, with every rule, decision, migration and table cross-linked: ${ctx.siteLink('/')}`);
    if (ctx.options.outputs.llms) lines.push(`- The same as Markdown for agents: ${ctx.siteLink('/llms.txt')} (each page also has a \`.md\` twin).`);
  }
  lines.push('');
  return lines;
}
