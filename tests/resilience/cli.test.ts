// The real CLI on broken repositories: `lore check` exits 0 or 1 (never crashes), `lore inspect
// --json` prints the model, and nothing ever prints a stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCleanCli, goodFiles, lore, makeRepo, migration, sourceArgs, type Files } from './repo.ts';

const V = 'content/migrations/versions';

function everythingAtOnce(): Files {
  const outside = mkdtempSync(join(tmpdir(), 'lore-outside-'));
  writeFileSync(join(outside, '0009-outside.md'), '# 9. Outside\n');
  return {
    ...goodFiles,
    'adr/0003-bad-yaml.md': '---\ntitle: [unclosed\n---\n# 3. Bad\n',
    'adr/0004-binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
    'adr/0005-latin1.md': Buffer.from('# 5. Caf\xe9\n', 'latin1'),
    'adr/0006-deep.md': `# 6. Deep\n\n${'>'.repeat(10_000)} x\n`,
    'adr/0007-empty.md': '',
    'adr/0008-cycle.md': '# 8. Cycle\n\nSupersedes: ADR-0010\n',
    'adr/0010-cycle.md': '# 10. Cycle\n\nSupersedes: ADR-0008\n',
    'adr/0009-outside.md': { symlink: join(outside, '0009-outside.md') },
    'adr/0011 odd #?%&<"é.md': '# 11. Odd\n',
    'adr/loop': { symlink: '.' },
    'rules/DEEP.md': `# Deep\n\n${'- '.repeat(10_000)}DB-050: x\n`,
    'rules/SCALAR.md': '---\njust text\n---\n',
    'content/docs/binary.md': Buffer.from([0xff, 0, 0xfe]),
    [`${V}/bbbbbbbbbbb1_broken.py`]: migration('bbbbbbbbbbb1', 'aaaaaaaaaaa3', "    op.drop_column('users', 'name'"),
    [`${V}/bbbbbbbbbbb2_nul.py`]: Buffer.from([0x61, 0, 0x62]),
    [`${V}/bbbbbbbbbbb3_self.py`]: migration('bbbbbbbbbbb3', 'bbbbbbbbbbb3'),
  };
}

describe('the CLI on broken input', () => {
  it('check and inspect exit cleanly, agree on the diagnostics, and name every broken file', () => {
    const root = makeRepo(everythingAtOnce());
    const { check, inspect } = expectCleanCli(root);
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout) as { ok: boolean; diagnostics: { path: string | null; line: number | null; code: string }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toEqual(inspect.diagnostics);
    const named = new Set(report.diagnostics.map((d) => d.path));
    for (const p of ['adr/0003-bad-yaml.md', 'adr/0004-binary.md', 'adr/0005-latin1.md', 'adr/0006-deep.md', 'adr/0007-empty.md', 'adr/0008-cycle.md', 'adr/0009-outside.md', 'rules/DEEP.md', 'rules/SCALAR.md', 'content/docs/binary.md', `${V}/bbbbbbbbbbb1_broken.py`, `${V}/bbbbbbbbbbb2_nul.py`, `${V}/bbbbbbbbbbb3_self.py`]) {
      expect(named.has(p), p).toBe(true);
    }
    expect(inspect.adrs.map((a) => a.path)).toContain('adr/0011 odd #?%&<"é.md');
    // The text report names files and lines the same way.
    const text = lore(['check', ...sourceArgs], { cwd: root });
    expect(text.stdout).toContain('adr/0003-bad-yaml.md');
    expect(text.stdout).toMatch(/bbbbbbbbbbb1_broken\.py/);
    for (const format of ['sarif', 'github']) {
      const r = lore(['check', ...sourceArgs, '--format', format], { cwd: root });
      expect(r.code, `${format}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toBe('');
    }
  });

  it('a sound repository with only warnings passes, and the empty repository passes too', () => {
    const warned = makeRepo({ ...goodFiles, 'adr/0003-empty.md': '', 'rules/SCALAR.md': '---\njust text\n---\n# S\n\n### DB-010: X\nY\n' });
    const a = expectCleanCli(warned);
    expect(a.check.code).toBe(0);
    expect(a.inspect.diagnostics.some((d) => d.severity === 'warning')).toBe(true);
    const empty = makeRepo({});
    const b = expectCleanCli(empty);
    expect(b.check.code).toBe(0);
    expect(b.inspect.inputs).toEqual([]);
  });
});
