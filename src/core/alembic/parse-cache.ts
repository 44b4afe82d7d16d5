// Parsed migrations, kept between runs and keyed by file content. A released migration never
// changes, so on the second run only new or edited files go through the Python grammar.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Constants, ParsedEntry } from './environment.ts';

/** Where parse results are looked up and stored. */
export interface ParseCache {
  /** How many results it holds from earlier runs. */
  readonly size: number;
  get(key: string): ParsedEntry | undefined;
  set(key: string, value: ParsedEntry): void;
}

/** The key of one file's parse: its bytes, the path it is shown under, the constants, the parser. */
export function parseKey(bytes: Uint8Array, shown: string, constants?: Constants): string {
  return createHash('sha256')
    .update(parserFingerprint())
    .update('\u0000')
    .update(shown)
    .update('\u0000')
    .update(constants ? JSON.stringify(Object.entries(constants).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : '')
    .update('\u0000')
    .update(bytes)
    .digest('base64url');
}

let fingerprint: string | null = null;

/**
 * A hash of the parser's own code (this folder and the modules it imports): any change to Lore's
 * reading of migrations invalidates every stored result, with no version number to forget.
 */
export function parserFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  const add = (file: string): void => {
    try {
      hash.update(file.slice(file.lastIndexOf('/') + 1)).update(readFileSync(file));
    } catch {
      hash.update(`missing:${file}`);
    }
  };
  for (const name of readdirSync(here).sort()) if (/\.(ts|js)$/.test(name)) add(join(here, name));
  const ext = here.endsWith('/lib/core/alembic') ? 'js' : 'ts';
  for (const name of ['model', 'text', 'fs/walk']) add(join(here, '..', `${name}.${ext}`));
  return (fingerprint = hash.digest('base64url'));
}

/** Where parsed migrations are kept between runs: $LORE_CACHE_DIR, else [root]/.lore-cache. */
export function defaultCacheDir(root: string): string {
  const fromEnv = process.env.LORE_CACHE_DIR;
  return fromEnv ? resolve(fromEnv) : join(root, '.lore-cache');
}

const FORMAT = 1;
const FILE = 'migrations.json';

interface StoredCache {
  format: number;
  fingerprint: string;
  entries: Record<string, ParsedEntry>;
}

/**
 * A cache in one JSON file under `dir` (a folder of its own, with a `.gitignore` of `*` so it is
 * never committed). `save()` writes only the entries used in this run, so the file does not grow
 * with deleted or edited migrations. A missing, unreadable or foreign file is an empty cache.
 */
export class FileParseCache implements ParseCache {
  readonly dir: string;
  private readonly stored = new Map<string, ParsedEntry>();
  private readonly used = new Map<string, ParsedEntry>();
  private changed = false;

  constructor(dir: string) {
    this.dir = dir;
    try {
      const data = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as StoredCache;
      if (data.format === FORMAT && data.fingerprint === parserFingerprint() && data.entries && typeof data.entries === 'object') {
        for (const [key, value] of Object.entries(data.entries)) this.stored.set(key, value);
      }
    } catch {
      // No cache yet, or one that cannot be read: start empty.
    }
  }

  get size(): number {
    return this.stored.size;
  }

  get(key: string): ParsedEntry | undefined {
    const hit = this.stored.get(key);
    if (hit !== undefined) this.used.set(key, hit);
    return hit;
  }

  set(key: string, value: ParsedEntry): void {
    this.used.set(key, value);
    this.changed = true;
  }

  /** Writes the entries used in this run when anything changed; false when it could not be written. */
  save(): boolean {
    if (!this.changed && this.used.size === this.stored.size) return true;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(join(this.dir, '.gitignore'), '# Written by lore: a cache, never commit it.\n*\n');
      const keys = [...this.used.keys()].sort();
      const entries: Record<string, ParsedEntry> = {};
      for (const key of keys) entries[key] = this.used.get(key)!;
      const data: StoredCache = { format: FORMAT, fingerprint: parserFingerprint(), entries };
      // Written whole and renamed over the old file: a reader never sees half a cache.
      const temp = join(this.dir, `${FILE}.${process.pid}.tmp`);
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, join(this.dir, FILE));
      return true;
    } catch {
      return false;
    }
  }
}
