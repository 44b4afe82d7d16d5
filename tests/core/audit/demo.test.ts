import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../../src/core/load.ts';
import { checks } from '../../../src/core/audit/index.ts';
import { compareCodePoints } from '../../../src/core/text.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('the demo audits clean', () => {
  const k = loadKnowledge(repoRoot);

  it('has no unwaived finding above info severity', () => {
    const open = k.findings.filter((f) => f.waiver === null && f.severity !== 'info');
    expect(open.map((f) => `${f.path}:${f.line} ${f.check}: ${f.message}`)).toEqual([]);
    expect(k.diagnostics.filter((d) => d.code.startsWith('audit/'))).toEqual([]);
  });

  it('has at least one waiver of each kind, each with a reason', () => {
    const waived = k.findings.filter((f) => f.waiver !== null);
    for (const by of ['comment', 'docstring', 'adr'] as const) expect(waived.some((f) => f.waiver!.by === by), by).toBe(true);
    for (const f of waived) expect(f.waiver!.reason.length).toBeGreaterThan(10);
    const adr = waived.find((f) => f.waiver!.by === 'adr')!;
    expect([adr.check, adr.revision, adr.waiver!.ref]).toEqual(['destructive', '3579c87f141d', 'adr:0010-store-only-hashed-api-keys']);
  });

  it('names the demo rule of every finding, from the rules file', () => {
    for (const f of k.findings) {
      expect(f.rule, `${f.check} at ${f.path}:${f.line}`).toMatch(/^db-0\d\d$/);
      expect(f.message).toMatch(/^DB-0\d\d \(/);
    }
  });

  it('notes the one-way migration and every op.execute', () => {
    expect(k.findings.filter((f) => f.check === 'downgrade').map((f) => [f.revision, f.severity])).toEqual([['3579c87f141d', 'info']]);
    const executes = k.migrations[0]!.revisions.reduce((n, r) => n + r.upgrade.filter((o) => o.kind === 'execute').length, 0);
    expect(k.findings.filter((f) => f.check === 'raw-sql').length).toBe(executes);
  });

  it('lists findings in a stable order: path, line, check', () => {
    const sorted = [...k.findings].sort((a, b) => compareCodePoints(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || compareCodePoints(a.check, b.check));
    expect(k.findings).toEqual(sorted);
  });

  it('uses only known check ids', () => {
    const ids = new Set(checks.map((c) => c.id));
    for (const f of k.findings) expect(ids.has(f.check)).toBe(true);
  });
});
