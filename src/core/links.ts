// The linker: resolves every reference written in rules, ADRs, docs and migrations into typed
// edges, and reports the ones that point nowhere.
import { posix } from 'node:path';
import type { Adr, Diagnostic, DocPage, Link, LinkKind, MigrationGraph, Ref, Revision, RuleFile } from './model.ts';
import { bodyRefs, markdownRefs, textRefs, type RawRef } from './refs.ts';
import { compareCodePoints } from './text.ts';
import { adrLabel, adrRef, docRef, migrationRef, ruleRef, rulesFileRef, tableRef } from './ids.ts';

export interface LinkInput {
  rules: RuleFile[];
  adrs: Adr[];
  docs: DocPage[];
  migrations: MigrationGraph[];
  /** Table names known from the migrations, and former names, each mapped to the current name. */
  tables: ReadonlyMap<string, string>;
  /** Whether a repo-relative path exists (for links to files that are not part of the model). */
  exists(path: string): boolean;
}

export interface LinkResult {
  links: Link[];
  diagnostics: Diagnostic[];
}

interface Target {
  ref: Ref;
  /** Group of an ADR (to prefer same-group matches on duplicate numbers). */
  group?: string;
}

class Index {
  readonly adrByNumber = new Map<number, Adr[]>();
  readonly adrById = new Map<string, Adr>();
  readonly byFile = new Map<string, Target>();
  readonly ruleIds = new Set<string>();
  /** Each revision id's ref (the first environment that has it). */
  readonly revisionRefs = new Map<string, Ref>();
  readonly tables: ReadonlyMap<string, string>;
  /** The ref of the current table for every table name and former name in `tables`. */
  readonly tableRefs = new Map<string, Ref>();

  constructor(input: LinkInput) {
    for (const adr of input.adrs) {
      if (adr.number !== null) {
        const list = this.adrByNumber.get(adr.number) ?? [];
        list.push(adr);
        this.adrByNumber.set(adr.number, list);
      }
      this.adrById.set(groupedId(adr), adr);
      this.byFile.set(adr.file, { ref: adrRef(adr), group: adr.group });
    }
    for (const file of input.rules) {
      this.byFile.set(file.path, { ref: rulesFileRef(file.path) });
      for (const rule of file.rules) this.ruleIds.add(rule.id);
    }
    for (const doc of input.docs) this.byFile.set(doc.path, { ref: docRef(doc.path) });
    for (const env of input.migrations) {
      for (const rev of env.revisions) {
        if (!this.revisionRefs.has(rev.revision)) this.revisionRefs.set(rev.revision, migrationRef(env.name, rev.revision));
      }
    }
    this.tables = input.tables;
    for (const [name, current] of input.tables) this.tableRefs.set(name, tableRef(current));
  }

  adr(number: number, group: string | undefined): Adr | undefined {
    const list = this.adrByNumber.get(number);
    if (!list) return undefined;
    return list.find((a) => a.group === group) ?? list[0];
  }

  revision(id: string): Ref | undefined {
    return this.revisionRefs.get(id);
  }
}

const TABLE_NAME = /^[A-Za-z_][\w.]*$/;
/** A docstring trailer line: `Decisions: ADR-0004`, `Rules: DB-006, DB-007`. */
const TRAILER = /^\s*(Decisions?|ADRs?|Rules?)\s*:\s*(.+)$/i;
const RULES_TRAILER = /^rules?$/i;

function groupedId(adr: Adr): string {
  return adr.group ? `${adr.group}/${adr.id}` : adr.id;
}

class Linker {
  /** Links by source, then target: one per (from, to, kind), the first one added. */
  readonly links = new Map<Ref, Map<Ref, Link[]>>();
  readonly diagnostics: Diagnostic[] = [];
  readonly index: Index;
  readonly input: LinkInput;

  constructor(index: Index, input: LinkInput) {
    this.index = index;
    this.input = input;
  }

  add(from: Ref, to: Ref, kind: LinkKind, path: string, line: number | null, text: string): void {
    if (from === to) return;
    let byTarget = this.links.get(from);
    if (!byTarget) {
      byTarget = new Map();
      this.links.set(from, byTarget);
    }
    const list = byTarget.get(to);
    if (list === undefined) byTarget.set(to, [{ from, to, kind, source: { path, line }, text }]);
    else if (!list.some((l) => l.kind === kind)) list.push({ from, to, kind, source: { path, line }, text });
  }

  /** Every link, ordered by source, target and kind. */
  sorted(): Link[] {
    const out: Link[] = [];
    for (const from of [...this.links.keys()].sort(compareCodePoints)) {
      const byTarget = this.links.get(from)!;
      for (const to of [...byTarget.keys()].sort(compareCodePoints)) {
        const list = byTarget.get(to)!;
        if (list.length > 1) list.sort((a, b) => compareCodePoints(a.kind, b.kind));
        out.push(...list);
      }
    }
    return out;
  }

  unresolved(path: string, line: number | null, message: string, severity: Diagnostic['severity'] = 'error'): void {
    this.diagnostics.push({ code: 'link/unresolved', severity, path, line, message });
  }

  /**
   * Resolves the references found in a text. `explicit` refs (ADR numbers, `rule:` ids, links)
   * must resolve; labels, code spans and hex words only link when something matches.
   */
  resolve(
    refs: RawRef[],
    from: (line: number) => Ref,
    path: string,
    kinds: { adr: LinkKind; rule: LinkKind },
    group?: string,
  ): void {
    for (const r of refs) {
      const source = from(r.line);
      switch (r.kind) {
        case 'adr-number': {
          const adr = this.index.adr(Number(r.value), group);
          if (adr) this.add(source, adrRef(adr), kinds.adr, path, r.line, r.text);
          else this.unresolved(path, r.line, `${r.text} is mentioned, but no ADR has number ${r.value}. Fix the number or add the ADR.`);
          break;
        }
        case 'rule-id':
          if (this.index.ruleIds.has(r.value)) this.add(source, ruleRef(r.value), kinds.rule, path, r.line, r.text);
          else this.unresolved(path, r.line, `${r.text} names no rule. Use the id or label of a rule in a rules file.`);
          break;
        case 'label':
          if (this.index.ruleIds.has(r.value)) this.add(source, ruleRef(r.value), kinds.rule, path, r.line, r.text);
          break;
        case 'path':
          this.resolvePath(r, source, path, kinds);
          break;
        case 'code': {
          const name = r.value.endsWith('()') ? r.value.slice(0, -2) : r.value;
          const table = name.includes('.') ? name.slice(0, name.indexOf('.')) : name;
          const current = this.index.tableRefs.get(table);
          if (current && TABLE_NAME.test(name)) this.add(source, current, 'mentions', path, r.line, r.text);
          else {
            const rev = this.index.revision(r.value);
            if (rev) this.add(source, rev, 'mentions', path, r.line, r.text);
          }
          break;
        }
        case 'word': {
          const rev = this.index.revision(r.value);
          if (rev) this.add(source, rev, 'mentions', path, r.line, r.text);
          break;
        }
      }
    }
  }

  resolvePath(r: RawRef, source: Ref, path: string, kinds: { adr: LinkKind; rule: LinkKind }): void {
    const target = resolveRelative(path, r.value);
    if (target === null) {
      this.unresolved(path, r.line, `${r.text} points outside the repository. Link to a file inside it.`);
      return;
    }
    const hit = this.index.byFile.get(target);
    const anchor = r.value.includes('#') ? r.value.slice(r.value.indexOf('#') + 1).toLowerCase() : '';
    if (hit && hit.ref.startsWith('rules-file:') && this.index.ruleIds.has(anchor)) {
      this.add(source, ruleRef(anchor), kinds.rule, path, r.line, r.text);
    } else if (hit) {
      const kind = hit.ref.startsWith('adr:') ? kinds.adr : hit.ref.startsWith('rules-file:') ? kinds.rule : 'cites';
      this.add(source, hit.ref, kind, path, r.line, r.text);
    } else if (!this.input.exists(target)) {
      this.unresolved(path, r.line, `${r.text} links to ${target}, which does not exist. Fix the link target.`);
    }
  }
}

/** Repo-relative target of a relative link written in `fromFile`, or null if it leaves the repo. */
export function resolveRelative(fromFile: string, url: string): string | null {
  let target = url.split('#')[0]!.split('?')[0]!;
  try {
    target = decodeURIComponent(target);
  } catch {
    // keep the raw text
  }
  const joined = posix.normalize(posix.join(posix.dirname(fromFile), target));
  if (joined.startsWith('../') || joined === '..' || posix.isAbsolute(joined)) return null;
  return joined;
}

function relationRefs(items: string[]): RawRef[] {
  // ADR relation items are ids from link targets (already relative to the ADR root), `ADR-n` tokens,
  // or free text from front matter.
  return items.map((item) => ({ kind: 'word', value: item, text: item, line: 0 }));
}

export function linkKnowledge(input: LinkInput): LinkResult {
  const index = new Index(input);
  const linker = new Linker(index, input);

  for (const adr of input.adrs) {
    const self = adrRef(adr);
    const body = bodyRefs(adr);
    linker.resolve(body, () => self, adr.file, { adr: 'cites', rule: 'cites' }, adr.group);
    linkRelations(linker, index, adr, body);
    for (const rule of adr.declared.rules) {
      const id = rule.toLowerCase().replace(/^rule:/, '');
      if (index.ruleIds.has(id)) linker.add(self, ruleRef(id), 'cites', adr.file, 1, rule);
      else linker.unresolved(adr.file, 1, `Front matter \`rules: ${rule}\` names no rule. Use the id or label of a rule.`);
    }
    for (const table of adr.declared.tables) {
      const current = index.tableRefs.get(table);
      if (current) linker.add(self, current, 'mentions', adr.file, 1, table);
      else linker.unresolved(adr.file, 1, `Front matter \`tables: ${table}\` names a table no migration creates. Fix the name.`, 'warning');
    }
    for (const rev of adr.declared.migrations) {
      const ref = index.revision(rev);
      if (ref) linker.add(ref, self, 'implements', adr.file, 1, rev);
      else linker.unresolved(adr.file, 1, `Front matter \`migrations: ${rev}\` names no known revision. Use a revision id.`);
    }
  }

  for (const file of input.rules) {
    const fileRef = rulesFileRef(file.path);
    const ordered = [...file.rules].sort((a, b) => a.line - b.line).map((rule) => ({ line: rule.line, ref: ruleRef(rule.id) }));
    const owner = (line: number): Ref => {
      let found: Ref = fileRef;
      for (const rule of ordered) if (rule.line <= line) found = rule.ref;
      return found;
    };
    linker.resolve(markdownRefs(file.body, file.bodyLine), owner, file.path, { adr: 'cites', rule: 'cites' });
  }

  for (const doc of input.docs) {
    const self = docRef(doc.path);
    linker.resolve(markdownRefs(doc.body, doc.bodyLine), () => self, doc.path, { adr: 'cites', rule: 'cites' });
  }

  for (const env of input.migrations) {
    for (const rev of env.revisions) linkMigration(linker, index, env.name, rev);
  }

  const links = linker.sorted();
  const diagnostics = [...linker.diagnostics, ...duplicateAdrIds(input.adrs), ...relationCycles(links, input.adrs)];
  return { links, diagnostics };
}

/** Two records with the same id (`0003-x.md` and `0003-x.markdown`, or the same path in two ADR roots). */
function duplicateAdrIds(adrs: Adr[]): Diagnostic[] {
  const first = new Map<Ref, Adr>();
  const out: Diagnostic[] = [];
  for (const adr of adrs) {
    const ref = adrRef(adr);
    const other = first.get(ref);
    if (!other) first.set(ref, adr);
    else {
      out.push({
        code: 'adr/duplicate-id',
        severity: 'warning',
        path: adr.file,
        line: null,
        message: `${adr.file} gets the same id (${ref.slice(4)}) as ${other.file}: ids come from the file path without its extension, so links cannot tell them apart. Rename one of the files.`,
      });
    }
  }
  return out;
}

/** Supersede (or amend) links that go round in a circle: each record claims to replace the other. */
function relationCycles(links: Link[], adrs: Adr[]): Diagnostic[] {
  const byRef = new Map<Ref, Adr>(adrs.map((a) => [adrRef(a), a]));
  const label = (ref: Ref): string => {
    const adr = byRef.get(ref);
    return adr ? adrLabel(adr) : ref;
  };
  const out: Diagnostic[] = [];
  for (const kind of ['supersedes', 'amends'] as const) {
    const edges = links.filter((l) => l.kind === kind);
    const component = stronglyConnected(edges);
    for (const l of edges) {
      const c = component.get(l.from);
      if (c === undefined || c !== component.get(l.to)) continue;
      const verb = kind === 'supersedes' ? 'supersedes' : 'amends';
      out.push({
        code: `adr/${kind === 'supersedes' ? 'supersede' : 'amend'}-cycle`,
        severity: 'warning',
        path: l.source.path,
        line: l.source.line,
        message: `${label(l.from)} ${verb} ${label(l.to)}, and ${label(l.to)} (directly or through other records) ${verb} ${label(l.from)}: the records go round in a circle. Keep the reference on the newer record only.`,
      });
    }
  }
  return out;
}

/** Tarjan's algorithm without recursion: component id per node, for components of two or more nodes. */
function stronglyConnected(edges: Link[]): Map<Ref, number> {
  const next = new Map<Ref, Ref[]>();
  for (const e of edges) {
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    if (!next.has(e.to)) next.set(e.to, []);
  }
  const index = new Map<Ref, number>();
  const low = new Map<Ref, number>();
  const onStack = new Set<Ref>();
  const stack: Ref[] = [];
  const component = new Map<Ref, number>();
  let counter = 0;
  let components = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: { node: Ref; child: number }[] = [{ node: start, child: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const children = next.get(top.node)!;
      if (top.child < children.length) {
        const child = children[top.child++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) low.set(top.node, Math.min(low.get(top.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const members: Ref[] = [];
      for (;;) {
        const member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
        if (member === top.node) break;
      }
      if (members.length > 1) {
        for (const m of members) component.set(m, components);
        components++;
      }
    }
  }
  return component;
}

function linkRelations(linker: Linker, index: Index, adr: Adr, body: RawRef[]): void {
  if (adr.supersedes.length + adr.supersededBy.length + adr.amends.length + adr.amendedBy.length === 0) return;
  const self = adrRef(adr);
  const lineOf = (text: string): number | null => body.find((r) => r.text.includes(text))?.line ?? findLine(adr, text);
  const lines = adr.body.split('\n');
  // The line that declares the relation (`Supersedes: ADR-0003`), not just any mention of the record.
  const declaredAt = (item: string, keyword: RegExp): number | null => {
    const i = lines.findIndex((l) => keyword.test(l) && l.includes(item));
    if (i >= 0) return adr.bodyLine + i;
    // Not declared in the body: it comes from the front matter, which starts on line 1.
    return adr.bodyLine > 1 ? 1 : lineOf(item);
  };
  const resolveItem = (item: string): Adr | undefined => {
    const byId = index.adrById.get(adr.group ? `${adr.group}/${item}` : item) ?? index.adrById.get(item);
    if (byId) return byId;
    const n = item.match(/^ADR[-_ ]?(\d+)$/i) ?? item.match(/^(\d+)$/);
    return n ? index.adr(Number(n[1]), adr.group) : undefined;
  };
  const relate = (items: string[], kind: 'supersedes' | 'amends', reverse: boolean, phrase: string): void => {
    for (const { value: item } of relationRefs(items)) {
      const other = resolveItem(item);
      const line = declaredAt(item, kind === 'supersedes' ? /supersed/i : /amend/i);
      if (!other) {
        linker.unresolved(adr.file, line, `"${phrase} ${item}" names no ADR in this repository. Fix the reference (an ADR number such as ADR-0007, or a link to the file).`);
        continue;
      }
      if (other === adr) {
        linker.diagnostics.push({ code: 'adr/self-reference', severity: 'warning', path: adr.file, line, message: `${adrLabel(adr)} says it ${phrase} itself. Remove that reference.` });
        continue;
      }
      if (reverse) linker.add(adrRef(other), self, kind, adr.file, line, item);
      else linker.add(self, adrRef(other), kind, adr.file, line, item);
    }
  };
  relate(adr.supersedes, 'supersedes', false, 'supersedes');
  relate(adr.supersededBy, 'supersedes', true, 'is superseded by');
  relate(adr.amends, 'amends', false, 'amends');
  relate(adr.amendedBy, 'amends', true, 'is amended by');
}

function findLine(adr: Adr, text: string): number | null {
  const i = adr.body.indexOf(text);
  if (i < 0) return 1;
  let line = adr.bodyLine;
  for (let k = 0; k < i; k++) if (adr.body.charCodeAt(k) === 10) line++;
  return line;
}

function linkMigration(linker: Linker, index: Index, env: string, rev: Revision): void {
  const self = migrationRef(env, rev.revision);
  const refs: RawRef[] = [];
  const docStart = rev.docLine ?? 1;
  rev.longdoc.split('\n').forEach((text, i) => {
    const line = docStart + i;
    const trailer = TRAILER.exec(text);
    if (trailer && RULES_TRAILER.test(trailer[1]!)) {
      // `Rules:` trailers are explicit: every label must name a rule.
      for (const item of trailer[2]!.split(/[,;\s]+/).filter(Boolean)) {
        const id = item.toLowerCase().replace(/^rule:/, '');
        if (index.ruleIds.has(id)) linker.add(self, ruleRef(id), 'cites', rev.path, line, item);
        else linker.unresolved(rev.path, line, `"Rules: ${item}" names no rule. Use the label of a rule (e.g. DB-006).`);
      }
      return;
    }
    textRefs(text, line, refs);
  });
  for (const c of rev.comments) textRefs(c.text, c.line, refs);
  linker.resolve(
    refs.filter((r) => !(r.kind === 'word' && r.value === rev.revision)),
    () => self,
    rev.path,
    { adr: 'implements', rule: 'cites' },
  );
  const touched = new Map<string, number>();
  for (const op of rev.upgrade) if (op.table && !touched.has(op.table)) touched.set(op.table, op.line);
  for (const op of rev.upgrade) if (op.kind === 'rename_table' && op.newName && !touched.has(op.newName)) touched.set(op.newName, op.line);
  for (const [table, line] of touched) linker.add(self, index.tableRefs.get(table) ?? tableRef(table), 'touches', rev.path, line, table);
}
