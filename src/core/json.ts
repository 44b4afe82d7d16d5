// The model as plain JSON: stable key order, repo-relative paths, no absolute root.
import type { Adr, Link, MigrationGraph, Ref } from './model.ts';
import type { LoadedKnowledge } from './load.ts';
import { adrRef } from './ids.ts';

type LinkEnd = { ref: Ref; kind: Link['kind']; path: string; line: number | null };

function linkIndex(links: Link[]): { out: Map<Ref, LinkEnd[]>; in: Map<Ref, LinkEnd[]> } {
  const out = new Map<Ref, LinkEnd[]>();
  const inn = new Map<Ref, LinkEnd[]>();
  for (const l of links) {
    const push = (m: Map<Ref, LinkEnd[]>, key: Ref, ref: Ref) => {
      const list = m.get(key) ?? [];
      list.push({ ref, kind: l.kind, path: l.source.path, line: l.source.line });
      m.set(key, list);
    };
    push(out, l.from, l.to);
    push(inn, l.to, l.from);
  }
  return { out, in: inn };
}

function adrJson(adr: Adr, idx: ReturnType<typeof linkIndex>) {
  const ref = adrRef(adr);
  return {
    ref,
    path: adr.file,
    id: adr.id,
    group: adr.group,
    number: adr.number,
    title: adr.title,
    status: adr.status,
    statusRaw: adr.statusRaw,
    date: adr.date,
    deciders: adr.deciders,
    tags: adr.tags,
    supersedes: adr.supersedes,
    supersededBy: adr.supersededBy,
    amends: adr.amends,
    amendedBy: adr.amendedBy,
    summary: adr.summary,
    sections: adr.sections.map((s) => ({ heading: s.heading, role: s.role, line: s.line })),
    links: idx.out.get(ref) ?? [],
    backlinks: idx.in.get(ref) ?? [],
  };
}

export function graphJson(g: MigrationGraph) {
  return {
    revisions: g.revisions.map((r) => ({
      revision: r.revision,
      path: r.path,
      downRevisions: r.downRevisions,
      dependsOn: r.dependsOn,
      branchLabels: r.branchLabels,
      message: r.message,
      isHead: r.isHead,
      isBase: r.isBase,
      isBranchPoint: r.isBranchPoint,
      isMergePoint: r.isMergePoint,
      isRealHead: r.isRealHead,
      orphaned: r.orphaned,
      createDate: r.createDate,
      unresolved: r.unresolved,
      downgrade: r.downgradeShape,
      upgradeOperations: r.upgrade,
      downgradeOperations: r.downgrade,
    })),
    heads: g.heads,
    bases: g.bases,
    branchPoints: g.branchPoints,
    mergePoints: g.mergePoints,
    history: g.history,
    historyLines: g.historyLines,
    ignoredFiles: g.ignoredFiles,
    diagnostics: g.diagnostics,
  };
}

export function knowledgeJson(k: LoadedKnowledge) {
  const idx = linkIndex(k.links);
  return {
    sources: k.sources,
    rules: k.rules.map((f) => ({
      path: f.path,
      title: f.title,
      appliesTo: f.appliesTo,
      priority: f.priority,
      rules: f.rules.map((r) => ({
        id: r.id,
        label: r.label,
        title: r.title,
        text: r.text,
        line: r.line,
        section: r.section,
        links: idx.out.get(`rule:${r.id}`) ?? [],
        backlinks: idx.in.get(`rule:${r.id}`) ?? [],
      })),
    })),
    adrs: k.adrs.map((a) => adrJson(a, idx)),
    docs: k.docs.map((d) => ({ path: d.path, slug: d.slug, title: d.title, description: d.description })),
    migrations: k.migrations.map((g) => ({ name: g.name, path: g.path, locations: g.locations, missingLocations: g.missingLocations, ...graphJson(g) })),
    tables: k.tables,
    links: k.links,
    findings: k.findings,
    diagnostics: k.diagnostics,
    inputs: k.inputs,
  };
}
