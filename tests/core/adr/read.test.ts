import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAdrDirectory } from '../../../src/core/adr/read.ts';

let repo: string;
let outside: string;
let adrDir: string;

function write(rel: string, content: string | Uint8Array): void {
  const abs = path.join(adrDir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'lore-adr-repo-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'lore-adr-outside-'));
  adrDir = path.join(repo, 'docs', 'adr');
  write('0001-first.md', '# First\n\nStatus: accepted\n');
  write('0002-second.md', '# Second\n\nStatus: proposed\n');
  write('0002-clash.md', '# Clash\n\nStatus: draft\n');
  write('README.md', '# Index\n\n## Status\n\nAccepted\n');
  write('0000-template.md', '# Template\n');
  write('notes.txt', 'not markdown');
  write('images/0009-picture.md', '# Not read\n');
  write('.drafts/0010-hidden.md', '# Not read\n');
  write('billing/0003-ledger.markdown', '---\nid: 3\n---\n# Ledger\n');
  write('binary.md', new Uint8Array([0x23, 0x20, 0x41, 0x00, 0x01, 0x02]));
  write('broken-utf8.md', new Uint8Array([...Buffer.from('# Broken\n\nStatus: accepted\nbad '), 0xff, 0x0a]));
  fs.writeFileSync(path.join(outside, '0099-secret.md'), '# Secret\n');
  fs.symlinkSync(path.join(outside, '0099-secret.md'), path.join(adrDir, '0099-secret.md'));
  fs.symlinkSync(outside, path.join(adrDir, 'elsewhere'));
  fs.symlinkSync(adrDir, path.join(adrDir, 'billing', 'loop'));
  fs.symlinkSync(path.join(adrDir, '0001-first.md'), path.join(adrDir, 'alias.md'));
  fs.symlinkSync(path.join(adrDir, 'missing.md'), path.join(adrDir, 'dangling.md'));
});

afterAll(() => {
  fs.rmSync(repo, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('readAdrDirectory', () => {
  it('reads the ADRs sorted by path, with ids, files and group', () => {
    const r = readAdrDirectory(repo, adrDir, { group: 'main' });
    expect(r.adrs.map((a) => a.path)).toEqual([
      '0001-first.md',
      '0002-clash.md',
      '0002-second.md',
      'alias.md',
      'billing/0003-ledger.markdown',
      'broken-utf8.md',
    ]);
    const ledger = r.adrs.find((a) => a.id === 'billing/0003-ledger')!;
    expect(ledger.file).toBe('docs/adr/billing/0003-ledger.markdown');
    expect(ledger.group).toBe('main');
    expect(ledger.number).toBe(3);
    expect(r.adrs.find((a) => a.path === 'alias.md')!.title).toBe('First');
  });

  it('lists skipped names in notAdrs and records every file in inputs', () => {
    const r = readAdrDirectory(repo, adrDir);
    expect(r.notAdrs).toEqual(['0000-template.md', 'README.md']);
    const byPath = new Map(r.inputs.map((i) => [i.path, i]));
    expect(byPath.get('docs/adr/README.md')).toMatchObject({ kind: 'adr', outcome: 'not-an-adr' });
    expect(byPath.get('docs/adr/notes.txt')).toMatchObject({ outcome: 'ignored' });
    expect(byPath.get('docs/adr/0001-first.md')).toMatchObject({ kind: 'adr', outcome: 'read', note: 'ADR 1' });
    expect(byPath.get('docs/adr/binary.md')).toMatchObject({ outcome: 'error' });
    expect(r.inputs.some((i) => i.path.includes('images/') || i.path.includes('.drafts/'))).toBe(false);
    const paths = r.inputs.map((i) => i.path);
    expect(paths).toEqual([...paths].sort());
  });

  it('reports binary and invalid UTF-8 files with lines and keeps going', () => {
    const r = readAdrDirectory(repo, adrDir);
    const find = (code: string) => r.diagnostics.filter((d) => d.code === code);
    expect(find('adr/binary-file')).toMatchObject([{ path: 'docs/adr/binary.md', severity: 'error' }]);
    expect(find('adr/invalid-utf8')).toMatchObject([{ path: 'docs/adr/broken-utf8.md', line: 4 }]);
    expect(r.adrs.find((a) => a.path === 'broken-utf8.md')!.status).toBe('accepted');
  });

  it('does not follow links out of the repository, and survives loops and dangling links', () => {
    const r = readAdrDirectory(repo, adrDir);
    expect(r.adrs.some((a) => a.title === 'Secret')).toBe(false);
    const codes = r.diagnostics.map((d) => `${d.code} ${d.path}`);
    expect(codes).toContain('adr/link-outside-repo docs/adr/0099-secret.md');
    expect(codes).toContain('adr/link-outside-repo docs/adr/elsewhere');
    expect(codes).toContain('adr/link-loop docs/adr/billing/loop');
    expect(codes).toContain('adr/broken-link docs/adr/dangling.md');
  });

  it('warns about duplicate numbers in every file that shares one', () => {
    const r = readAdrDirectory(repo, adrDir);
    const dups = r.diagnostics.filter((d) => d.code === 'adr/duplicate-number');
    expect(dups.map((d) => d.path)).toEqual(['docs/adr/0002-clash.md', 'docs/adr/0002-second.md']);
    expect(dups[0]!.message).toContain('0002-second.md');
  });

  it('gives the front-matter line of a duplicate number that came from there', () => {
    const dir = path.join(repo, 'numbered');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.md'), '---\nid: ADR-5\n---\n# A\n');
    fs.writeFileSync(path.join(dir, 'b.md'), '# ADR-5: B\n');
    const dups = readAdrDirectory(repo, dir).diagnostics.filter((d) => d.code === 'adr/duplicate-number');
    expect(dups.map((d) => [d.path, d.line])).toEqual([
      ['numbered/a.md', 2],
      ['numbered/b.md', 1],
    ]);
  });

  it('reports an unreadable file without crashing', () => {
    const target = path.join(adrDir, '0002-second.md');
    const real = fs.readFileSync;
    const spy = vi.spyOn(fs, 'readFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (p === target) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (real as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof fs.readFileSync);
    try {
      const r = readAdrDirectory(repo, adrDir);
      expect(r.diagnostics.filter((d) => d.code === 'adr/unreadable')).toMatchObject([
        { path: 'docs/adr/0002-second.md', severity: 'error', line: null },
      ]);
      expect(r.adrs.map((a) => a.path)).not.toContain('0002-second.md');
      expect(r.inputs.find((i) => i.path === 'docs/adr/0002-second.md')?.outcome).toBe('error');
    } finally {
      spy.mockRestore();
    }
  });

  it('reports a missing ADR folder', () => {
    const r = readAdrDirectory(repo, path.join(repo, 'nope'));
    expect(r.adrs).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ code: 'adr/missing-directory', severity: 'error', path: 'nope' }]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(readAdrDirectory(repo, adrDir))).toBe(JSON.stringify(readAdrDirectory(repo, adrDir)));
  });
});
