// The glue: from a repository or a folder to environments, and from an environment to its graph.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { FolderListings } from '../fs/listing.ts';
import { joinPrefix, relativeFrom } from '../fs/paths.ts';
import { walkFiles } from '../fs/walk.ts';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic, InputFile, MigrationGraph, ParsedRevisionFile } from '../model.ts';
import { compareCodePoints } from '../text.ts';
import {
  environmentFromFolder,
  environmentsFromIni,
  environmentsFromPyproject,
  findEnvironments,
  isDirectory,
  type FindOptions,
  nameEnvironments,
  repoRelative,
  type FoundEnvironment,
} from './discover.ts';
import { parseRevisionFile } from './file.ts';
import { errCode, scanLocations, type ScannedFile } from './files.ts';
import { buildGraph } from './graph.ts';

export type Constants = Record<string, string | string[] | null>;

export interface EnvironmentSpec {
  name: string;
  /** script_location (or the versions folder), repo-relative. */
  path: string;
  /** Absolute version locations, in scan order. */
  locations: string[];
  /** Absolute configured locations that do not exist. */
  missingLocations: string[];
  recursive: boolean;
  sourceless: boolean;
  constants?: Constants;
  /** Absolute repository root (repo-relative fields are relative to it; files outside it are not read). */
  root?: string;
  /** Repo-relative ini / pyproject.toml that declared it; null for the folder heuristic; absent when not discovered. */
  origin?: string | null;
  /** The ini section it came from, when it came from one. */
  section?: string | null;
}

/** A graph plus every file looked at and what became of it. */
export interface EnvironmentGraph extends MigrationGraph {
  inputs: InputFile[];
}

type Found = { environments: EnvironmentSpec[]; diagnostics: Diagnostic[] };

/** Every Alembic environment of a repository (§1). */
export function discoverEnvironments(root: string, options: FindOptions = {}): Found {
  const abs = resolve(root);
  const r = findEnvironments(abs, options);
  return { environments: toSpecs(abs, r.environments), diagnostics: r.diagnostics };
}

/**
 * The environment(s) behind one path: an ini file, a folder holding `alembic.ini` (or a
 * `[tool.alembic]` pyproject.toml, or env.py + script.py.mako + versions/), else a versions folder.
 */
export function environmentFromPath(root: string, target: string, opts: { recursive?: boolean } = {}): Found {
  const absRoot = resolve(root);
  const abs = resolve(absRoot, target);
  let isFile: boolean;
  try {
    isFile = statSync(abs).isFile();
  } catch (err) {
    return { environments: [], diagnostics: [{ code: 'config/missing-source', severity: 'error', path: repoRelative(absRoot, abs), line: null, message: `migrations path could not be read (${errCode(err)}): fix the path` }] };
  }
  if (isFile) {
    const r = environmentsFromIni(absRoot, abs, { requireScriptLocation: true });
    return { environments: toSpecs(absRoot, r.environments), diagnostics: r.diagnostics };
  }
  const ini = join(abs, 'alembic.ini');
  if (isFileAt(ini)) {
    const r = environmentsFromIni(absRoot, ini, { requireScriptLocation: !isEnvFolder(abs) });
    if (r.environments.length) return { environments: toSpecs(absRoot, r.environments), diagnostics: r.diagnostics };
    if (!isEnvFolder(abs)) return { environments: [], diagnostics: r.diagnostics };
  }
  const pyproject = join(abs, 'pyproject.toml');
  if (isFileAt(pyproject)) {
    const r = environmentsFromPyproject(absRoot, pyproject);
    if (r.environments.length) return { environments: toSpecs(absRoot, r.environments), diagnostics: r.diagnostics };
  }
  if (isEnvFolder(abs)) {
    const r = environmentFromFolder(absRoot, abs);
    return { environments: toSpecs(absRoot, r.environments), diagnostics: r.diagnostics };
  }
  const spec: EnvironmentSpec = {
    name: 'default',
    path: repoRelative(absRoot, abs),
    locations: [abs],
    missingLocations: [],
    recursive: opts.recursive ?? false,
    sourceless: false,
    root: absRoot,
  };
  return { environments: [spec], diagnostics: [] };
}

/** True when the folder holds env.py, script.py.mako and versions/ (§1.1 step 3). */
export function isEnvFolder(dir: string): boolean {
  return isFileAt(join(dir, 'env.py')) && isFileAt(join(dir, 'script.py.mako')) && isDirectory(join(dir, 'versions'));
}

function toSpecs(root: string, found: FoundEnvironment[]): EnvironmentSpec[] {
  const names = nameEnvironments(root, found);
  return found.map((e, i) => ({
    name: names[i]!,
    path: repoRelative(root, e.scriptLocation),
    locations: e.locations,
    missingLocations: e.missingLocations,
    recursive: e.recursive,
    sourceless: e.sourceless,
    root,
    origin: e.origin ?? null,
    section: e.section,
  }));
}

/** A plain versions folder as an environment; paths in its graph are relative to the folder. */
export interface VersionsFolder {
  spec: EnvironmentSpec;
  base: string;
  root: string | null;
}

export function versionsFolder(dir: string, opts: { recursive?: boolean; sourceless?: boolean; constants?: Constants; root?: string } = {}): VersionsFolder {
  const abs = resolve(dir);
  const spec: EnvironmentSpec = {
    name: 'default',
    path: '.',
    locations: [abs],
    missingLocations: [],
    recursive: opts.recursive ?? false,
    sourceless: opts.sourceless ?? false,
    root: opts.root ?? abs,
  };
  if (opts.constants) spec.constants = opts.constants;
  return { spec, base: abs, root: opts.root ? resolve(opts.root) : null };
}

/** Names the folder's graph relative to the repository root, when one is known. */
export function placeVersionsFolder(graph: EnvironmentGraph, folder: VersionsFolder): EnvironmentGraph {
  if (folder.root) {
    graph.path = repoRelative(folder.root, folder.base);
    graph.locations = [graph.path];
  }
  return graph;
}

/** What `lore history <dir>` reads: one versions folder; paths relative to it. */
export function readVersionsFolder(dir: string, opts: Parameters<typeof versionsFolder>[1] = {}): EnvironmentGraph {
  const folder = versionsFolder(dir, opts);
  return placeVersionsFolder(readEnvironment(folder.spec, folder.base), folder);
}

/** A migration file to parse: where to read it and the path to show for it. */
export interface LoadEntry {
  real: string;
  shown: string;
}

/** An environment's files, scanned but not yet parsed. */
export interface EnvironmentPlan {
  spec: EnvironmentSpec;
  root: string;
  loads: LoadEntry[];
  /** Inputs and diagnostics of files that are not parsed (ignored, bytecode, unreadable), in scan order. */
  inputs: InputFile[];
  diagnostics: Diagnostic[];
  ignoredFiles: string[];
}

/** Reads every file of an environment and builds its graph. Paths in the result are relative to `pathBase`. */
export function readEnvironment(spec: EnvironmentSpec, pathBase: string): EnvironmentGraph {
  const plan = planEnvironment(spec, pathBase);
  return finishEnvironment(plan, plan.loads.map((entry) => parseLoadEntry(entry, spec.constants)));
}

/**
 * Scans an environment's locations: which files to parse, and what became of the others.
 * `listings`: folder listings shared with the rest of the run (discovery reads the same folders).
 */
export function planEnvironment(spec: EnvironmentSpec, pathBase: string, listings = new FolderListings()): EnvironmentPlan {
  const base = resolve(pathBase);
  const root = resolve(spec.root ?? base);
  const realBase = realOr(base);
  const show = (abs: string): string => toPosix(relative(base, abs)) || '.';
  // Files come in large folders: `relative` once per folder, then the file name appended.
  const fromBase = relativeFrom(base);
  const fromRealBase = relativeFrom(realBase);
  const showListed = (entry: { dir: string; name: string }): string => toPosix(fromBase(entry.dir, entry.name)) || '.';
  // Alembic records the resolved real path of a loaded file.
  const showLoaded = (entry: Extract<ScannedFile, { kind: 'load' }>): string => {
    const rel = entry.realDir === undefined ? relative(realBase, entry.real) : fromRealBase(entry.realDir, entry.name);
    return isRelativeInside(rel) ? toPosix(rel) : showListed(entry);
  };
  const plan: EnvironmentPlan = { spec, root, loads: [], inputs: [], diagnostics: [], ignoredFiles: [] };
  for (const entry of scanLocations(spec.locations, { recursive: spec.recursive, sourceless: spec.sourceless, root }, listings)) {
    switch (entry.kind) {
      case 'ignored': {
        const path = showListed(entry);
        plan.ignoredFiles.push(path);
        plan.inputs.push({ path, kind: 'migration', outcome: 'ignored', note: entry.reason });
        break;
      }
      case 'sourceless': {
        const path = showListed(entry);
        plan.diagnostics.push({
          code: 'migration/sourceless-unsupported',
          severity: spec.sourceless ? 'warning' : 'info',
          path,
          line: null,
          message: 'compiled bytecode without a .py source cannot be read statically, so this revision is missing from the graph: commit the .py source or delete the stale bytecode',
        });
        plan.inputs.push({ path, kind: 'migration', outcome: 'ignored', note: 'bytecode without source' });
        break;
      }
      case 'unreadable': {
        const path = show(entry.abs);
        plan.diagnostics.push({ code: 'migration/unreadable', severity: 'error', path, line: null, message: entry.reason });
        plan.inputs.push({ path, kind: 'migration', outcome: 'error', note: 'unreadable' });
        break;
      }
      case 'load':
        plan.loads.push({ real: entry.real, shown: showLoaded(entry) });
        break;
    }
  }
  listUnscanned(plan, show, listings);
  return plan;
}

/**
 * Files Alembic never looks at — in sub-folders when recursion is off, and bytecode caches —
 * stay out of the graph and out of `ignoredFiles`, but are still listed among the inputs.
 */
function listUnscanned(plan: EnvironmentPlan, show: (abs: string) => string, listings: FolderListings): void {
  const listed = new Set(plan.inputs.map((i) => i.path));
  const add = (path: string, note: string): void => {
    if (!listed.has(path)) {
      listed.add(path);
      plan.inputs.push({ path, kind: 'migration', outcome: 'ignored', note });
    }
  };
  for (const location of plan.spec.locations) {
    const prefix = joinPrefix(location);
    for (const entry of listings.entries(location)) {
      if (entry.isSymbolicLink()) {
        if (isDirectoryAt(prefix + entry.name)) add(show(prefix + entry.name), 'link to a folder: Alembic does not follow it');
        continue;
      }
      if (!entry.isDirectory()) continue;
      const cache = entry.name.endsWith('__pycache__');
      if (!cache && plan.spec.recursive) continue;
      const note = cache ? 'bytecode cache (Alembic reads the .py sources)' : 'in a sub-folder: recursive_version_locations is off';
      const walked = walkFiles(plan.root, prefix + entry.name, { code: 'migration' });
      for (const file of walked.files) add(show(file), note);
      for (const skipped of walked.skipped) add(show(skipped.abs), skipped.reason);
    }
  }
}

/** Reads and parses one file; a read error becomes an unloadable result, never an exception. */
/** Reads and parses one file (`content`: its bytes, when the caller has read them already). */
export function parseLoadEntry(entry: LoadEntry, constants?: Constants, content?: Uint8Array): ParsedRevisionFile | { unreadable: string; shown: string } {
  let bytes: Uint8Array;
  try {
    bytes = content ?? readFileSync(entry.real);
  } catch (err) {
    return { unreadable: `file could not be read (${errCode(err)}): check its permissions`, shown: entry.shown };
  }
  return parseRevisionFile(bytes, entry.shown, constants ? { constants } : {});
}

export type ParsedEntry = ReturnType<typeof parseLoadEntry>;

/** Builds the graph from the plan and the parse results of `plan.loads` (same order). */
export function finishEnvironment(plan: EnvironmentPlan, results: ParsedEntry[]): EnvironmentGraph {
  const { spec, root } = plan;
  const diagnostics = [...plan.diagnostics];
  const inputs = [...plan.inputs];
  const parsed: ParsedRevisionFile[] = [];
  for (const file of results) {
    if ('unreadable' in file) {
      diagnostics.push({ code: 'migration/unreadable', severity: 'error', path: file.shown, line: null, message: file.unreadable });
      inputs.push({ path: file.shown, kind: 'migration', outcome: 'error', note: 'unreadable' });
      continue;
    }
    parsed.push(file);
    diagnostics.push(...file.diagnostics);
    const loaded = file.loadable && file.revision !== null;
    const firstError = file.diagnostics.find((d) => d.severity === 'error');
    inputs.push({
      path: file.path,
      kind: 'migration',
      outcome: loaded ? 'read' : 'error',
      note: loaded ? `revision ${file.revision}` : (firstError?.code.replace(/^migration\//, '').replaceAll('-', ' ') ?? 'not loaded'),
    });
  }
  const graph = buildGraph(parsed);
  diagnostics.push(...graph.diagnostics);
  return {
    name: spec.name,
    path: spec.path,
    locations: spec.locations.map((l) => repoRelative(root, l)),
    missingLocations: spec.missingLocations.map((l) => repoRelative(root, l)),
    revisions: graph.revisions,
    heads: graph.heads,
    bases: graph.bases,
    branchPoints: graph.branchPoints,
    mergePoints: graph.mergePoints,
    history: graph.history,
    historyLines: graph.historyLines,
    ignoredFiles: plan.ignoredFiles.sort(compareCodePoints),
    diagnostics,
    inputs,
  };
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/** True when a path `relative` gave lies strictly below its base. */
function isRelativeInside(rel: string): boolean {
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function isFileAt(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function isDirectoryAt(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
