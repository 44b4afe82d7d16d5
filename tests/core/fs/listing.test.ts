import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderListings } from '../../../src/core/fs/listing.ts';
import { compareCodePoints } from '../../../src/core/text.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'lore-listing-'));
  made.push(dir);
  for (const name of names) writeFileSync(join(dir, name), '');
  return dir;
}

describe('FolderListings', () => {
  it('sorts by code point, also when names hold characters beyond the BMP', () => {
    // UTF-16 order would put the emoji (a surrogate pair) before U+FFFD; code-point order after it.
    const names = ['b.py', 'A.py', '\uFFFD.py', '😀.py', 'é.py', '_a.py', '2024.py'];
    const dir = folder(names);
    expect(new FolderListings().entries(dir).map((e) => e.name)).toEqual([...names].sort(compareCodePoints));
    const plain = ['b.py', 'A.py', 'é.py', '_a.py', '2024.py', 'a.py'];
    expect(new FolderListings().entries(folder(plain)).map((e) => e.name)).toEqual([...plain].sort(compareCodePoints));
  });

  it('reads a folder once per run', () => {
    const dir = folder(['a.py']);
    const listings = new FolderListings();
    const first = listings.entries(dir);
    writeFileSync(join(dir, 'b.py'), '');
    expect(listings.entries(dir)).toBe(first);
    expect(first.map((e) => e.name)).toEqual(['a.py']);
    expect(new FolderListings().entries(dir).map((e) => e.name)).toEqual(['a.py', 'b.py']);
  });

  it('keeps why a folder could not be read', () => {
    const dir = folder(['a.py']);
    const listings = new FolderListings();
    expect(listings.list(join(dir, 'missing'))).toMatchObject({ entries: [], error: { code: 'ENOENT' } });
    expect(listings.list(join(dir, 'a.py'))).toMatchObject({ entries: [], error: { code: 'ENOTDIR' } });
    mkdirSync(join(dir, 'sub'));
    expect(listings.list(join(dir, 'sub'))).toEqual({ entries: [], error: null });
  });
});
