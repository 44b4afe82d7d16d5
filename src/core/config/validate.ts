// Checks a configuration value against the schema. Every problem names the key (`bundle.budget.maxLines`)
// and says what is expected; an unknown key gets a "did you mean" from the known keys next to it.
import { configSpec, SEVERITIES, type LoreConfig, type Spec } from './schema.ts';

export interface ConfigProblem {
  /** Dotted key path (`site.base`, `audit.checks[2].severity`), or '' for the whole value. */
  key: string;
  message: string;
}

export interface Validated {
  /** The value with every bad key left out. */
  config: LoreConfig;
  problems: ConfigProblem[];
}

export function validateConfig(value: unknown): Validated {
  const problems: ConfigProblem[] = [];
  if (!isPlainObject(value)) {
    problems.push({ key: '', message: `the configuration must be an object (got ${describe(value)})` });
    return { config: {}, problems };
  }
  const config = check(configSpec, value, '', problems) as LoreConfig;
  return { config, problems };
}

const SKIP = Symbol('skip');

function check(spec: Spec, value: unknown, key: string, problems: ConfigProblem[]): unknown {
  const bad = (expected: string): typeof SKIP => {
    problems.push({ key, message: `${key} must be ${expected} (got ${describe(value)})` });
    return SKIP;
  };
  switch (spec.type) {
    case 'string': {
      if (typeof value !== 'string') return bad(spec.expect ?? 'a string');
      const problem = spec.check?.(value) ?? null;
      return problem === null ? value : bad(problem);
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : bad('true or false');
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : bad('a whole number, 0 or more');
    case 'paths':
      if (typeof value === 'string' && value.trim() !== '') return value;
      if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '')) return value;
      return bad('a path or a list of paths');
    case 'nullable':
      return value === null ? null : check(spec.of, value, key, problems);
    case 'constants': {
      if (!isPlainObject(value)) return bad('an object mapping an expression to its value, e.g. { "settings.CORE_BRANCH": "core" }');
      const out: Record<string, string | string[] | null> = {};
      for (const [name, v] of Object.entries(value)) {
        if (v === null || typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) out[name] = v as string | string[] | null;
        else problems.push({ key: `${key}.${name}`, message: `${key}.${name} must be a string, a list of strings, or null (got ${describe(v)})` });
      }
      return out;
    }
    case 'checks': {
      if (!Array.isArray(value)) return bad('a list of { check, rule?, severity?, ...options } entries');
      const out: Record<string, unknown>[] = [];
      value.forEach((entry, i) => {
        const at = `${key}[${i}]`;
        if (!isPlainObject(entry)) {
          problems.push({ key: at, message: `${at} must be an object like { "check": "destructive", "rule": "DB-011" } (got ${describe(entry)})` });
          return;
        }
        let ok = true;
        if (typeof entry.check !== 'string' || entry.check.trim() === '') {
          problems.push({ key: `${at}.check`, message: `${at}.check must name an audit check, e.g. "destructive" (got ${describe(entry.check)})` });
          ok = false;
        }
        if (entry.rule !== undefined && (typeof entry.rule !== 'string' || entry.rule.trim() === '')) {
          problems.push({ key: `${at}.rule`, message: `${at}.rule must be one rule label or id, e.g. "DB-011" (got ${describe(entry.rule)})` });
          ok = false;
        }
        if (entry.severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(entry.severity)) {
          problems.push({ key: `${at}.severity`, message: `${at}.severity must be one of ${SEVERITIES.join(', ')} (got ${describe(entry.severity)})` });
          ok = false;
        }
        if (ok) out.push(entry);
      });
      return out;
    }
    case 'object': {
      if (!isPlainObject(value)) return bad('an object');
      const out: Record<string, unknown> = {};
      const known = Object.keys(spec.keys);
      for (const [name, v] of Object.entries(value)) {
        const at = key === '' ? name : `${key}.${name}`;
        const sub = spec.keys[name];
        if (sub === undefined) {
          const guess = closest(name, known);
          const where = key === '' ? 'at the top level' : `in ${key}`;
          problems.push({
            key: at,
            message: `unknown key ${at}${guess ? `: did you mean ${key === '' ? guess : `${key}.${guess}`}?` : ''} (known keys ${where}: ${known.join(', ')})`,
          });
          continue;
        }
        if (v === undefined) continue;
        const checked = check(sub, v, at, problems);
        if (checked !== SKIP) out[name] = checked;
      }
      return out;
    }
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'function') return 'a function';
  return `${typeof v} ${String(v)}`;
}

/** The known key nearest to `name` (case-insensitive edit distance), when it is near enough. */
export function closest(name: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
