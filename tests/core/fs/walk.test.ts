import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkFiles } from '../../../src/core/fs/walk.ts';

describe('walkFiles', () => {
  it('lists what it does not enter: hidden and skipped folders, lock files, link loops', () => {
    const root = mkdtempSync(join(tmpdir(), 'lore-walk-'));
    const docs = join(root, 'docs');
    mkdirSync(join(docs, '.git'), { recursive: true });
    mkdirSync(join(docs, 'assets'), { recursive: true });
    mkdirSync(join(docs, 'sub'), { recursive: true });
    writeFileSync(join(docs, '.git', 'HEAD'), 'ref\n');
    writeFileSync(join(docs, 'assets', 'logo.svg'), '<svg/>');
    writeFileSync(join(docs, 'sub', 'page.md'), '# Page\n');
    writeFileSync(join(docs, 'a.md'), '# A\n');
    symlinkSync('user@host.1:2', join(docs, '.#a.md'));
    symlinkSync('..', join(docs, 'sub', 'up'));
    const r = walkFiles(root, docs, { code: 'doc', skipDirs: new Set(['assets']) });
    const rel = (p: string) => relative(root, p).split('\\').join('/');
    expect(r.files.map(rel)).toEqual(['docs/a.md', 'docs/sub/page.md']);
    expect(r.skipped.map((s) => [rel(s.abs), s.reason])).toEqual([
      ['docs/.#a.md', 'editor lock file'],
      ['docs/.git', 'hidden folder, not read'],
      ['docs/assets', 'assets/ folder, not read'],
      ['docs/sub/up', 'folder already read through another path (symbolic link loop)'],
    ]);
    expect(r.diagnostics).toEqual([]);
  });
});
