// What every bundle section needs from the model, computed once: sorted rules, ADR lookups,
// rule labels, and the source folders named in the header.
import { posix } from 'node:path';
import type { Adr, Knowledge, Link, MigrationGraph, Ref, RuleFile, RuleItem } from '../model.ts';
import { adrLabel, adrRef } from '../ids.ts';
import { compareCodePoints } from '../text.ts';
import type { BundleOptions } from './options.ts';

export interface BundleContext {
  k: Knowledge;
  options: BundleOptions;
  /** Rules files in bundle order: `priority` (lower first, unset last), then path. */
  rulesFiles: RuleFile[];
  /** A rule by its id, or by its label in lower case. */
  rule(idOrLabel: string): RuleItem | null;
  /** How a rule is cited: its label (`DB-004`), else its id. */
  ruleName(rule: RuleItem): string;
  adrByRef: Map<Ref, Adr>;
  /** `ADR-0004` (with the group in front for grouped ADRs). */
  adrName(adr: Adr): string;
  /** Repo-relative folders (with a trailing `/`) or files the bundle is generated from. */
  sources: string[];
  /** Folders holding the ADRs. */
  adrFolders: string[];
  /** Repo-relative path of the directory-scoped file of an environment, or null when none is written. */
  scopedFile(g: MigrationGraph): string | null;
  /** An absolute URL on the site for a site path (`/tables/`); only when `siteUrl` is set. */
  siteLink(path: string): string;
}

export function bundleContext(k: Knowledge, options: BundleOptions): BundleContext {
  const rulesFiles = [...k.rules].sort(
    (a, b) => (a.priority ?? Number.POSITIVE_INFINITY) - (b.priority ?? Number.POSITIVE_INFINITY) || compareCodePoints(a.path, b.path),
  );
  const rules = new Map<string, RuleItem>();
  for (const f of rulesFiles) {
    for (const r of f.rules) {
      if (!rules.has(r.id)) rules.set(r.id, r);
      if (r.label && !rules.has(r.label.toLowerCase())) rules.set(r.label.toLowerCase(), r);
    }
  }
  const adrByRef = new Map<Ref, Adr>();
  for (const adr of k.adrs) adrByRef.set(adrRef(adr), adr);
  const adrFolders = unique(k.adrs.map((a) => adrRoot(a)));
  const sources = unique([
    ...k.rules.map((f) => folderOf(f.path)),
    ...adrFolders,
    ...k.migrations.map((g) => (g.path === '.' ? './' : `${g.path}/`)),
    ...k.docs.map((d) => docsRoot(d.path, d.slug)),
  ]);
  return {
    k,
    options,
    rulesFiles,
    rule: (key) => rules.get(key) ?? rules.get(key.toLowerCase()) ?? null,
    ruleName: (r) => r.label ?? r.id,
    adrByRef,
    adrName: (adr) => (adr.group ? `${adr.group}/${adrLabel(adr)}` : adrLabel(adr)),
    sources,
    adrFolders,
    scopedFile: (g) => {
      if (!options.outputs.scoped || g.revisions.length === 0) return null;
      const dir = scopedDir(g);
      if (dir === null) return null;
      return `${dir}/${scopedFileName(options)}`;
    },
    siteLink: (path) => siteLink(options.siteUrl ?? '', path),
  };
}

/** The file name of directory-scoped files: `CLAUDE.md`, or `AGENTS.md` when only that output is on. */
export function scopedFileName(options: BundleOptions): string {
  return options.outputs.claude || !options.outputs.agents ? 'CLAUDE.md' : 'AGENTS.md';
}

/**
 * Where an environment's scoped file goes: its script location, or the parent of a `versions`
 * folder given directly; null for the repository root (the root file is already there).
 */
export function scopedDir(g: MigrationGraph): string | null {
  let dir = g.path;
  if (g.locations.includes(g.path) && posix.basename(g.path) === 'versions') dir = posix.dirname(g.path);
  return dir === '.' || dir === '' ? null : dir;
}

/** `https://x.dev/base/` + `/tables/` → `https://x.dev/base/tables/`. */
export function siteLink(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

function unique(list: string[]): string[] {
  return [...new Set(list)].sort(compareCodePoints);
}

function folderOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? path : `${dir}/`;
}

/** The ADR root folder: the file's path minus its path below the root. */
function adrRoot(adr: Adr): string {
  if (adr.file.endsWith(adr.path)) {
    const root = adr.file.slice(0, adr.file.length - adr.path.length).replace(/\/$/, '');
    return root === '' ? './' : `${root}/`;
  }
  return folderOf(adr.file);
}

function docsRoot(path: string, slug: string): string {
  const withoutExt = path.replace(/\.[^./]+$/, '');
  if (withoutExt.endsWith(slug)) {
    const root = withoutExt.slice(0, withoutExt.length - slug.length).replace(/\/$/, '');
    return root === '' ? './' : `${root}/`;
  }
  return folderOf(path);
}

interface AdrLinks {
  /** How many links tie an ADR (by ref) to a rule, either way. */
  ruleLinks: Map<Ref, number>;
  /** `supersedes` links by their target, in link order. */
  supersededBy: Map<Ref, Link[]>;
}

const adrLinkIndex = new WeakMap<BundleContext, AdrLinks>();

/** What the bundle reads about ADRs from the links, in one pass over them. */
export function adrLinks(ctx: BundleContext): AdrLinks {
  let index = adrLinkIndex.get(ctx);
  if (!index) {
    index = { ruleLinks: new Map(), supersededBy: new Map() };
    for (const l of ctx.k.links) {
      if (l.kind === 'supersedes') {
        const list = index.supersededBy.get(l.to);
        if (list) list.push(l);
        else index.supersededBy.set(l.to, [l]);
      }
      if (l.to.startsWith('rule:') && l.from.startsWith('adr:')) index.ruleLinks.set(l.from, (index.ruleLinks.get(l.from) ?? 0) + 1);
      if (l.from.startsWith('rule:') && l.to.startsWith('adr:')) index.ruleLinks.set(l.to, (index.ruleLinks.get(l.to) ?? 0) + 1);
    }
    adrLinkIndex.set(ctx, index);
  }
  return index;
}

/** Rule refs an ADR is tied to, in either direction (a rule cites it, or it cites the rule). */
export function adrRuleLinks(ctx: BundleContext, adr: Adr): number {
  return adrLinks(ctx).ruleLinks.get(adrRef(adr)) ?? 0;
}
