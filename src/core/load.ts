// loadKnowledge: the single entry point from files to the linked model.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Adr, Diagnostic, DocPage, InputFile, Knowledge, MigrationGraph, RuleFile, TableHistory } from './model.ts';
import { readAdrDirectory } from './adr/read.ts';
import { readRules } from './rules/read.ts';
import { readDocs } from './docs/read.ts';
import { environmentFromPath, finishEnvironment, parseLoadEntry, planEnvironment, type EnvironmentPlan, type EnvironmentSpec, type ParsedEntry } from './alembic/environment.ts';
import { parsePlans } from './alembic/parse-pool.ts';
import { linkKnowledge } from './links.ts';
import { buildTables } from './tables.ts';
import { audit } from './audit/index.ts';
import { repoPath } from './fs/walk.ts';
import { compareCodePoints } from './text.ts';

export interface SourceOptions {
  /** ADR folders (repo-relative or absolute). */
  adrs?: string[];
  /** Rules files or folders. */
  rules?: string[];
  /** Versions folders, alembic.ini files, or folders holding an alembic.ini. */
  migrations?: string[];
  /** Guide-page folders. */
  docs?: string[];
}

export interface LoadOptions {
  sources?: SourceOptions;
  /** Values for non-literal expressions in migration variables (`settings.CORE_BRANCH` → `core`). */
  constants?: Record<string, string | string[] | null>;
}

/** The layout of Lore's own repository (the demo). */
export const defaultSources: Required<SourceOptions> = {
  adrs: ['adr'],
  rules: ['rules'],
  migrations: ['content/migrations/versions'],
  docs: ['content/docs'],
};

export interface SourceState {
  kind: keyof SourceOptions;
  path: string;
  found: boolean;
  /** Given explicitly (a missing explicit source is an error; a missing default is not). */
  explicit: boolean;
}

export interface LoadedKnowledge extends Knowledge {
  sources: SourceState[];
}

/** Reads and links a repository on the calling thread. */
export function loadKnowledge(root: string, options: LoadOptions = {}): LoadedKnowledge {
  const prepared = prepare(root, options);
  const documents = readDocuments(prepared);
  const parsed = prepared.plans.map((plan) => plan.loads.map((entry) => parseLoadEntry(entry, plan.spec.constants)));
  return assemble(prepared, documents, parsed);
}

/**
 * The same result as `loadKnowledge`, faster on large repositories: migrations are parsed in
 * worker threads while this thread reads the ADRs, rules and docs.
 */
export async function loadKnowledgeParallel(root: string, options: LoadOptions = {}): Promise<LoadedKnowledge> {
  const prepared = prepare(root, options);
  const parsing = parsePlans(prepared.plans);
  const documents = readDocuments(prepared);
  return assemble(prepared, documents, await parsing);
}

interface Prepared {
  root: string;
  sources: SourceState[];
  diagnostics: Diagnostic[];
  inputs: InputFile[];
  dirs: { adrs: string[]; rules: string[]; docs: string[] };
  plans: EnvironmentPlan[];
}

interface Documents {
  adrs: Adr[];
  rules: RuleFile[];
  docs: DocPage[];
}

/** Resolves the sources and scans the migration environments (cheap; no file is parsed yet). */
function prepare(rootArg: string, options: LoadOptions): Prepared {
  const root = resolve(rootArg);
  const diagnostics: Diagnostic[] = [];
  const inputs: InputFile[] = [];
  const sources: SourceState[] = [];

  const pick = (kind: keyof SourceOptions): string[] => {
    const explicit = options.sources?.[kind];
    const list = explicit && explicit.length ? explicit : defaultSources[kind];
    const found: string[] = [];
    for (const entry of list) {
      const abs = isAbsolute(entry) ? entry : join(root, entry);
      const ok = existsSync(abs);
      sources.push({ kind, path: repoPath(root, abs) || '.', found: ok, explicit: Boolean(explicit?.length) });
      if (ok) found.push(abs);
      else if (explicit?.length) {
        diagnostics.push({ code: 'config/missing-source', severity: 'error', path: null, line: null, message: `${kind} source ${entry} does not exist: fix the path given to --${kind}` });
      }
    }
    return found;
  };

  const dirs = { adrs: pick('adrs'), rules: pick('rules'), docs: pick('docs') };
  const specs: EnvironmentSpec[] = [];
  for (const target of pick('migrations')) {
    const r = environmentFromPath(root, target);
    specs.push(...r.environments);
    diagnostics.push(...r.diagnostics);
  }
  nameEnvironments(specs);
  const plans = specs.map((spec) => {
    if (options.constants) spec.constants = { ...options.constants, ...spec.constants };
    return planEnvironment(spec, root);
  });
  return { root, sources, diagnostics, inputs, dirs, plans };
}

function readDocuments(p: Prepared): Documents {
  const { root, diagnostics, inputs } = p;
  const adrs: Adr[] = [];
  for (const dir of p.dirs.adrs) {
    if (!isDirectory(dir)) {
      diagnostics.push({ code: 'config/not-a-folder', severity: 'error', path: repoPath(root, dir), line: null, message: 'ADR source must be a folder' });
      continue;
    }
    const r = readAdrDirectory(root, dir, { group: '' });
    adrs.push(...r.adrs);
    inputs.push(...r.inputs);
    diagnostics.push(...r.diagnostics);
  }
  const rulesResult = readRules(root, p.dirs.rules);
  inputs.push(...rulesResult.inputs);
  diagnostics.push(...rulesResult.diagnostics);
  const docs: DocPage[] = [];
  for (const dir of p.dirs.docs) {
    const r = readDocs(root, dir);
    docs.push(...r.docs);
    inputs.push(...r.inputs);
    diagnostics.push(...r.diagnostics);
  }
  return { adrs, rules: rulesResult.files, docs };
}

function assemble(p: Prepared, documents: Documents, parsed: ParsedEntry[][]): LoadedKnowledge {
  const { root, diagnostics, inputs } = p;
  const { adrs, rules, docs } = documents;
  const migrations: MigrationGraph[] = [];
  p.plans.forEach((plan, i) => {
    const graph = finishEnvironment(plan, parsed[i]!);
    migrations.push(graph);
    inputs.push(...graph.inputs);
    diagnostics.push(...graph.diagnostics);
  });

  const tables = buildTables(migrations);
  const inputPaths = new Set(inputs.map((i) => i.path));
  const linked = linkKnowledge({
    rules,
    adrs,
    docs,
    migrations,
    tables: tableNames(tables),
    exists: (path) => inputPaths.has(path) || existsSync(join(root, path)),
  });
  diagnostics.push(...linked.diagnostics);

  const knowledge: LoadedKnowledge = {
    root,
    sources: p.sources,
    rules,
    adrs: adrs.sort((a, b) => compareCodePoints(a.file, b.file)),
    docs,
    migrations,
    tables,
    links: linked.links,
    findings: [],
    diagnostics: [],
    inputs: sortInputs(inputs),
  };
  const audited = audit(knowledge);
  knowledge.findings = audited.findings;
  diagnostics.push(...audited.diagnostics);
  knowledge.diagnostics = sortDiagnostics(dedupe(diagnostics));
  return knowledge;
}

/** Every table name, and every former name not reused by another table, mapped to the current name. */
function tableNames(tables: TableHistory[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of tables) names.set(t.name, t.name);
  for (const t of tables) for (const former of t.formerNames) if (!names.has(former)) names.set(former, t.name);
  return names;
}

/** Environment names must be unique: `default` alone, else the folder names, suffixed on clashes. */
function nameEnvironments(specs: EnvironmentSpec[]): void {
  const seen = new Map<string, number>();
  for (const spec of specs) {
    const n = seen.get(spec.name) ?? 0;
    seen.set(spec.name, n + 1);
    if (n > 0) spec.name = `${spec.name}-${n + 1}`;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}\u0000${d.path}\u0000${d.line}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const severityRank = { error: 0, warning: 1, info: 2 } as const;

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareCodePoints(a.path ?? '', b.path ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      compareCodePoints(a.code, b.code) ||
      compareCodePoints(a.message, b.message),
  );
}

function sortInputs(list: InputFile[]): InputFile[] {
  const seen = new Map<string, InputFile>();
  for (const i of list) if (!seen.has(i.path)) seen.set(i.path, i);
  return [...seen.values()].sort((a, b) => compareCodePoints(a.path, b.path));
}
