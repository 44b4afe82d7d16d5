import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../src/core/load.ts';

const root = fileURLToPath(new URL('./fixtures/linked', import.meta.url));

describe('table histories', () => {
  const k = loadKnowledge(root, { sources: { adrs: ['adr'], rules: ['rules'], docs: ['docs'], migrations: ['versions'] } });

  it('follows a table through a rename and keeps its whole history in graph order', () => {
    expect(k.tables.map((t) => t.name)).toEqual(['customers']);
    const t = k.tables[0]!;
    expect(t.formerNames).toEqual(['accounts']);
    expect(t.events.map((e) => [e.revision, e.kind, e.column])).toEqual([
      ['a1a1a1a1a1a1', 'created', null],
      ['b2b2b2b2b2b2', 'renamed', null],
      ['b2b2b2b2b2b2', 'column-added', 'email'],
      ['b2b2b2b2b2b2', 'column-renamed', 'name'],
      ['b2b2b2b2b2b2', 'column-dropped', 'email'],
    ]);
  });

  it('leaves the columns as the migrations do', () => {
    expect(k.tables[0]!.columns).toEqual([
      { name: 'id', type: 'sa.Integer()', nullable: false },
      { name: 'full_name', type: 'sa.String(50)', nullable: false },
    ]);
  });

  it('builds the demo tables', () => {
    const demo = loadKnowledge(fileURLToPath(new URL('../..', import.meta.url)));
    const names = demo.tables.map((t) => t.name);
    for (const n of ['organizations', 'users', 'memberships', 'subscriptions', 'invoices', 'api_keys', 'audit_events']) expect(names).toContain(n);
    const apiKeys = demo.tables.find((t) => t.name === 'api_keys')!;
    expect(apiKeys.columns.map((c) => c.name)).not.toContain('token');
    expect(apiKeys.events.some((e) => e.kind === 'column-dropped' && e.column === 'token')).toBe(true);
  });
});
