// The file system fights back: symbolic link loops, links leading out of the repository, files
// and folders that cannot be read.
import fs, { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectIntact, expectWellFormed, goodFiles, loadBoth, makeRepo, migration, type Model } from './repo.ts';

const V = 'content/migrations/versions';

/** Every path named in the inputs or by a diagnostic. */
const accounted = (json: Model): Set<string> => new Set([...json.inputs.map((i) => i.path), ...json.diagnostics.flatMap((d) => (d.path ? [d.path] : []))]);

describe('symbolic links', () => {
  it('a link loop is read once, and the loop is accounted for', async () => {
    const files = {
      'adr/loop': { symlink: '.' },
      'adr/nested/again': { symlink: '..' },
      'adr/nested/0003-nested.md': '# 3. Nested\n',
      'rules/loop': { symlink: '.' },
      'content/docs/loop': { symlink: '.' },
    };
    const base = (await loadBoth(makeRepo(goodFiles))).json;
    const { k, json } = await loadBoth(makeRepo({ ...goodFiles, ...files }));
    expectWellFormed(k);
    expect(json.adrs.filter((a) => a.title === 'Nested')).toHaveLength(1);
    expect(json.adrs).toHaveLength(3);
    for (const p of Object.keys(files)) expect(accounted(json).has(p), p).toBe(true);
    expectIntact(base, json, Object.keys(files));
  });

  it('a link leading out of the repository is not followed, and says so', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'lore-outside-'));
    writeFileSync(join(outside, '0009-secret.md'), '# 9. Outside secret\n');
    writeFileSync(join(outside, 'SECRET.md'), '# Secret\n\n### SEC-001: Outside rule\nText.\n');
    writeFileSync(join(outside, 'secret.py'), migration('ddddddddddd1', 'aaaaaaaaaaa3', '    pass', 'outside secret'));
    const files = {
      'adr/0009-secret.md': { symlink: join(outside, '0009-secret.md') },
      'adr/outside-folder': { symlink: outside },
      'rules/SECRET.md': { symlink: join(outside, 'SECRET.md') },
      'rules/outside-folder': { symlink: outside },
      'content/docs/secret.md': { symlink: join(outside, 'SECRET.md') },
      'content/docs/outside-folder': { symlink: outside },
      [`${V}/ddddddddddd1_secret.py`]: { symlink: join(outside, 'secret.py') },
    };
    const base = (await loadBoth(makeRepo(goodFiles))).json;
    const { k, json } = await loadBoth(makeRepo({ ...goodFiles, ...files }));
    expectWellFormed(k);
    const text = JSON.stringify(json);
    expect(text).not.toContain('Outside secret');
    expect(text).not.toContain('SEC-001');
    expect(text).not.toContain('ddddddddddd1_secret.py"' + ',"kind":"migration","outcome":"read"');
    expect(json.migrations[0]!.revisions.map((r) => r.revision)).not.toContain('ddddddddddd1');
    expect(text).not.toContain(outside);
    for (const p of Object.keys(files)) expect(accounted(json).has(p), p).toBe(true);
    expectIntact(base, json, Object.keys(files));
  });
});

describe('unreadable files and folders', () => {
  const secret = {
    'adr/0003-secret.md': '# 3. Secret\n',
    'rules/SECRET.md': '# Secret\n\n### DB-010: Secret\nText.\n',
    'content/docs/secret.md': '# Secret\n',
    [`${V}/bbbbbbbbbbb1_secret.py`]: migration('bbbbbbbbbbb1', 'aaaaaaaaaaa3'),
  };
  const folders = ['adr/private', 'rules/private', 'content/docs/private'];
  const expectedCodes: Record<string, string> = {
    'adr/0003-secret.md': 'adr/unreadable',
    'rules/SECRET.md': 'rules/unreadable',
    'content/docs/secret.md': 'doc/unreadable',
    [`${V}/bbbbbbbbbbb1_secret.py`]: 'migration/unreadable',
    'adr/private': 'adr/unreadable',
    'rules/private': 'rules/unreadable',
    'content/docs/private': 'doc/unreadable',
  };

  const expectReported = async (root: string): Promise<void> => {
    const base = (await loadBoth(makeRepo(goodFiles))).json;
    const { k, json } = await loadBoth(root);
    expectWellFormed(k);
    for (const [path, code] of Object.entries(expectedCodes)) {
      const d = k.diagnostics.find((x) => x.path === path && x.code === code);
      expect(d, `${code} on ${path}`).toBeDefined();
      expect(d!.message).toMatch(/EACCES/);
      expect(d!.message).toMatch(/permission|readable/);
    }
    expectIntact(base, json, [...Object.keys(secret), ...folders]);
  };

  const withFolders = () => ({ ...goodFiles, ...secret, ...Object.fromEntries(folders.map((f) => [`${f}/0004-hidden.md`, '# 4. Hidden\n'])) });

  afterEach(() => {
    vi.restoreAllMocks();
    syncBuiltinESMExports();
  });

  // Root reads any file whatever its mode, so this variant only runs for other users; the next
  // test simulates the same errors for everyone.
  it.skipIf(process.getuid?.() === 0)('reports files and folders whose permissions forbid reading (real permissions)', async () => {
    const root = makeRepo(withFolders());
    for (const p of [...Object.keys(secret), ...folders]) chmodSync(join(root, p), 0o000);
    try {
      await expectReported(root);
    } finally {
      for (const p of [...Object.keys(secret), ...folders]) chmodSync(join(root, p), 0o755);
    }
  });

  it('reports files and folders that fail with EACCES (simulated)', async () => {
    const root = makeRepo(withFolders());
    const denied = new Set([...Object.keys(secret), ...folders].map((p) => join(root, p)));
    const deny = (p: fs.PathOrFileDescriptor | fs.PathLike): boolean => typeof p === 'string' && denied.has(p.split('/').join(sep));
    const eacces = (p: unknown): Error => Object.assign(new Error(`EACCES: permission denied, open '${String(p)}'`), { code: 'EACCES', errno: -13 });
    const readFileSync = fs.readFileSync;
    const readdirSync = fs.readdirSync;
    vi.spyOn(fs, 'readFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, o?: unknown) => {
      if (deny(p)) throw eacces(p);
      return (readFileSync as (p: fs.PathOrFileDescriptor, o?: unknown) => unknown)(p, o);
    }) as typeof fs.readFileSync);
    vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (deny(p)) throw eacces(p);
      return (readdirSync as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    // The readers import named bindings from node:fs; make them see the spies.
    syncBuiltinESMExports();
    await expectReported(root);
  });
});
