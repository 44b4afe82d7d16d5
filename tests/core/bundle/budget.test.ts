import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { loadKnowledge, type LoadedKnowledge } from '../../../src/core/load.ts';
import { renderBundle } from '../../../src/core/bundle/index.ts';
import { writeLargeRepo } from './large.ts';

let dir = '';
let k: LoadedKnowledge;
beforeAll(() => {
  dir = writeLargeRepo({ adrs: 300, migrations: 1000, rules: 40 });
  k = loadKnowledge(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const measure = (text: string) => ({ lines: text.split('\n').length - 1, bytes: new TextEncoder().encode(text).length });

describe('the budget on a large repository', () => {
  it('reads what was generated', () => {
    expect(k.adrs).toHaveLength(300);
    expect(k.migrations[0]!.revisions).toHaveLength(1000);
    expect(k.rules[0]!.rules).toHaveLength(40);
  });

  it('keeps CLAUDE.md under 200 lines and 32 KiB, with every rule, and says what it trimmed', () => {
    const r = renderBundle(k);
    const claude = r.files.find((f) => f.path === 'CLAUDE.md')!.content;
    const m = measure(claude);
    expect(m.lines).toBeLessThanOrEqual(200);
    expect(m.bytes).toBeLessThanOrEqual(32768);
    for (const rule of k.rules[0]!.rules) expect(claude).toContain(`\n- ${rule.label}: ${rule.title}\n`);
    expect(claude).toMatch(/^Shortened to fit 200 lines and 32 KiB: .*decision summaries.*\. Each list says where to read the rest\.$/m);
    // Trimmed lists say where the rest is.
    expect(claude).toMatch(/^- \d+ more accepted decisions are not listed .*: read `adr\/`\.$/m);
    expect(claude).toMatch(/older: run `npx lore history content\/migrations\/versions` or read/);
    expect(claude).toContain('`content/migrations/CLAUDE.md`');
    const report = r.reports.find((x) => x.path === 'CLAUDE.md')!;
    expect(report.overBudget).toBe(false);
    expect(report.trimmed.length).toBeGreaterThan(0);
  });

  it('shortens the lowest priorities first: decisions keep titles while older migrations go', () => {
    const r = renderBundle(k, { budget: { maxLines: 200, maxBytes: 32768 } });
    const claude = r.files[0]!.content;
    // The migration list shrank before the rules or every decision did.
    expect(claude).not.toContain('Newest 10 migrations');
    expect(claude).toMatch(/^- ADR-\d{4}: /m);
  });

  it('never drops a rule, even when the rules alone exceed the budget', () => {
    const r = renderBundle(k, { budget: { maxLines: 30, maxBytes: 4000 } });
    const claude = r.files[0]!.content;
    for (const rule of k.rules[0]!.rules) expect(claude).toContain(`- ${rule.label}: `);
    const report = r.reports.find((x) => x.path === 'CLAUDE.md')!;
    expect(report.overBudget).toBe(true);
    expect(claude).not.toMatch(/^- ADR-\d{4}: /m);
  });

  it('keeps the scoped file within its own budget', () => {
    const r = renderBundle(k);
    const scoped = r.files.find((f) => f.path === 'content/migrations/CLAUDE.md')!;
    const m = measure(scoped.content);
    expect(m.lines).toBeLessThanOrEqual(800);
    expect(m.bytes).toBeLessThanOrEqual(65536);
    for (const rule of k.rules[0]!.rules) expect(scoped.content).toContain(`${rule.label}: `);
  });
});
