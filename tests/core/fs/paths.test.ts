import fc from 'fast-check';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinPrefix, relativeFrom } from '../../../src/core/fs/paths.ts';

// Path pieces that exercise normalization: empty, `.` and `..` segments, names starting with dots.
const segment = fc.constantFrom('', '.', '..', 'a', 'b', 'ab', '..x', '.h', 'x y', 'é', '😀');
const dirPath = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 5 }), fc.boolean()).map(([absolute, parts, trailing]) => {
  const p = parts.join('/');
  return `${absolute ? '/' : ''}${p}${trailing && p !== '' ? '/' : ''}`;
});
// Names as a folder listing gives them: never empty, `.` or `..`, never holding a separator.
const entryName = fc.constantFrom('a', 'b', 'ab', '..x', '.h', 'x y', 'a.py', '__pycache__', 'é', '😀', '\uFFFD');

describe('joinPrefix', () => {
  it('gives what join puts before an entry name', () => {
    fc.assert(fc.property(dirPath, entryName, (dir, name) => joinPrefix(dir) + name === join(dir, name)));
  });

  it('handles the file-system root and the current folder', () => {
    expect(joinPrefix('/') + 'x').toBe('/x');
    expect(joinPrefix('.') + 'x').toBe('x');
    expect(joinPrefix('') + 'x').toBe('x');
  });
});

describe('relativeFrom', () => {
  it('gives what relative gives for the joined path, inside and outside the base', () => {
    fc.assert(
      fc.property(dirPath, fc.array(fc.tuple(dirPath, entryName), { minLength: 1, maxLength: 6 }), (from, files) => {
        const rel = relativeFrom(from);
        // The same folder asked for several times exercises the per-folder memo.
        for (const [dir, name] of [...files, ...files]) expect(rel(dir, name)).toBe(relative(from, join(dir, name)));
      }),
    );
  });

  it('names files below, in and beside the base', () => {
    const rel = relativeFrom('/repo/db');
    expect(rel('/repo/db/versions', 'a.py')).toBe('versions/a.py');
    expect(rel('/repo/db', 'a.py')).toBe('a.py');
    expect(rel('/repo', 'db')).toBe('');
    expect(rel('/repo', 'dbx')).toBe('../dbx');
    expect(rel('/other', 'a.py')).toBe('../../other/a.py');
  });
});
