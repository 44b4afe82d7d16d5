// Page data for the decisions index (and its filtered / sorted views) and for each ADR page.
import type { Adr, AdrStatus, Ref } from '../../core/model.ts';
import { adrLabel, adrRef } from '../../core/ids.ts';
import { compareCodePoints } from '../../core/text.ts';
import type { RefView, SiteContext } from './context.ts';
import type { DecisionSort } from '../urls.ts';
import { description, humanDate, inline, type Inline } from './text.ts';

export const STATUS_ORDER: AdrStatus[] = ['accepted', 'proposed', 'draft', 'superseded', 'deprecated', 'rejected', 'unknown'];

export const STATUS_LABEL: Record<AdrStatus, string> = {
  accepted: 'Accepted',
  proposed: 'Proposed',
  draft: 'Draft',
  rejected: 'Rejected',
  deprecated: 'Deprecated',
  superseded: 'Superseded',
  unknown: 'Status unknown',
};

export interface AdrSummary {
  ref: Ref;
  href: string;
  label: string;
  title: Inline[];
  titleText: string;
  number: number | null;
  group: string;
  status: AdrStatus;
  date: string | null;
  dateLabel: string | null;
  tags: { name: string; href: string }[];
  summary: Inline[];
}

export interface DecisionView {
  /** Route params of the view: '' (all), `status/<s>`, `tag/<t>`, plus `/by-date`. */
  path: string;
  href: string;
  /** The same filter, sorted the other way. */
  sortHrefs: Record<DecisionSort, string>;
  sort: DecisionSort;
  status: AdrStatus | null;
  tag: string | null;
  title: string;
  description: string;
  /** Indexes into `DecisionsIndexData.adrs`, in display order. */
  items: number[];
}

export interface FacetLink {
  label: string;
  count: number;
  /** The filtered view, in each sort order. */
  href: Record<DecisionSort, string>;
  value: string;
}

export interface DecisionsIndexData {
  adrs: AdrSummary[];
  /** The unfiltered view, in each sort order. */
  all: Record<DecisionSort, string>;
  statuses: FacetLink[];
  tags: FacetLink[];
  views: DecisionView[];
}

export function adrSummary(ctx: SiteContext, adr: Adr): AdrSummary {
  const title = adr.title;
  return {
    ref: adrRef(adr),
    href: ctx.urls.adr(adr),
    label: adrLabel(adr),
    title: inline(title),
    titleText: inline(title).map((p) => p.text).join(''),
    number: adr.number,
    group: adr.group,
    status: adr.status,
    date: adr.date,
    dateLabel: humanDate(adr.date),
    tags: adr.tags.map((t) => ({ name: t, href: ctx.urls.decisions({ tag: t }) })),
    summary: inline(adr.summary),
  };
}

const byNumber = (a: AdrSummary, b: AdrSummary): number =>
  compareCodePoints(a.group, b.group) ||
  (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) ||
  compareCodePoints(a.titleText, b.titleText) ||
  compareCodePoints(a.ref, b.ref);

/** Newest first; undated records last. */
const byDate = (a: AdrSummary, b: AdrSummary): number => {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return compareCodePoints(b.date, a.date);
  }
  return (b.number ?? -1) - (a.number ?? -1) || byNumber(a, b);
};

export function decisionsIndex(ctx: SiteContext): DecisionsIndexData {
  const adrs = ctx.k.adrs.map((a) => adrSummary(ctx, a)).sort(byNumber);
  const numberOrder = adrs.map((_, i) => i);
  const dateOrder = [...numberOrder].sort((i, j) => byDate(adrs[i]!, adrs[j]!));
  const statusCount = new Map<AdrStatus, number>();
  const tagCount = new Map<string, number>();
  for (const a of adrs) {
    statusCount.set(a.status, (statusCount.get(a.status) ?? 0) + 1);
    for (const t of a.tags) tagCount.set(t.name, (tagCount.get(t.name) ?? 0) + 1);
  }
  const statuses: FacetLink[] = STATUS_ORDER.filter((s) => statusCount.has(s)).map((s) => ({
    label: STATUS_LABEL[s],
    count: statusCount.get(s)!,
    href: { number: ctx.urls.decisions({ status: s }), date: ctx.urls.decisions({ status: s }, 'date') },
    value: s,
  }));
  const tags: FacetLink[] = [...tagCount.keys()].sort(compareCodePoints).map((t) => ({
    label: t,
    count: tagCount.get(t)!,
    href: { number: ctx.urls.decisions({ tag: t }), date: ctx.urls.decisions({ tag: t }, 'date') },
    value: t,
  }));
  const views: DecisionView[] = [];
  const segmentOf = (href: string): string => ctx.urls.path(href).replace(/^\/decisions\/?/, '').replace(/\/$/, '');
  const add = (status: AdrStatus | null, tag: string | null, keep: (a: AdrSummary) => boolean): void => {
    for (const sort of ['number', 'date'] as const) {
      const filter = { status: status ?? undefined, tag: tag ?? undefined };
      const href = ctx.urls.decisions(filter, sort);
      const order = sort === 'number' ? numberOrder : dateOrder;
      const what = status ? `${STATUS_LABEL[status]} decisions` : tag ? `Decisions tagged “${tag}”` : 'All decisions';
      const items = order.filter((i) => keep(adrs[i]!));
      views.push({
        path: segmentOf(href),
        href,
        sortHrefs: { number: ctx.urls.decisions(filter, 'number'), date: ctx.urls.decisions(filter, 'date') },
        sort,
        status,
        tag,
        title: what,
        description: `${what}: ${items.length} architecture decision record${items.length === 1 ? '' : 's'}, ${sort === 'number' ? 'by number' : 'newest first'}.`,
        items,
      });
    }
  };
  add(null, null, () => true);
  for (const s of statuses) add(s.value as AdrStatus, null, (a) => a.status === s.value);
  for (const t of tags) add(null, t.value, (a) => a.tags.some((x) => x.name === t.value));
  return { adrs, all: { number: ctx.urls.decisions(), date: ctx.urls.decisions({}, 'date') }, statuses, tags, views };
}

export interface AdrPageData {
  ref: Ref;
  /** Route param: the path below /decisions/. */
  slug: string;
  href: string;
  label: string;
  title: Inline[];
  titleText: string;
  number: number | null;
  group: string;
  status: AdrStatus;
  statusLabel: string;
  statusRaw: string | null;
  statusHref: string;
  date: string | null;
  dateLabel: string | null;
  deciders: string[];
  tags: { name: string; href: string }[];
  summary: Inline[];
  description: string;
  file: string;
  sourceHref: string | null;
  supersedes: RefView[];
  supersededBy: RefView[];
  amends: RefView[];
  amendedBy: RefView[];
  /** Every record connected by supersede/amend links, oldest number first (this one included). */
  lineage: (RefView & { current: boolean })[];
  implementedBy: (RefView & { environment: string; date: string | null })[];
  rules: RefView[];
  tables: RefView[];
  cites: RefView[];
  citedBy: RefView[];
  /** The markdown body to render (without the title heading), and the file it comes from. */
  body: string;
  bodyFile: string;
}

const LINEAGE_LIMIT = 40;

export function adrPage(ctx: SiteContext, adr: Adr, body: string): AdrPageData {
  const self = adrRef(adr);
  const views = (refs: Ref[]): RefView[] => refs.map(ctx.view);
  const supersedes = ctx.linked(self, 'out', ['supersedes'], 'adr:');
  const supersededBy = ctx.linked(self, 'in', ['supersedes'], 'adr:');
  const amends = ctx.linked(self, 'out', ['amends'], 'adr:');
  const amendedBy = ctx.linked(self, 'in', ['amends'], 'adr:');

  // Walk supersede / amend links both ways (bounded: a lineage is a handful of records).
  const seen = new Set<Ref>([self]);
  const queue: Ref[] = [self];
  while (queue.length && seen.size < LINEAGE_LIMIT) {
    const at = queue.shift()!;
    for (const r of [...ctx.linked(at, 'out', ['supersedes', 'amends'], 'adr:'), ...ctx.linked(at, 'in', ['supersedes', 'amends'], 'adr:')]) {
      if (!seen.has(r) && ctx.adrs.has(r)) {
        seen.add(r);
        queue.push(r);
      }
    }
  }
  const lineage =
    seen.size > 1
      ? [...seen]
          .map((r) => ({ adr: ctx.adrs.get(r)!, r }))
          .sort((a, b) => (a.adr.number ?? Infinity) - (b.adr.number ?? Infinity) || compareCodePoints(a.adr.date ?? '', b.adr.date ?? '') || compareCodePoints(a.r, b.r))
          .map(({ r }) => ({ ...ctx.view(r), current: r === self }))
      : [];

  const implementedBy = ctx
    .linked(self, 'in', ['implements'], 'migration:')
    .map((r) => {
      const m = ctx.revisions.get(r);
      return { ...ctx.view(r), environment: m?.graph.name ?? '', date: m?.rev.createDate ?? null };
    })
    .sort((a, b) => compareCodePoints(a.date ?? '', b.date ?? '') || compareCodePoints(a.label, b.label));

  const ruleRefs = [...ctx.linked(self, 'in', ['cites'], 'rule:'), ...ctx.linked(self, 'out', ['cites'], 'rule:'), ...ctx.linked(self, 'in', ['cites'], 'rules-file:')];
  const rules = views([...new Set(ruleRefs)]).sort((a, b) => compareCodePoints(a.label, b.label));
  const tables = views(ctx.linked(self, 'out', ['mentions'], 'table:')).sort((a, b) => compareCodePoints(a.label, b.label));
  const related = new Set([...supersedes, ...supersededBy, ...amends, ...amendedBy]);
  const cites = views(ctx.linked(self, 'out', ['cites', 'mentions'], 'adr:').filter((r) => !related.has(r)));
  const citedBy = views([...ctx.linked(self, 'in', ['cites', 'mentions'], 'adr:').filter((r) => !related.has(r)), ...ctx.linked(self, 'in', ['cites', 'mentions'], 'doc:')]);
  const summary = adrSummary(ctx, adr);
  const fallback = `${summary.label}: ${summary.titleText}`;
  return {
    ref: self,
    slug: ctx.urls.path(ctx.urls.adr(adr)).replace(/^\/decisions\//, '').replace(/\/$/, ''),
    href: summary.href,
    label: summary.label,
    title: summary.title,
    titleText: summary.titleText,
    number: adr.number,
    group: adr.group,
    status: adr.status,
    statusLabel: STATUS_LABEL[adr.status],
    statusRaw: adr.statusRaw,
    statusHref: ctx.urls.decisions({ status: adr.status }),
    date: adr.date,
    dateLabel: summary.dateLabel,
    deciders: adr.deciders,
    tags: summary.tags,
    summary: summary.summary,
    description: description(adr.summary, fallback),
    file: adr.file,
    sourceHref: ctx.settings.repoUrl ? ctx.settings.repoUrl + adr.file.split('/').map(encodeURIComponent).join('/') : null,
    supersedes: views(supersedes),
    supersededBy: views(supersededBy),
    amends: views(amends),
    amendedBy: views(amendedBy),
    lineage,
    implementedBy,
    rules,
    tables,
    cites,
    citedBy,
    body,
    bodyFile: adr.file,
  };
}
