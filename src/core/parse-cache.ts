// What the readers made of each file, kept between runs and keyed by content. A released
// migration never changes and most ADRs and rules files rarely do, so on the next run only new or
// edited files are parsed again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where parse results are looked up and stored (values are plain JSON data). */
export interface ParseCache {
  /** How many results it holds from earlier runs. */
  readonly size: number;
  /** A fresh copy of the stored value: the caller may change it. */
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** `set`, with the value already as JSON text (what `JSON.stringify(value)` gives). */
  setJson?(key: string, json: string): void;
}

/**
 * The key of one parse: what kind of reader, the file's content, and whatever else the reader's
 * result depends on (the path it is shown under, its group, the constants…). The reader's own
 * code is part of every key (see `readerFingerprint`).
 */
export function parseKey(kind: string, content: Uint8Array | string, ...context: unknown[]): string {
  return createHash('sha256')
    .update(readerFingerprint())
    .update(`\u0000${kind}\u0000${JSON.stringify(context, sortedKeys)}\u0000`)
    .update(content)
    .digest('base64url');
}

/**
 * `parse()`'s result through the cache: the stored copy when there is one, else a fresh parse,
 * stored before the caller can change it. No cache: just `parse()`.
 */
export function cachedParse<T>(cache: ParseCache | null, kind: string, content: Uint8Array | string, context: unknown[], parse: () => T): T {
  if (!cache) return parse();
  const key = parseKey(kind, content, ...context);
  const hit = cache.get(key) as T | undefined;
  if (hit !== undefined) return hit;
  const value = parse();
  cache.set(key, value);
  return value;
}

/** JSON.stringify replacer: object keys in code-point order, so `{a, b}` and `{b, a}` key alike. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = (value as Record<string, unknown>)[k];
  return out;
}

let fingerprint: string | null = null;

/**
 * A hash of Lore's reading code (every module of src/core, or lib/core once compiled): any
 * change to a reader invalidates every stored result, with no version number to forget.
 */
export function readerFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const core = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  const visit = (dir: string, rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const abs = join(dir, name);
      if (/\.(ts|js|mjs)$/.test(name)) {
        try {
          hash.update(`${rel}${name}\u0000`).update(readFileSync(abs));
        } catch {
          // A folder named like a module: visited below.
        }
      }
      if (!name.includes('.')) visit(abs, `${rel}${name}/`);
    }
  };
  visit(core, '');
  return (fingerprint = hash.digest('base64url'));
}

/** Where parse results are kept between runs: $LORE_CACHE_DIR, else [root]/.lore-cache. */
export function defaultCacheDir(root: string): string {
  const fromEnv = process.env.LORE_CACHE_DIR;
  return fromEnv ? resolve(fromEnv) : join(root, '.lore-cache');
}

const FORMAT = 2;
const FILE = 'parsed.jsonl';

/**
 * A cache in one file under `dir` (a folder of its own, with a `.gitignore` of `*` so it is never
 * committed): a header line, then one `key json` line per entry. Entries are decoded and parsed
 * only when asked for, and kept as bytes or text, so what is saved is exactly what was stored or
 * fetched, whatever callers do with their copies. `save()` writes only the entries used in this
 * run, so the file does not grow with deleted or edited files. A missing, unreadable or foreign
 * file is an empty cache.
 */
export class FileParseCache implements ParseCache {
  readonly dir: string;
  /** The file as read; `stored` holds where each entry's JSON starts and ends in it. */
  private bytes: Buffer = Buffer.alloc(0);
  private readonly stored = new Map<string, [start: number, end: number]>();
  private readonly used = new Map<string, Buffer | string>();
  private changed = false;

  constructor(dir: string) {
    this.dir = dir;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, FILE));
    } catch {
      return; // no cache yet
    }
    // Kept as bytes and decoded an entry at a time: one string of the whole file, or one per
    // entry held for the whole run, costs more than the lookups save. (A newline or space byte is
    // never part of a multi-byte UTF-8 character.)
    const lineEnd = (from: number): number => {
      const at = bytes.indexOf(0x0a, from);
      return at < 0 ? bytes.length : at;
    };
    let end = lineEnd(0);
    try {
      const header = JSON.parse(bytes.toString('utf8', 0, end)) as { format?: unknown; fingerprint?: unknown };
      if (header.format !== FORMAT || header.fingerprint !== readerFingerprint()) return;
    } catch {
      return;
    }
    this.bytes = bytes;
    for (let start = end + 1; start < bytes.length; start = end + 1) {
      end = lineEnd(start);
      const space = bytes.indexOf(0x20, start);
      if (space > start && space < end) this.stored.set(bytes.toString('latin1', start, space), [space + 1, end]);
    }
  }

  get size(): number {
    return this.stored.size;
  }

  get(key: string): unknown {
    const at = this.stored.get(key);
    if (at === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(this.bytes.toString('utf8', at[0], at[1]));
    } catch {
      return undefined; // a damaged line: parse the file again
    }
    this.used.set(key, this.bytes.subarray(at[0], at[1]));
    return value;
  }

  set(key: string, value: unknown): void {
    const text = JSON.stringify(value);
    if (text !== undefined) this.setJson(key, text);
  }

  setJson(key: string, json: string): void {
    this.used.set(key, json);
    this.changed = true;
  }

  /** Writes the entries used in this run when anything changed; false when it could not be written. */
  save(): boolean {
    if (!this.changed && this.used.size === this.stored.size) return true;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(join(this.dir, '.gitignore'), '# Written by lore: a cache, never commit it.\n*\n');
      const parts: (Buffer | string)[] = [`${JSON.stringify({ format: FORMAT, fingerprint: readerFingerprint() })}\n`];
      for (const key of [...this.used.keys()].sort()) parts.push(`${key} `, this.used.get(key)!, '\n');
      // Written whole and renamed over the old file: a reader never sees half a cache.
      const temp = join(this.dir, `${FILE}.${process.pid}.tmp`);
      writeFileSync(temp, joinParts(parts));
      renameSync(temp, join(this.dir, FILE));
      return true;
    } catch {
      return false;
    }
  }
}

/** The parts as one buffer, each encoded straight into place (no buffer per string, no second copy). */
function joinParts(parts: (Buffer | string)[]): Buffer {
  let size = 0;
  for (const part of parts) size += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const part of parts) at += typeof part === 'string' ? out.write(part, at) : part.copy(out, at);
  return out;
}
