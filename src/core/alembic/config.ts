// Alembic's configuration (§1): ini files as Python's configparser reads them, and `[tool.alembic]`.
import { delimiter as hostPathSeparator } from 'node:path';
import type { Diagnostic } from '../model.ts';

export interface IniFile {
  /** `[DEFAULT]` entries (keys lower-cased, values as written, multi-line values joined with `\n`). */
  defaults: Map<string, string>;
  /** Sections in file order. */
  sections: Map<string, Map<string, string>>;
}

const SECTION = /^\[(.+)\]/;
const OPTION = /^(.*?)\s*[=:]\s*(.*)$/;

/** configparser's reading rules: `key = value` / `key: value`, indented continuation lines, `#`/`;` comments. */
export function parseIni(text: string, path: string | null = null): { ini: IniFile; diagnostics: Diagnostic[] } {
  const ini: IniFile = { defaults: new Map(), sections: new Map() };
  const diagnostics: Diagnostic[] = [];
  let current: Map<string, string[]> | null = null;
  const raw = new Map<Map<string, string>, Map<string, string[]>>();
  let key: string | null = null;
  let keyIndent = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (trimmed === '') {
      if (current && key !== null) current.get(key)!.push('');
      return;
    }
    const indent = line.length - line.trimStart().length;
    if (current && key !== null && indent > keyIndent) {
      current.get(key)!.push(trimmed);
      return;
    }
    const header = SECTION.exec(trimmed);
    if (header) {
      const name = header[1]!;
      const target = name === 'DEFAULT' ? ini.defaults : (ini.sections.get(name) ?? new Map<string, string>());
      if (name !== 'DEFAULT') ini.sections.set(name, target);
      if (!raw.has(target)) raw.set(target, new Map());
      current = raw.get(target)!;
      key = null;
      return;
    }
    const option = OPTION.exec(trimmed);
    if (!current || !option || option[1] === '') {
      key = null;
      diagnostics.push({
        code: 'config/bad-ini',
        severity: 'warning',
        path,
        line: index + 1,
        message: current ? `cannot read line '${trimmed}': expected 'key = value'` : `'${trimmed}' comes before any [section] header: move it into a section`,
      });
      return;
    }
    key = option[1]!.trimEnd().toLowerCase();
    keyIndent = indent;
    current.set(key, [option[2]!.trim()]);
  });
  for (const [target, values] of raw) for (const [k, v] of values) target.set(k, v.join('\n').trimEnd());
  return { ini, diagnostics };
}

/** Result of `%`-interpolation: the value, or why it could not be expanded. */
export type Interpolated = { value: string; error: null } | { value: null; error: string };

/** configparser's BasicInterpolation: `%(name)s` from `lookup`, `%%` → `%`, at most 10 levels deep. */
export function interpolate(value: string, lookup: (name: string) => string | undefined, depth = 1): Interpolated {
  let out = '';
  let rest = value;
  while (rest.length) {
    const p = rest.indexOf('%');
    if (p < 0) return { value: out + rest, error: null };
    out += rest.slice(0, p);
    rest = rest.slice(p);
    const next = rest[1];
    if (next === '%') {
      out += '%';
      rest = rest.slice(2);
    } else if (next === '(') {
      const m = /^%\(([^)]+)\)s/.exec(rest);
      if (!m) return { value: null, error: `bad interpolation reference near '${rest.slice(0, 20)}': write %(name)s` };
      const name = m[1]!.toLowerCase();
      rest = rest.slice(m[0].length);
      const found = lookup(name);
      if (found === undefined) return { value: null, error: `%(${name})s refers to a key that is not defined in this section or [DEFAULT]` };
      if (found.includes('%')) {
        if (depth >= 10) return { value: null, error: `interpolation of %(${name})s is nested too deeply (a loop?)` };
        const inner = interpolate(found, lookup, depth + 1);
        if (inner.error !== null) return inner;
        out += inner.value;
      } else out += found;
    } else {
      return { value: null, error: `'%' must be followed by '%' or '(' (write %% for a literal percent sign)` };
    }
  }
  return { value: out, error: null };
}

/** A key of an ini section (or `[DEFAULT]`), interpolated with `here` = the ini file's folder. */
export function iniValue(ini: IniFile, section: string, key: string, here: string): Interpolated | null {
  const own = ini.sections.get(section);
  const lookup = (name: string): string | undefined => own?.get(name) ?? ini.defaults.get(name) ?? (name === 'here' ? here : undefined);
  const raw = lookup(key);
  if (raw === undefined) return null;
  return interpolate(raw, lookup);
}

/** `%(here)s` and `%%` in a TOML string (Python `%` formatting with `{here}`). */
export function tomlString(value: string, here: string): Interpolated {
  return interpolate(value, (name) => (name === 'here' ? here : undefined));
}

export type SeparatorSetting = 'space' | 'newline' | 'os' | ':' | ';';

/**
 * Splits `version_locations` (§1.3). `separator` is the value of `path_separator`, else of the
 * legacy `version_path_separator`, else null (legacy comma/space rule). Returns null pieces for
 * an unknown separator value.
 */
export function splitVersionLocations(value: string, separator: string | null, osSeparator: string = hostPathSeparator): string[] | null {
  if (separator === null) return value.split(/, *| +/).filter((piece) => piece !== '');
  const table: Record<SeparatorSetting, string> = { space: ' ', newline: '\n', os: osSeparator, ':': ':', ';': ';' };
  const sep = Object.hasOwn(table, separator) ? table[separator as SeparatorSetting] : undefined;
  if (sep === undefined) return null;
  return value
    .split(sep)
    .filter((piece) => piece !== '')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

/** What one environment's configuration says, before paths are checked on disk. */
export interface AlembicSettings {
  /** `script_location` after interpolation (relative paths are relative to `scriptBase`), or null. */
  scriptLocation: string | null;
  /** Folder a relative `script_location` is resolved against (the folder of the file that set it). */
  scriptBase: string;
  /** Configured version locations (already split), or null for the default `<script_location>/versions`. */
  versionLocations: string[] | null;
  /** Folder relative version locations are resolved against. */
  versionBase: string;
  recursive: boolean;
  sourceless: boolean;
}

export interface SettingsInput {
  /** An ini file and the section to read (`alembic` unless `-n` was used). */
  ini?: { file: IniFile; path: string; here: string; displayPath: string; section: string };
  /** The `[tool.alembic]` table of a pyproject.toml. */
  toml?: { table: Record<string, unknown>; here: string; displayPath: string };
}

/** Combines ini and TOML values: for each key the ini value wins (§1.1). */
export function readSettings(input: SettingsInput): { settings: AlembicSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { ini, toml } = input;
  const problem = (path: string, message: string, severity: Diagnostic['severity'] = 'warning', code = 'config/bad-value'): void => {
    diagnostics.push({ code, severity, path, line: null, message });
  };

  const fromIni = (key: string): string | null => {
    if (!ini) return null;
    const got = iniValue(ini.file, ini.section, key, ini.here);
    if (got === null) return null;
    if (got.error !== null) {
      problem(ini.displayPath, `[${ini.section}] ${key}: ${got.error}`, 'warning', 'config/bad-interpolation');
      return null;
    }
    return got.value;
  };
  const hasIni = (key: string): boolean => Boolean(ini && (ini.file.sections.get(ini.section)?.has(key) || ini.file.defaults.has(key)));
  const tomlRaw = (key: string): unknown => (toml && Object.hasOwn(toml.table, key) ? toml.table[key] : undefined);
  const fromToml = (key: string): string | string[] | null => {
    const raw = tomlRaw(key);
    if (raw === undefined || raw === null || !toml) return null;
    const expand = (s: string): string | null => {
      const got = tomlString(s, toml.here);
      if (got.error !== null) {
        problem(toml.displayPath, `[tool.alembic] ${key}: ${got.error}`, 'warning', 'config/bad-interpolation');
        return null;
      }
      return got.value;
    };
    if (typeof raw === 'string') return expand(raw);
    if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) {
      return raw.map(expand).filter((v): v is string => v !== null);
    }
    problem(toml.displayPath, `[tool.alembic] ${key} must be a string or a list of strings`);
    return null;
  };
  const flag = (key: string): boolean => {
    if (hasIni(key)) return fromIni(key) === 'true'; // only the exact string `true` switches it on
    const raw = tomlRaw(key);
    if (raw === undefined) return false;
    if (typeof raw !== 'boolean') {
      problem(toml!.displayPath, `[tool.alembic] ${key} must be true or false (a TOML boolean), not ${JSON.stringify(raw)}`);
      return false;
    }
    return raw;
  };

  let scriptLocation: string | null = null;
  let scriptBase = ini?.here ?? toml?.here ?? '.';
  if (hasIni('script_location')) scriptLocation = fromIni('script_location');
  else {
    const t = fromToml('script_location');
    if (typeof t === 'string') {
      scriptLocation = t;
      scriptBase = toml!.here;
    }
  }

  let versionLocations: string[] | null = null;
  let versionBase = ini?.here ?? toml?.here ?? '.';
  const iniLocations = hasIni('version_locations') ? fromIni('version_locations') : null;
  if (iniLocations) {
    let sepKey: string | null = null;
    let sep: string | null = null;
    for (const key of ['path_separator', 'version_path_separator']) {
      const v = hasIni(key) ? fromIni(key) : fromToml(key);
      if (typeof v === 'string') {
        sepKey = key;
        sep = v;
        break;
      }
    }
    const pieces = splitVersionLocations(iniLocations, sep);
    if (pieces === null) {
      problem(ini!.displayPath, `${sepKey} = ${sep} is not valid (Alembic refuses it): use space, newline, os, ':' or ';'`, 'error', 'config/bad-separator');
      versionLocations = splitVersionLocations(iniLocations, null);
    } else versionLocations = pieces;
  } else {
    const t = fromToml('version_locations');
    if (t !== null) {
      versionLocations = typeof t === 'string' ? [t] : t;
      versionBase = toml!.here;
    }
  }

  return {
    settings: { scriptLocation, scriptBase, versionLocations, versionBase, recursive: flag('recursive_version_locations'), sourceless: flag('sourceless') },
    diagnostics,
  };
}
