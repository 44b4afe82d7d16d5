// Finding Alembic environments in a repository (§1): ini files, pyproject.toml, and the folder heuristic.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { Diagnostic } from '../model.ts';
import { FolderListings } from '../fs/listing.ts';
import { joinPrefix } from '../fs/paths.ts';
import { compareCodePoints } from '../text.ts';
import { parseIni, readSettings, type AlembicSettings, type IniFile, type SettingsInput } from './config.ts';

/** An environment before it gets its name. */
export interface FoundEnvironment {
  /** Absolute script_location. */
  scriptLocation: string;
  /** Absolute version locations that exist, in configured order. */
  locations: string[];
  /** Absolute configured locations that do not exist. */
  missingLocations: string[];
  recursive: boolean;
  sourceless: boolean;
  /** The ini section it came from (`alembic` unless `-n`), or null (pyproject only / heuristic). */
  section: string | null;
  /** Repo-relative path of the ini / pyproject.toml that declared it, or null (folder heuristic). */
  origin?: string | null;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', 'venv', 'site-packages', '__pycache__']);

export interface ConfigFiles {
  /** `alembic.ini` and other `*.ini` files with an `[alembic]` section. */
  inis: string[];
  /** `pyproject.toml` files (whether they have `[tool.alembic]` is checked when reading). */
  pyprojects: string[];
  /** Folders holding env.py + script.py.mako + versions/. */
  envFolders: string[];
}

export interface FindOptions {
  /** Deepest folder level looked into (the root is 0); unbounded when absent. */
  maxDepth?: number;
  /** More folder names not descended into (on top of hidden folders, virtualenvs, node_modules …). */
  skipDirs?: ReadonlySet<string>;
  /** Folder listings shared with the rest of the run (discovery reads the same folders). */
  listings?: FolderListings;
}

/** Walks the repository (sorted, no hidden folders, no virtualenvs, no symlinked folders). */
export function findConfigFiles(root: string, options: FindOptions = {}): ConfigFiles {
  const found: ConfigFiles = { inis: [], pyprojects: [], envFolders: [] };
  const maxDepth = options.maxDepth ?? Infinity;
  const listings = options.listings ?? new FolderListings();
  const visit = (dir: string, depth: number): void => {
    const { entries } = listings.list(dir);
    if (entries.some((e) => e.name === 'pyvenv.cfg')) return; // a virtualenv
    const prefix = joinPrefix(dir);
    const has = (name: string): boolean => entries.some((e) => e.name === name);
    if (has('env.py') && has('script.py.mako') && isDirectory(prefix + 'versions')) found.envFolders.push(dir);
    for (const e of entries) {
      if (e.isDirectory()) continue;
      if (e.name === 'pyproject.toml') found.pyprojects.push(prefix + e.name);
      else if (e.name.endsWith('.ini') && (e.name === 'alembic.ini' || hasAlembicSection(prefix + e.name))) found.inis.push(prefix + e.name);
    }
    if (depth >= maxDepth) return;
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && !SKIP_DIRS.has(e.name) && !options.skipDirs?.has(e.name)) visit(prefix + e.name, depth + 1);
    }
  };
  visit(root, 0);
  return found;
}

function hasAlembicSection(path: string): boolean {
  const text = readText(path);
  return text !== null && /^[ \t]*\[alembic\]/m.test(text);
}

/** Every environment of the repository, sorted by script_location (then ini section). */
export function findEnvironments(root: string, options: FindOptions = {}): { environments: FoundEnvironment[]; diagnostics: Diagnostic[] } {
  const files = findConfigFiles(root, options);
  const diagnostics: Diagnostic[] = [];
  const environments: FoundEnvironment[] = [];
  const pyprojects = new Set(files.pyprojects);
  const usedToml = new Set<string>();
  const envFolders = new Set(files.envFolders);
  for (const ini of files.inis) {
    // An ini without script_location inside an env folder is the heuristic's business.
    const r = environmentsFromIni(root, ini, { requireScriptLocation: !envFolders.has(dirname(ini)) });
    environments.push(...r.environments);
    diagnostics.push(...r.diagnostics);
    if (r.usedToml) usedToml.add(join(dirname(ini), 'pyproject.toml'));
  }
  for (const pyproject of pyprojects) {
    if (usedToml.has(pyproject)) continue;
    const r = environmentsFromPyproject(root, pyproject);
    environments.push(...r.environments);
    diagnostics.push(...r.diagnostics);
  }
  const known = new Set(environments.map((e) => realOr(e.scriptLocation)));
  for (const folder of files.envFolders) {
    if (known.has(realOr(folder))) continue;
    const r = environmentFromFolder(root, folder);
    environments.push(...r.environments);
    diagnostics.push(...r.diagnostics);
  }
  return { environments: sortEnvironments(dedupe(environments)), diagnostics };
}

/**
 * Environments declared by one ini file: each section with `script_location` (plus `[alembic]`
 * when the pyproject.toml next to it supplies `script_location`). TOML values fill keys the ini lacks.
 */
export function environmentsFromIni(
  root: string,
  iniPath: string,
  options: { requireScriptLocation: boolean; scriptLocation?: string },
): { environments: FoundEnvironment[]; diagnostics: Diagnostic[]; usedToml: boolean } {
  const diagnostics: Diagnostic[] = [];
  const display = repoRelative(root, iniPath);
  const text = readText(iniPath);
  if (text === null) {
    return { environments: [], diagnostics: [{ code: 'config/unreadable', severity: 'error', path: display, line: null, message: 'ini file could not be read: check its permissions' }], usedToml: false };
  }
  const parsed = parseIni(text, display);
  diagnostics.push(...parsed.diagnostics);
  const here = dirname(resolve(iniPath));
  const toml = readToolAlembic(root, join(here, 'pyproject.toml'), diagnostics);
  const sections = [...parsed.ini.sections.keys()].filter(
    (s) => parsed.ini.sections.get(s)!.has('script_location') || (s === 'alembic' && (toml?.table.script_location !== undefined || options.scriptLocation !== undefined)),
  );
  if (!sections.length && parsed.ini.defaults.has('script_location')) sections.push('alembic');
  if (!sections.length && options.scriptLocation !== undefined) sections.push('alembic');
  const environments: FoundEnvironment[] = [];
  for (const section of sections) {
    const input: SettingsInput = { ini: { file: parsed.ini, path: iniPath, here, displayPath: display, section } };
    if (toml) input.toml = toml;
    const r = readSettings(input);
    diagnostics.push(...r.diagnostics);
    if (options.scriptLocation !== undefined && r.settings.scriptLocation === null) r.settings.scriptLocation = options.scriptLocation;
    const env = resolveEnvironment(root, r.settings, section, display, diagnostics);
    if (env) environments.push(env);
  }
  if (!sections.length && options.requireScriptLocation && isAlembicIni(parsed.ini, iniPath)) {
    diagnostics.push({
      code: 'config/unresolved-script-location',
      severity: 'info',
      path: display,
      line: null,
      message: 'no script_location in this ini file (it is probably set in code): point lore at the migrations folder instead',
    });
  }
  return { environments, diagnostics, usedToml: toml !== null && sections.includes('alembic') };
}

function isAlembicIni(ini: IniFile, path: string): boolean {
  return basename(path) === 'alembic.ini' || ini.sections.has('alembic');
}

/** The environment of a pyproject.toml with `[tool.alembic] script_location` and no ini next to it. */
export function environmentsFromPyproject(root: string, path: string): { environments: FoundEnvironment[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const toml = readToolAlembic(root, path, diagnostics);
  if (!toml || toml.table.script_location === undefined) return { environments: [], diagnostics };
  const r = readSettings({ toml });
  diagnostics.push(...r.diagnostics);
  const env = resolveEnvironment(root, r.settings, null, toml.displayPath, diagnostics);
  return { environments: env ? [env] : [], diagnostics };
}

/** The heuristic environment (§1.1 step 3): settings from an ini next to env.py, if any. */
export function environmentFromFolder(root: string, folder: string): { environments: FoundEnvironment[]; diagnostics: Diagnostic[] } {
  const ini = join(folder, 'alembic.ini');
  if (existsSync(ini)) {
    const r = environmentsFromIni(root, ini, { requireScriptLocation: false, scriptLocation: folder });
    const matching = r.environments.filter((e) => realOr(e.scriptLocation) === realOr(folder));
    if (matching.length) return { environments: matching, diagnostics: r.diagnostics };
  }
  const versions = join(folder, 'versions');
  return {
    environments: [{ scriptLocation: folder, locations: [versions], missingLocations: [], recursive: false, sourceless: false, section: null, origin: null }],
    diagnostics: [],
  };
}

function readToolAlembic(root: string, path: string, diagnostics: Diagnostic[]): NonNullable<SettingsInput['toml']> | null {
  const text = readText(path);
  if (text === null || !text.includes('alembic')) return null;
  const displayPath = repoRelative(root, path);
  let data: unknown;
  try {
    data = parseToml(text);
  } catch (err) {
    diagnostics.push({ code: 'config/bad-toml', severity: 'warning', path: displayPath, line: null, message: `pyproject.toml could not be parsed (${(err as Error).message.split('\n')[0]}): fix the TOML syntax` });
    return null;
  }
  const tool = (data as { tool?: unknown }).tool;
  const table = tool && typeof tool === 'object' ? (tool as { alembic?: unknown }).alembic : undefined;
  if (table === undefined) return null;
  if (!table || typeof table !== 'object' || Array.isArray(table)) {
    diagnostics.push({ code: 'config/bad-value', severity: 'warning', path: displayPath, line: null, message: '[tool.alembic] must be a table' });
    return null;
  }
  return { table: table as Record<string, unknown>, here: dirname(resolve(path)), displayPath };
}

/** Turns settings into absolute, checked folders; null (with a diagnostic) when script_location cannot be found. */
function resolveEnvironment(root: string, s: AlembicSettings, section: string | null, display: string, diagnostics: Diagnostic[]): FoundEnvironment | null {
  if (s.scriptLocation === null || s.scriptLocation === '') return null;
  const scriptLocation = resolveScriptLocation(root, s.scriptLocation, s.scriptBase);
  const where = section ? `[${section}] script_location` : 'script_location';
  if (scriptLocation === null) {
    diagnostics.push({
      code: 'config/unresolved-script-location',
      severity: 'warning',
      path: display,
      line: null,
      message: `${where} = ${s.scriptLocation} names a package that is not in the repository (looked for <pkg>/ and src/<pkg>/): point lore at the migrations folder instead`,
    });
    return null;
  }
  const configured = s.versionLocations ?? [join(scriptLocation, 'versions')];
  const locations: string[] = [];
  const missingLocations: string[] = [];
  for (const loc of configured) {
    const abs = resolve(s.versionLocations ? s.versionBase : scriptLocation, loc);
    (isDirectory(abs) ? locations : missingLocations).push(abs);
  }
  if (!isDirectory(scriptLocation) && locations.length === 0) {
    diagnostics.push({
      code: 'config/unresolved-script-location',
      severity: 'warning',
      path: display,
      line: null,
      message: `${where} = ${s.scriptLocation} does not exist: fix the path`,
    });
    return null;
  }
  return { scriptLocation, locations, missingLocations, recursive: s.recursive, sourceless: s.sourceless, section, origin: display };
}

/** A plain path (relative to `base`), or a package resource `pkg:sub/dir` / `pkg.mod:sub:dir` found in the repository. */
export function resolveScriptLocation(root: string, value: string, base: string): string | null {
  if (isAbsolute(value) || !value.includes(':')) return resolve(base, value);
  const [pkg, ...parts] = value.split(':');
  const pkgPath = pkg!.split('.');
  const candidates: string[] = [];
  // Look next to the config file first, then in each folder up to the repository root.
  for (let dir = resolve(base); ; dir = dirname(dir)) {
    candidates.push(join(dir, ...pkgPath), join(dir, 'src', ...pkgPath));
    if (!isInside(root, dir) || dir === resolve(root) || dirname(dir) === dir) break;
  }
  for (const candidate of candidates) {
    if (isDirectory(candidate)) return join(candidate, ...parts.flatMap((p) => p.split('/')));
  }
  return null;
}

function dedupe(list: FoundEnvironment[]): FoundEnvironment[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = JSON.stringify([realOr(e.scriptLocation), e.locations.map(realOr), e.recursive, e.sourceless]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortEnvironments(list: FoundEnvironment[]): FoundEnvironment[] {
  return [...list].sort((a, b) => compareCodePoints(a.scriptLocation, b.scriptLocation) || compareCodePoints(a.section ?? '', b.section ?? ''));
}

/**
 * Unique names: `default` when there is one environment, else the script_location folder name,
 * extended with parent folders, then the ini section (when not `alembic`), then a number.
 */
export function nameEnvironments(root: string, list: FoundEnvironment[]): string[] {
  if (list.length === 1) return ['default'];
  const parts = list.map((e) => {
    const rel = repoRelative(root, e.scriptLocation);
    return rel === '.' || rel.startsWith('..') ? [sanitize(basename(e.scriptLocation)) || 'root'] : rel.split('/').map(sanitize);
  });
  const depth = list.map(() => 1);
  const nameOf = (i: number): string => parts[i]!.slice(-depth[i]!).join('-');
  for (;;) {
    const clashes = clashing(list.map((_, i) => nameOf(i)));
    const grow = clashes.filter((i) => depth[i]! < parts[i]!.length);
    if (!grow.length) break;
    for (const i of grow) depth[i]!++;
  }
  const names = list.map((_, i) => nameOf(i));
  for (const i of clashing(names)) {
    const section = list[i]!.section;
    if (section && section !== 'alembic') names[i] = `${names[i]}-${sanitize(section)}`;
  }
  const count = new Map<string, number>();
  return names.map((name) => {
    const n = (count.get(name) ?? 0) + 1;
    count.set(name, n);
    return n === 1 ? name : `${name}-${n}`;
  });
}

function clashing(names: string[]): number[] {
  const count = new Map<string, number>();
  for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  return names.flatMap((n, i) => ((count.get(n) ?? 0) > 1 ? [i] : []));
}

function sanitize(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]+/g, '-');
}

export function repoRelative(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel === '' ? '.' : sep === '/' ? rel : rel.split(sep).join('/');
}

function isInside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
