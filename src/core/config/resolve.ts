// Finding, reading and resolving the configuration: `lore.config.mjs` or `lore.config.json` in the
// repository root (or a file given with --config), validated, with caller overrides on top.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BundleOptionsInput } from '../bundle/options.ts';
import type { Diagnostic, RuleCheckConfig } from '../model.ts';
import type { LoreConfig, LoreSiteConfig, PathList } from './schema.ts';
import { validateConfig } from './validate.ts';

/** Looked for in the repository root, in this order. */
export const CONFIG_FILES = ['lore.config.mjs', 'lore.config.json'] as const;

export type ConfigSources = { adrs?: string[]; rules?: string[]; migrations?: string[]; docs?: string[] };

export interface ResolvedConfig {
  /** Repo-relative path of the file read (as given, when outside the repository), or null. */
  path: string | null;
  /** The validated configuration, overrides applied (bad keys left out). */
  config: LoreConfig;
  /** Absolute source paths, for the kinds the configuration names. */
  sources: ConfigSources;
  constants: Record<string, string | string[] | null> | null;
  /** `audit.checks`, in the shape the rules files' `checks:` entries have (line null). */
  auditChecks: RuleCheckConfig[];
  /** `bundle`, with `siteUrl` defaulting to `site.url`. */
  bundle: BundleOptionsInput;
  site: LoreSiteConfig;
  rulesFromAgentFiles: boolean;
  /** Why the file could not be used, or which keys are wrong (`config/*`, errors). */
  diagnostics: Diagnostic[];
}

export interface ResolveConfigOptions {
  /** A configuration file to read instead of the one in the root (absolute, or relative to the root). */
  configPath?: string;
  /** Values on top of the file's, e.g. the Astro integration's options. Relative paths resolve against the root. */
  overrides?: LoreConfig;
  /** false: read no file, only the overrides. */
  readFile?: boolean;
}

/** The configuration of `root`; a `lore.config.mjs` may export an async function. */
export async function resolveConfig(root: string, options: ResolveConfigOptions = {}): Promise<ResolvedConfig> {
  return finish(root, options, await readConfig(root, options));
}

/** The same, on the calling thread; a `lore.config.mjs` whose function returns a promise is reported. */
export function resolveConfigSync(root: string, options: ResolveConfigOptions = {}): ResolvedConfig {
  return finish(root, options, readConfigNow(root, options));
}

/** The configuration file `resolveConfig` would read for `root`, or null. */
export function findConfigFile(root: string): string | null {
  for (const name of CONFIG_FILES) {
    const abs = resolve(root, name);
    if (isFile(abs)) return abs;
  }
  return null;
}

/** Multi-line text of the errors, for a command-line message. */
export function formatConfigProblems(diagnostics: Diagnostic[]): string {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.path ?? 'configuration'}${d.line ? `:${d.line}` : ''}: ${d.message}`)
    .join('\n');
}

interface Raw {
  /** Absolute path of the file, or null. */
  file: string | null;
  value: unknown;
  diagnostics: Diagnostic[];
}

function pickFile(root: string, options: ResolveConfigOptions, diagnostics: Diagnostic[]): string | null {
  if (options.readFile === false) return null;
  if (options.configPath !== undefined) {
    const abs = resolve(root, options.configPath);
    if (!isFile(abs)) {
      diagnostics.push({ code: 'config/missing', severity: 'error', path: shown(root, abs), line: null, message: `the configuration file ${options.configPath} does not exist: fix the path given to --config` });
      return null;
    }
    return abs;
  }
  const present = CONFIG_FILES.map((name) => resolve(root, name)).filter(isFile);
  if (present.length > 1) {
    diagnostics.push({
      code: 'config/two-files',
      severity: 'error',
      path: shown(root, present[1]!),
      line: null,
      message: `both ${CONFIG_FILES.join(' and ')} exist; only ${CONFIG_FILES[0]} is read: merge them and delete one`,
    });
  }
  return present[0] ?? null;
}

async function readConfig(root: string, options: ResolveConfigOptions): Promise<Raw> {
  const diagnostics: Diagnostic[] = [];
  const file = pickFile(root, options, diagnostics);
  if (file === null) return { file: null, value: {}, diagnostics };
  if (!isModule(file)) return { file, ...readJson(root, file, diagnostics) };
  let mod: unknown;
  try {
    mod = await import(/* @vite-ignore */ `${pathToFileURL(file).href}?mtime=${mtimeOf(file)}`);
  } catch (err) {
    return { file, value: {}, diagnostics: [...diagnostics, loadError(root, file, err)] };
  }
  return { file, ...(await fromModule(root, file, mod, diagnostics)) };
}

function readConfigNow(root: string, options: ResolveConfigOptions): Raw {
  const diagnostics: Diagnostic[] = [];
  const file = pickFile(root, options, diagnostics);
  if (file === null) return { file: null, value: {}, diagnostics };
  if (!isModule(file)) return { file, ...readJson(root, file, diagnostics) };
  let mod: unknown;
  try {
    mod = createRequire(import.meta.url)(file);
  } catch (err) {
    return { file, value: {}, diagnostics: [...diagnostics, loadError(root, file, err)] };
  }
  const value = moduleValue(root, file, mod, diagnostics);
  if (value instanceof Promise) {
    value.catch(() => {});
    diagnostics.push({
      code: 'config/async',
      severity: 'error',
      path: shown(root, file),
      line: null,
      message: 'the configuration function returns a promise, which this caller cannot wait for: return the object directly, or load it with resolveConfig()',
    });
    return { file, value: {}, diagnostics };
  }
  return { file, value, diagnostics };
}

async function fromModule(root: string, file: string, mod: unknown, diagnostics: Diagnostic[]): Promise<{ value: unknown; diagnostics: Diagnostic[] }> {
  let value = moduleValue(root, file, mod, diagnostics);
  try {
    value = await value;
  } catch (err) {
    diagnostics.push(loadError(root, file, err));
    value = {};
  }
  return { value, diagnostics };
}

/** The default export, called with `{ root }` when it is a function. */
function moduleValue(root: string, file: string, mod: unknown, diagnostics: Diagnostic[]): unknown {
  const m = mod as { default?: unknown } | null;
  if (!m || !('default' in m) || m.default === undefined) {
    diagnostics.push({ code: 'config/invalid', severity: 'error', path: shown(root, file), line: null, message: 'the module has no default export: write `export default { … }` (or a function returning the object)' });
    return {};
  }
  if (typeof m.default !== 'function') return m.default;
  try {
    return (m.default as (ctx: { root: string }) => unknown)({ root: resolve(root) });
  } catch (err) {
    diagnostics.push(loadError(root, file, err));
    return {};
  }
}

function readJson(root: string, file: string, diagnostics: Diagnostic[]): { value: unknown; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    diagnostics.push({ code: 'config/unreadable', severity: 'error', path: shown(root, file), line: null, message: `could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): check its permissions` });
    return { value: {}, diagnostics };
  }
  try {
    return { value: JSON.parse(text) as unknown, diagnostics };
  } catch (err) {
    const message = (err as Error).message;
    const line = /line (\d+)/.exec(message)?.[1] ?? lineOfPosition(text, /position (\d+)/.exec(message)?.[1]);
    diagnostics.push({ code: 'config/syntax', severity: 'error', path: shown(root, file), line: line ? Number(line) : null, message: `is not valid JSON (${message}): fix the syntax` });
    return { value: {}, diagnostics };
  }
}

function finish(rootArg: string, options: ResolveConfigOptions, raw: Raw): ResolvedConfig {
  const root = resolve(rootArg);
  const diagnostics = [...raw.diagnostics];
  const path = raw.file === null ? null : shown(root, raw.file);
  const fromFile = validateConfig(raw.value);
  for (const p of fromFile.problems) diagnostics.push({ code: 'config/invalid', severity: 'error', path, line: null, message: p.message });
  const fromCaller = validateConfig(options.overrides ?? {});
  for (const p of fromCaller.problems) diagnostics.push({ code: 'config/invalid', severity: 'error', path: null, line: null, message: `option ${p.message}` });

  const fileBase = raw.file === null ? root : dirname(raw.file);
  const sources: ConfigSources = {};
  for (const kind of ['adrs', 'rules', 'migrations', 'docs'] as const) {
    const given = fromCaller.config.sources?.[kind] ?? fromFile.config.sources?.[kind];
    if (given === undefined) continue;
    const base = fromCaller.config.sources?.[kind] !== undefined ? root : fileBase;
    sources[kind] = list(given).map((p) => resolve(base, p));
  }
  const config = merge(fromFile.config, fromCaller.config) as LoreConfig;
  const site = config.site ?? {};
  const bundle: BundleOptionsInput = { ...config.bundle };
  if (bundle.siteUrl === undefined && site.url !== undefined) bundle.siteUrl = site.url;
  const auditChecks: RuleCheckConfig[] = (config.audit?.checks ?? []).map(({ check, rule, severity, ...rest }) => ({
    check,
    rule: rule ?? null,
    severity: severity ?? null,
    options: rest,
    line: null,
  }));
  return {
    path,
    config,
    sources,
    constants: config.alembic?.constants ?? null,
    auditChecks,
    bundle,
    site,
    rulesFromAgentFiles: config.rulesFromAgentFiles ?? false,
    diagnostics,
  };
}

/** Objects merge key by key; anything else (lists included) is replaced. */
function merge(a: unknown, b: unknown): unknown {
  if (!isObject(a) || !isObject(b)) return b === undefined ? a : b;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (p: PathList): string[] => (typeof p === 'string' ? [p] : p);
const isModule = (file: string): boolean => /\.(mjs|js)$/i.test(file);

function loadError(root: string, file: string, err: unknown): Diagnostic {
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return { code: 'config/unreadable', severity: 'error', path: shown(root, file), line: null, message: `could not be loaded (${message}): fix the module` };
}

function lineOfPosition(text: string, position: string | undefined): string | undefined {
  if (position === undefined) return undefined;
  return String(text.slice(0, Number(position)).split('\n').length);
}

function shown(root: string, abs: string): string {
  const rel = relative(root, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return abs;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function mtimeOf(p: string): number {
  try {
    return existsSync(p) ? statSync(p).mtimeMs : 0;
  } catch {
    return 0;
  }
}
