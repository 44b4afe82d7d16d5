import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passesNameFilter, scanLocations, type ScannedFile } from '../../../src/core/alembic/files.ts';
import { readVersionsFolder } from '../../../src/core/alembic/environment.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'lore-files-'));
  made.push(root);
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), '');
  }
  return root;
}

const show = (root: string, list: ScannedFile[]): string[] => list.map((e) => `${e.kind} ${relative(root, e.abs)}`);

describe('passesNameFilter', () => {
  it.each([
    ['a1b2c3d4e5f6_add_users.py', false, true],
    ['_helpers_private.py', false, true],
    ['.hidden.py', false, true],
    ['2024_05_02_0915-3f9a1c2b7d40_create_tenants.py', false, true],
    ['__init__.py', false, false],
    ['__init__old.py', false, false],
    ['.#a1_add_users.py', false, false],
    ['notes.txt', false, false],
    ['x.py.bak', false, false],
    ['x.py~', false, false],
    ['X.PY', false, false],
    ['x.Py', false, false],
    ['x.pyc', false, false],
    ['x.pyc', true, true],
    ['x.pyo', true, true],
    ['__init__.pyc', true, false],
  ])('%s (sourceless %s) → %s', (name, sourceless, loaded) => {
    expect(passesNameFilter(name, sourceless)).toBe(loaded);
  });
});

describe('scanLocations', () => {
  it('sorts by code point and lists everything else as ignored', () => {
    const root = tree(['b.py', 'a.py', '_p.py', 'A.py', '2024_x.py', 'notes.txt', 'sub/s.py']);
    const list = scanLocations([root], { recursive: false, sourceless: false, root });
    expect(show(root, list)).toEqual(['load 2024_x.py', 'load A.py', 'load _p.py', 'load a.py', 'load b.py', 'ignored notes.txt']);
  });

  it('walks sub-folders in pre-order when recursive, skipping __pycache__ folders but not hidden ones', () => {
    const root = tree(['z.py', 'b/y.py', 'b/c/x.py', 'a/w.py', '.h/v.py', '__pycache__/q.py', 'x__pycache__/q.py']);
    const list = scanLocations([root], { recursive: true, sourceless: false, root });
    expect(show(root, list)).toEqual(['load z.py', 'load .h/v.py', 'load a/w.py', 'load b/y.py', 'load b/c/x.py']);
  });

  it('does not follow symlinked folders', () => {
    const root = tree(['v/a.py', 'other/b.py']);
    symlinkSync(join(root, 'other'), join(root, 'v/linked'));
    const list = scanLocations([join(root, 'v')], { recursive: true, sourceless: false, root });
    expect(show(root, list)).toEqual(['load v/a.py']);
  });

  it('reports bytecode without source, and ignores bytecode next to its source', () => {
    const root = tree(['a.pyc', 'b.py', 'b.pyc', '__pycache__/b.cpython-311.pyc', '__pycache__/c.cpython-311.pyc', '__pycache__/__init__.cpython-311.pyc']);
    for (const sourceless of [false, true]) {
      const list = scanLocations([root], { recursive: false, sourceless, root });
      expect(show(root, list)).toEqual(['sourceless a.pyc', 'load b.py', 'ignored b.pyc', 'sourceless __pycache__/c.cpython-311.pyc']);
    }
  });

  it('loads the same real file once, even when reached through two locations', () => {
    const root = tree(['v/a.py']);
    symlinkSync(join(root, 'v'), join(root, 'w'));
    const list = scanLocations([join(root, 'v'), join(root, 'w')], { recursive: false, sourceless: false, root });
    expect(show(root, list)).toEqual(['load v/a.py']);
  });

  it('does not read symlinks leading outside the repository or nowhere', () => {
    const outside = tree(['secret.py']);
    const root = tree(['v/a.py']);
    symlinkSync(join(outside, 'secret.py'), join(root, 'v/b.py'));
    symlinkSync(join(root, 'v/missing.py'), join(root, 'v/c.py'));
    const list = scanLocations([join(root, 'v')], { recursive: false, sourceless: false, root });
    expect(show(root, list)).toEqual(['load v/a.py', 'unreadable v/b.py', 'unreadable v/c.py']);
  });
});

describe('readVersionsFolder', () => {
  it('turns scan outcomes into ignoredFiles and diagnostics, severity by the sourceless setting', () => {
    const root = tree(['a.pyc', 'b.py', 'b.pyc', 'README']);
    writeFileSync(join(root, 'b.py'), '"""b"""\nrevision = "b1"\ndown_revision = None\n');
    const off = readVersionsFolder(root);
    expect(off.ignoredFiles).toEqual(['README', 'b.pyc']);
    expect(off.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([['migration/sourceless-unsupported', 'info', 'a.pyc']]);
    const on = readVersionsFolder(root, { sourceless: true });
    expect(on.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(on.history).toEqual(['b1']);
  });

  it('reports an unreadable file and goes on', () => {
    const root = tree(['a.py']);
    writeFileSync(join(root, 'a.py'), '"""a"""\nrevision = "a1"\ndown_revision = None\n');
    symlinkSync(join(root, 'gone.py'), join(root, 'b.py'));
    const g = readVersionsFolder(root);
    expect(g.history).toEqual(['a1']);
    expect(g.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([['migration/unreadable', 'error', 'b.py']]);
  });
});
