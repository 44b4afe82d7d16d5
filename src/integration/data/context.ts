// The indexes every page data builder shares: one pass over the knowledge, then O(1) lookups
// (no page scans the whole model for its neighbours).
import type { Adr, Finding, Knowledge, Link, LinkKind, MigrationGraph, Ref, Revision, RuleFile, RuleItem, TableHistory } from '../../core/model.ts';
import { adrLabel, adrRef, migrationRef, ruleRef, rulesFileRef, tableRef, docRef } from '../../core/ids.ts';
import { createUrls, type SiteUrls } from '../urls.ts';
import { plainText } from './text.ts';

export type RefKind = 'adr' | 'rule' | 'rules-file' | 'migration' | 'table' | 'doc';

/** How a page shows a link to another item of the model. */
export interface RefView {
  ref: Ref;
  kind: RefKind;
  /** Page URL (with the base path), or null when the item has no page. */
  href: string | null;
  /** Short name: `ADR-0005`, `DB-009`, a revision id, a table name. */
  label: string;
  /** Longer text: the ADR or rule title, the migration message; '' when the label says it all. */
  title: string;
  /** ADR status, for badges. */
  status?: string;
}

export interface SiteSettings {
  title: string;
  description: string;
  base: string;
  repoUrl: string | null;
}

export interface SiteContext {
  k: Knowledge;
  urls: SiteUrls;
  settings: SiteSettings;
  adrs: Map<Ref, Adr>;
  rules: Map<string, { rule: RuleItem; file: RuleFile }>;
  revisions: Map<Ref, { graph: MigrationGraph; rev: Revision }>;
  tables: Map<string, TableHistory>;
  /** A table name as written in any migration (also former names) → its current name. */
  tableName(name: string): string;
  /** Links by source and by target. */
  out: Map<Ref, Link[]>;
  in: Map<Ref, Link[]>;
  /** Position of a migration in its environment's history (0 = newest). */
  historyIndex: Map<Ref, number>;
  findingsByMigration: Map<Ref, Finding[]>;
  findingsByRule: Map<string, Finding[]>;
  view(ref: Ref): RefView;
  /** Refs linked to `ref` with one of `kinds`, in the given direction, unique, in link order. */
  linked(ref: Ref, direction: 'out' | 'in', kinds: LinkKind[], prefix?: string): Ref[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function refKind(ref: Ref): RefKind {
  return ref.slice(0, ref.indexOf(':')) as RefKind;
}

export function createContext(k: Knowledge, settings: SiteSettings): SiteContext {
  const urls = createUrls(
    { rules: k.rules, environments: k.migrations.map((g) => g.name), adrs: k.adrs, docs: k.docs },
    { base: settings.base },
  );
  const adrs = new Map<Ref, Adr>();
  for (const a of k.adrs) adrs.set(adrRef(a), a);
  const rules = new Map<string, { rule: RuleItem; file: RuleFile }>();
  for (const file of k.rules) for (const rule of file.rules) if (!rules.has(rule.id)) rules.set(rule.id, { rule, file });
  const revisions = new Map<Ref, { graph: MigrationGraph; rev: Revision }>();
  for (const graph of k.migrations) {
    // The later file wins for a duplicated id, as in Alembic.
    for (const rev of graph.revisions) revisions.set(migrationRef(graph.name, rev.revision), { graph, rev });
  }
  const historyIndex = new Map<Ref, number>();
  for (const graph of k.migrations) graph.history.forEach((id, i) => historyIndex.set(migrationRef(graph.name, id), i));
  const tables = new Map<string, TableHistory>();
  for (const t of k.tables) tables.set(t.name, t);
  const formerNames = new Map<string, string>();
  for (const t of k.tables) for (const f of t.formerNames) if (!tables.has(f) && !formerNames.has(f)) formerNames.set(f, t.name);
  const tableName = (name: string): string => (tables.has(name) ? name : (formerNames.get(name) ?? name));
  const docs = new Map(k.docs.map((d) => [docRef(d.path), d]));
  const rulesFiles = new Map(k.rules.map((f) => [rulesFileRef(f.path), f]));
  const out = new Map<Ref, Link[]>();
  const inn = new Map<Ref, Link[]>();
  for (const l of k.links) {
    push(out, l.from, l);
    push(inn, l.to, l);
  }
  const findingsByMigration = new Map<Ref, Finding[]>();
  const findingsByRule = new Map<string, Finding[]>();
  for (const f of k.findings) {
    if (f.revision !== null) push(findingsByMigration, migrationRef(f.environment, f.revision), f);
    if (f.rule !== null) push(findingsByRule, f.rule, f);
  }

  const views = new Map<Ref, RefView>();
  const view = (ref: Ref): RefView => {
    const cached = views.get(ref);
    if (cached) return cached;
    const kind = refKind(ref);
    const value = ref.slice(ref.indexOf(':') + 1);
    let v: RefView;
    switch (kind) {
      case 'adr': {
        const a = adrs.get(ref);
        v = a
          ? { ref, kind, href: urls.adr(a), label: a.number === null ? plainText(a.title) : adrLabel(a), title: a.number === null ? '' : plainText(a.title), status: a.status }
          : { ref, kind, href: null, label: value, title: '' };
        break;
      }
      case 'rule': {
        const r = rules.get(value);
        v = { ref, kind, href: urls.rule(value), label: r?.rule.label ?? value, title: r ? plainText(r.rule.title) : '' };
        break;
      }
      case 'rules-file': {
        const f = rulesFiles.get(ref);
        v = { ref, kind, href: f ? urls.rulesFile(f.path) : null, label: f?.title ?? value, title: f ? f.path : '' };
        break;
      }
      case 'migration': {
        const m = revisions.get(ref);
        v = m
          ? { ref, kind, href: urls.migration(m.graph.name, m.rev.revision), label: m.rev.revision, title: m.rev.message }
          : { ref, kind, href: null, label: value, title: '' };
        break;
      }
      case 'table':
        v = { ref, kind, href: tables.has(value) ? urls.table(value) : null, label: value, title: '' };
        break;
      case 'doc': {
        const d = docs.get(ref);
        v = { ref, kind, href: d ? urls.doc(d.slug) : null, label: d?.title ?? value, title: '' };
        break;
      }
      default:
        v = { ref, kind, href: null, label: ref, title: '' };
    }
    views.set(ref, v);
    return v;
  };

  const linked = (ref: Ref, direction: 'out' | 'in', kinds: LinkKind[], prefix?: string): Ref[] => {
    const list = (direction === 'out' ? out : inn).get(ref) ?? [];
    const seen = new Set<Ref>();
    const result: Ref[] = [];
    for (const l of list) {
      const other = direction === 'out' ? l.to : l.from;
      if (!kinds.includes(l.kind) || (prefix && !other.startsWith(prefix)) || seen.has(other)) continue;
      seen.add(other);
      result.push(other);
    }
    return result;
  };

  return { k, urls, settings, adrs, rules, revisions, tables, tableName, out, in: inn, historyIndex, findingsByMigration, findingsByRule, view, linked };
}

export { adrRef, migrationRef, ruleRef, rulesFileRef, tableRef, docRef };
