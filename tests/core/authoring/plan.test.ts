import { describe, expect, it } from 'vitest';
import { planNewAdr } from '../../../src/core/authoring/new-adr.ts';
import { planInit } from '../../../src/core/authoring/init.ts';
import type { Looked } from '../../../src/core/discover/types.ts';

const folder = (files: Record<string, string>) => ({ dir: 'docs/adr', files: Object.entries(files).map(([name, text]) => ({ name, text })) });

describe('planNewAdr', () => {
  it('creates the next record and, with supersedes, edits the old one', () => {
    const plan = planNewAdr({
      folder: folder({ '0001-a.md': '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n', '0002-b.md': '# 2. B\n\n## Status\n\nAccepted\n' }),
      title: 'C',
      date: '2025-05-06',
      supersedes: 'ADR-2',
    });
    if (!plan.ok) throw new Error(plan.error);
    expect([plan.path, plan.number, plan.format, plan.superseded]).toEqual(['docs/adr/0003-c.md', 3, 'nygard', 'docs/adr/0002-b.md']);
    expect(plan.edits.map((e) => [e.path, e.create])).toEqual([
      ['docs/adr/0003-c.md', true],
      ['docs/adr/0002-b.md', false],
    ]);
    expect(plan.edits[0]!.content).toContain('Supersedes [ADR-0002](0002-b.md)');
    expect(plan.edits[1]!.content).toContain('Superseded by [ADR-0003](0003-c.md)');
  });

  it('lets --format override the detected format, and explains what it cannot do', () => {
    const f = folder({ '0001-a.md': '# 1. A\n\n## Status\n\nAccepted\n' });
    const plan = planNewAdr({ folder: f, title: 'B', date: '2025-05-06', format: 'madr' });
    expect(plan.ok && plan.edits[0]!.content.startsWith('---\nstatus: proposed\ndate: 2025-05-06\n---\n\n# B\n')).toBe(true);
    expect(planNewAdr({ folder: f, title: ' ', date: '2025-05-06' })).toMatchObject({ ok: false });
    expect(planNewAdr({ folder: f, title: 'B', date: '2025-05-06', supersedes: '7' })).toEqual({ ok: false, error: 'no record in docs/adr matches --supersedes 7: give its number or its file name' });
  });

  it('starts an empty folder at 0001 in MADR', () => {
    const plan = planNewAdr({ folder: { dir: '', files: [] }, title: 'First', date: '2025-05-06' });
    expect(plan.ok && [plan.path, plan.format]).toEqual(['0001-first.md', 'madr']);
  });
});

describe('planInit', () => {
  const looked = (list: [Looked['kind'], string, boolean, string?][]): Looked[] => list.map(([kind, path, found, reason]) => ({ kind, path, found, reason: reason ?? (found ? 'x' : 'no such folder') }));

  it('on an empty repository: an ADR folder with a template and a first record, no configuration', () => {
    const plan = planInit({ discovered: looked([['adrs', 'docs/adr', false], ['rules', 'rules', false]]), requested: {}, configFile: null, exists: () => false, date: '2025-05-06' });
    expect(plan.edits.map((e) => e.path)).toEqual(['docs/adr/template.md', 'docs/adr/0001-record-architecture-decisions.md']);
    expect(plan.edits[1]!.content).toMatch(/^---\nstatus: accepted\ndate: 2025-05-06\n---\n\n# Record architecture decisions\n/);
    expect(plan.edits[1]!.content).not.toMatch(/\{[^}]*\}/); // no placeholder left in the first record
    expect(plan.config).toBeNull();
    expect(plan.missing.map((m) => [m.kind, m.looked.map((l) => l.path)])).toEqual([['rules', ['rules']], ['migrations', []], ['docs', []]]);
  });

  it('with everything present: nothing to write', () => {
    const plan = planInit({
      discovered: looked([['adrs', 'docs/adr', true], ['rules', 'rules', true], ['migrations', 'migrations', true], ['docs', 'docs', true]]),
      requested: {},
      configFile: null,
      exists: () => true,
      date: '2025-05-06',
    });
    expect(plan.edits).toEqual([]);
    expect(plan.found.map((f) => f.path)).toEqual(['docs/adr', 'rules', 'migrations', 'docs']);
  });

  it('writes a configuration only for sources discovery would not find where they are', () => {
    const base = { discovered: looked([['adrs', 'docs/adr', true], ['rules', 'rules', true]]), configFile: null, exists: () => true, date: '2025-05-06' };
    expect(planInit({ ...base, requested: { adrs: ['docs/adr'] } }).config).toBeNull();
    const plan = planInit({ ...base, requested: { rules: ['handbook/db.md'] } });
    expect(plan.config).toEqual({ path: 'lore.config.json', content: '{\n  "sources": {\n    "rules": "handbook/db.md"\n  }\n}\n', written: false });
    const fresh = planInit({ ...base, exists: (p) => p !== 'lore.config.json', requested: { rules: ['handbook/db.md'] } });
    expect(fresh.edits.map((e) => e.path)).toEqual(['lore.config.json']);
    const kept = planInit({ ...base, configFile: 'lore.config.mjs', exists: () => true, requested: { rules: ['handbook/db.md'] } });
    expect(kept.edits).toEqual([]);
    expect(kept.config?.written).toBe(false);
  });
});
