// A parse cache that counts what it is asked, around a real FileParseCache (for tests).
import { FileParseCache, type ParseCache } from '../../src/core/parse-cache.ts';

export class CountingCache implements ParseCache {
  gets = 0;
  hits = 0;
  misses = 0;
  sets = 0;
  readonly inner: FileParseCache;
  constructor(inner: FileParseCache) {
    this.inner = inner;
  }
  get size(): number {
    return this.inner.size;
  }
  get(key: string): unknown {
    this.gets++;
    const hit = this.inner.get(key);
    if (hit === undefined) this.misses++;
    else this.hits++;
    return hit;
  }
  set(key: string, value: unknown): void {
    this.sets++;
    this.inner.set(key, value);
  }
  setJson(key: string, json: string): void {
    this.sets++;
    this.inner.setJson(key, json);
  }
}
