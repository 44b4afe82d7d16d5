// The synthetic benchmark repository (bench/generate.ts) must be reproducible and internally
// consistent: right sizes, every citation resolvable, one final migration head.
import { describe, expect, it } from 'vitest';
import { generateRepo } from '../../bench/generate.ts';

const { files, stamp } = generateRepo(1);
const byPrefix = (prefix: string) => files.filter((f) => f.path.startsWith(prefix));

describe('bench/generate.ts at scale 1', () => {
  it('is byte-identical on a second run', () => {
    const again = generateRepo(1);
    expect(again.stamp).toEqual(stamp);
    expect(again.files.length).toBe(files.length);
    expect(again.files.every((f, i) => f.path === files[i]?.path && f.text === files[i]?.text)).toBe(true);
  });

  it('has the promised sizes', () => {
    expect(byPrefix('adr/').length).toBe(1000);
    expect(byPrefix('rules/').length).toBe(20);
    expect(byPrefix('content/migrations/versions/').length).toBe(3000);
    expect(byPrefix('content/docs/').length).toBeGreaterThanOrEqual(3);
    expect(stamp.counts.tables).toBe(300);
    for (const f of byPrefix('adr/')) {
      const lines = f.text.split('\n').length - 1;
      expect(lines, f.path).toBeGreaterThanOrEqual(40);
      expect(lines, f.path).toBeLessThanOrEqual(120);
    }
    for (const f of byPrefix('rules/')) {
      const rules = f.text.match(/^### [A-Z][A-Z0-9]*-\d+: /gm) ?? [];
      expect(rules.length, f.path).toBeGreaterThanOrEqual(10);
      expect(rules.length, f.path).toBeLessThanOrEqual(20);
    }
  });

  it('mixes the three ADR formats and supersedes some records', () => {
    const adrs = byPrefix('adr/');
    const madr = adrs.filter((f) => f.text.startsWith('---\nstatus:')).length;
    const nygard = adrs.filter((f) => /^# \d+\. /.test(f.text)).length;
    const log4brains = adrs.filter((f) => /^- Status: /m.test(f.text)).length;
    expect(madr + nygard + log4brains).toBe(1000);
    for (const n of [madr, nygard, log4brains]) expect(n).toBeGreaterThan(100);
    expect(adrs.filter((f) => /superseded by ADR-\d{4}/i.test(f.text)).length).toBeGreaterThan(10);
  });

  it('cites only ADRs and rules that exist', () => {
    const numbered = new Set(byPrefix('adr/').flatMap((f) => (/^adr\/(\d{4})-/.exec(f.path) ? [`ADR-${f.path.slice(4, 8)}`] : [])));
    const labels = new Set(byPrefix('rules/').flatMap((f) => [...f.text.matchAll(/^### ([A-Z][A-Z0-9]*-\d+): /gm)].map((m) => m[1] as string)));
    let adrCites = 0;
    let ruleCites = 0;
    for (const f of files) {
      for (const m of f.text.matchAll(/\bADR-\d+\b/g)) {
        adrCites++;
        expect(numbered.has(m[0]), `${f.path} cites ${m[0]}`).toBe(true);
      }
      if (f.path.startsWith('rules/')) continue;
      for (const m of f.text.matchAll(/\b(?:DB-\d{3}|R\d{2}-\d{3})\b/g)) {
        ruleCites++;
        expect(labels.has(m[0]), `${f.path} cites ${m[0]}`).toBe(true);
      }
    }
    expect(adrCites).toBeGreaterThan(1000);
    expect(ruleCites).toBeGreaterThan(1000);
  });

  it('builds one migration graph with branches, merges and a single head', () => {
    const migrations = byPrefix('content/migrations/versions/');
    const parents = new Map<string, string[]>();
    for (const f of migrations) {
      const id = /^revision(?::[^=]+)? = '([0-9a-f]{12})'$/m.exec(f.text)?.[1];
      const down = /^down_revision(?::[^=]+)? = (.+)$/m.exec(f.text)?.[1];
      expect(id, f.path).toBeDefined();
      expect(down, f.path).toBeDefined();
      parents.set(id as string, [...(down as string).matchAll(/'([0-9a-f]{12})'/g)].map((m) => m[1] as string));
    }
    expect(parents.size).toBe(3000);
    const children = new Map<string, number>();
    for (const ps of parents.values()) {
      for (const p of ps) {
        expect(parents.has(p), `missing parent ${p}`).toBe(true);
        children.set(p, (children.get(p) ?? 0) + 1);
      }
    }
    const heads = [...parents.keys()].filter((id) => !children.has(id));
    const bases = [...parents.entries()].filter(([, ps]) => ps.length === 0);
    expect(heads.length).toBe(1);
    expect(bases.length).toBe(1);
    expect([...parents.values()].filter((ps) => ps.length >= 2).length).toBeGreaterThan(50);
    expect([...children.values()].filter((n) => n >= 2).length).toBeGreaterThan(50);
    expect(migrations.filter((f) => f.text.includes('\nDecisions: ADR-')).length).toBeGreaterThan(500);
    expect(migrations.filter((f) => /^revision: str = /m.test(f.text)).length).toBeGreaterThan(500);
    expect(migrations.filter((f) => /^revision = /m.test(f.text)).length).toBeGreaterThan(500);
  });
});
