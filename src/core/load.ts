// loadKnowledge: the single entry point from files to the linked model.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Adr, Diagnostic, DocPage, InputFile, Knowledge, MigrationGraph, RuleFile, TableHistory } from './model.ts';
import { readAdrDirectory } from './adr/read.ts';
import { readRules } from './rules/read.ts';
import { readDocs } from './docs/read.ts';
import { environmentFromPath, finishEnvironment, planEnvironment, type EnvironmentPlan, type EnvironmentSpec, type ParsedEntry } from './alembic/environment.ts';
import { nameEnvironments as nameFoundEnvironments } from './alembic/discover.ts';
import { parsePlansHere, startParserPool } from './alembic/parse-pool.ts';
import type { ParseCache } from './parse-cache.ts';
import { linkKnowledge } from './links.ts';
import { buildTables } from './tables.ts';
import { audit } from './audit/index.ts';
import { repoPath } from './fs/walk.ts';
import { compareCodePoints } from './text.ts';
import { discoverSources, type SourceKind } from './discover/index.ts';
import { FolderListings } from './fs/listing.ts';
import { adrGroups } from './discover/groups.ts';
import { resolveConfigSync, type ResolvedConfig } from './config/resolve.ts';

export type { SourceKind } from './discover/index.ts';

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
  /** Sources given by the caller (command-line options); each kind given replaces the config's and discovery's. */
  sources?: SourceOptions;
  /** Values for non-literal expressions in migration variables (`settings.CORE_BRANCH` → `core`), over the config's. */
  constants?: Record<string, string | string[] | null>;
  /**
   * The configuration (from `resolveConfig`). Absent: the root's lore.config.mjs / lore.config.json
   * is read here; null: no configuration file at all.
   */
  config?: ResolvedConfig | null;
  /** Migrations, ADRs and rules files parsed on earlier runs (see `FileParseCache`); fresh results are added to it. */
  cache?: ParseCache | null;
}

/**
 * The layout of Lore's own repository (the demo).
 * @deprecated Sources are discovered now (`resolveSources`); kept for callers that still list these.
 */
export const defaultSources: Required<SourceOptions> = {
  adrs: ['adr'],
  rules: ['rules'],
  migrations: ['content/migrations/versions'],
  docs: ['content/docs'],
};

/** Where a source came from. */
export type SourceOrigin = 'option' | 'config' | 'discovered';

export interface SourceState {
  kind: SourceKind;
  path: string;
  found: boolean;
  /** Named by an option or the configuration (a missing one is an error); false when discovery looked for it. */
  explicit: boolean;
  origin: SourceOrigin;
  /** How it was found (`lore.config.json`, `.adr-dir (adr-tools)`, `alembic.ini [alembic] script_location`), or why it was not. */
  reason: string;
}

export interface LoadedKnowledge extends Knowledge {
  /** Every source read, and every place looked at and not found (with the reason). */
  sources: SourceState[];
  /** The configuration in effect (empty when there is none). */
  config: ResolvedConfig;
}

/** Reads and links a repository on the calling thread. */
export function loadKnowledge(root: string, options: LoadOptions = {}): LoadedKnowledge {
  const prepared = prepare(root, options);
  const documents = readDocuments(prepared, options.cache ?? null);
  const parsed = parsePlansHere(prepared.plans, options.cache ?? null);
  return assemble(prepared, documents, parsed);
}

/**
 * The same result as `loadKnowledge`, faster on large repositories: migrations are parsed in
 * worker threads while this thread reads the ADRs, rules and docs.
 */
export async function loadKnowledgeParallel(root: string, options: LoadOptions = {}): Promise<LoadedKnowledge> {
  // The workers load the parser while this thread finds the sources (unless a warm cache will
  // likely leave them nothing to do).
  const pool = startParserPool(undefined, { eager: !options.cache?.size });
  let prepared: Prepared;
  try {
    prepared = prepare(root, options);
  } catch (err) {
    pool.close();
    throw err;
  }
  // This thread reads the ADRs, rules and docs meanwhile, then parses whatever files are left.
  const parsing = pool.parse(prepared.plans, { cache: options.cache ?? null });
  const documents = readDocuments(prepared, options.cache ?? null);
  return assemble(prepared, documents, await parsing.finish());
}

/** What will be read: options first, then the configuration, then discovery, kind by kind. */
export interface ResolvedSources {
  /** Absolute repository root. */
  root: string;
  config: ResolvedConfig;
  states: SourceState[];
  /** Absolute ADR folders and their groups ('' for the main one). */
  adrs: { dir: string; group: string }[];
  /** Absolute rules files and folders. */
  rules: string[];
  /** Absolute hand-written CLAUDE.md / AGENTS.md read for their rules sections. */
  agentRules: string[];
  /** Absolute guide-page folders. */
  docs: string[];
  /** Named Alembic environments (not yet scanned). */
  environments: EnvironmentSpec[];
  diagnostics: Diagnostic[];
}

/** Resolves the sources without reading them (also what `lore dev` watches and `--changed-since` diffs). */
export function resolveSources(rootArg: string, options: LoadOptions = {}, listings = new FolderListings()): ResolvedSources {
  const root = resolve(rootArg);
  const config = options.config === undefined ? resolveConfigSync(root) : (options.config ?? resolveConfigSync(root, { readFile: false }));
  const diagnostics: Diagnostic[] = [...config.diagnostics];
  const states: SourceState[] = [];
  const configName = config.path ?? 'the configuration';

  const given = (kind: SourceKind): { list: string[]; origin: SourceOrigin } | null => {
    const option = options.sources?.[kind];
    if (option?.length) return { list: option, origin: 'option' };
    const fromConfig = config.sources[kind];
    if (fromConfig?.length) return { list: fromConfig, origin: 'config' };
    return null;
  };
  /** The explicit entries that exist (absolute); states and diagnostics for all of them. */
  const pick = (kind: SourceKind, g: { list: string[]; origin: SourceOrigin }): string[] => {
    const found: string[] = [];
    for (const entry of g.list) {
      const abs = isAbsolute(entry) ? entry : join(root, entry);
      const ok = existsSync(abs);
      const reason = ok ? (g.origin === 'option' ? 'given' : `named in ${configName}`) : 'does not exist';
      const rel = repoPath(root, abs) || '.';
      const shown = rel.startsWith('..') ? entry : rel;
      states.push({ kind, path: rel, found: ok, explicit: true, origin: g.origin, reason });
      if (ok) found.push(abs);
      else {
        const fix = g.origin === 'option' ? `fix the path given to --${kind}` : `fix sources.${kind} in ${configName}`;
        diagnostics.push({ code: 'config/missing-source', severity: 'error', path: null, line: null, message: `${kind} source ${shown} does not exist: ${fix}` });
      }
    }
    return found;
  };

  const explicit = { adrs: given('adrs'), rules: given('rules'), migrations: given('migrations'), docs: given('docs') };
  const adrDirs = explicit.adrs ? pick('adrs', explicit.adrs).map((dir) => ({ path: dir, group: null as string | null })) : [];
  const rules = explicit.rules ? pick('rules', explicit.rules) : [];
  const docs = explicit.docs ? pick('docs', explicit.docs) : [];
  const migrationTargets = explicit.migrations ? pick('migrations', explicit.migrations) : [];

  const kinds = (['adrs', 'rules', 'migrations', 'docs'] as const).filter((k) => explicit[k] === null);
  const agentRules: string[] = [];
  const environments: EnvironmentSpec[] = [];
  if (kinds.length || config.rulesFromAgentFiles) {
    const inside = (abs: string): string | null => {
      const rel = repoPath(root, abs);
      return rel.startsWith('..') || isAbsolute(rel) ? null : rel;
    };
    const exclude = [...adrDirs.map((a) => a.path), ...rules].map(inside).filter((p): p is string => p !== null);
    const found = discoverSources(root, { kinds, rulesFromAgentFiles: config.rulesFromAgentFiles, exclude, listings });
    diagnostics.push(...found.diagnostics);
    for (const l of found.looked) states.push({ kind: l.kind, path: l.path, found: l.found, explicit: false, origin: 'discovered', reason: l.reason });
    adrDirs.push(...found.sources.adrs.map((a) => ({ path: join(root, a.path), group: a.group })));
    rules.push(...found.sources.rules.map((r) => join(root, r)));
    agentRules.push(...found.sources.agentRules.map((r) => join(root, r)));
    docs.push(...found.sources.docs.map((d) => join(root, d)));
    environments.push(...found.sources.migrations);
  }
  for (const target of migrationTargets) {
    const r = environmentFromPath(root, target);
    environments.push(...r.environments);
    diagnostics.push(...r.diagnostics);
  }
  if (explicit.migrations) nameEnvironments(root, environments);
  const groups = adrGroups(adrDirs.map((a) => ({ path: repoPath(root, a.path), group: a.group })));
  return {
    root,
    config,
    states,
    adrs: adrDirs.map((a, i) => ({ dir: a.path, group: groups[i]! })),
    rules,
    agentRules,
    docs,
    environments,
    diagnostics,
  };
}

interface Prepared {
  root: string;
  config: ResolvedConfig;
  sources: SourceState[];
  diagnostics: Diagnostic[];
  inputs: InputFile[];
  dirs: { adrs: { dir: string; group: string }[]; rules: string[]; agentRules: string[]; docs: string[] };
  plans: EnvironmentPlan[];
}

interface Documents {
  adrs: Adr[];
  rules: RuleFile[];
  docs: DocPage[];
}

/** Resolves the sources and scans the migration environments (cheap; no file is parsed yet). */
function prepare(rootArg: string, options: LoadOptions): Prepared {
  // Discovery and the version-location scans read the same (large) folders: list each once.
  const listings = new FolderListings();
  const r = resolveSources(rootArg, options, listings);
  const constants = r.config.constants || options.constants ? { ...r.config.constants, ...options.constants } : null;
  const plans = r.environments.map((spec) => {
    if (constants) spec.constants = { ...constants, ...spec.constants };
    return planEnvironment(spec, r.root, listings);
  });
  const inputs: InputFile[] = [];
  const configPath = r.config.path;
  if (configPath !== null && !isAbsolute(configPath)) {
    const broken = r.config.diagnostics.some((d) => d.severity === 'error' && d.path === configPath);
    inputs.push({ path: configPath, kind: 'config', outcome: broken ? 'error' : 'read', note: 'Lore configuration' });
  }
  return {
    root: r.root,
    config: r.config,
    sources: r.states,
    diagnostics: r.diagnostics,
    inputs,
    dirs: { adrs: r.adrs, rules: r.rules, agentRules: r.agentRules, docs: r.docs },
    plans,
  };
}

function readDocuments(p: Prepared, cache: ParseCache | null): Documents {
  const { root, diagnostics, inputs } = p;
  const adrs: Adr[] = [];
  for (const { dir, group } of p.dirs.adrs) {
    if (!isDirectory(dir)) {
      diagnostics.push({ code: 'config/not-a-folder', severity: 'error', path: repoPath(root, dir), line: null, message: 'ADR source must be a folder' });
      continue;
    }
    const r = readAdrDirectory(root, dir, { group, subgroups: true, cache });
    adrs.push(...r.adrs);
    inputs.push(...r.inputs);
    diagnostics.push(...r.diagnostics);
  }
  const rulesResult = readRules(root, p.dirs.rules, { agentFiles: p.dirs.agentRules, cache });
  inputs.push(...rulesResult.inputs);
  diagnostics.push(...rulesResult.diagnostics);
  const docs: DocPage[] = [];
  // Guide pages never include files other readers own (an ADR folder inside docs/).
  const exclude = [...p.dirs.adrs.map((a) => a.dir), ...p.dirs.rules];
  for (const dir of p.dirs.docs) {
    const r = readDocs(root, dir, { exclude });
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
    config: p.config,
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
  const audited = audit(knowledge, p.config.auditChecks.length ? { path: p.config.path ?? 'lore.config', checks: p.config.auditChecks } : undefined);
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

/** Environments from several given paths: `default` alone, else named after their folders (unique). */
function nameEnvironments(root: string, specs: EnvironmentSpec[]): void {
  if (specs.length < 2) return;
  const names = nameFoundEnvironments(
    root,
    specs.map((s) => ({ scriptLocation: resolve(root, s.path), locations: [], missingLocations: [], recursive: false, sourceless: false, section: s.section ?? null })),
  );
  specs.forEach((spec, i) => (spec.name = names[i]!));
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
