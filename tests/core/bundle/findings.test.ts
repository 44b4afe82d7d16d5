import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src/core/load.ts';
import { renderBundle } from '../../../src/core/bundle/index.ts';
import type { Finding, Knowledge } from '../../../src/core/model.ts';
import { repo } from './helpers.ts';

const base = loadKnowledge(repo);

function finding(over: Partial<Finding>): Finding {
  return { check: 'index-lock', severity: 'error', rule: 'db-013', environment: 'default', revision: 'e438ccdf22a2', path: 'content/migrations/versions/e438ccdf22a2_index_subscriptions_by_current_period_.py', line: 20, message: 'create_index on subscriptions without CONCURRENTLY: use postgresql_concurrently=True', waiver: null, ...over };
}

const claude = (k: Knowledge): string => renderBundle(k).files.find((f) => f.path === 'CLAUDE.md')!.content;

describe('audit findings in the migration state', () => {
  it('lists active waivers, grouped per migration and check, and unwaived errors as open problems', () => {
    const k: Knowledge = {
      ...base,
      findings: [
        finding({ waiver: { by: 'comment', reason: 'table is created in this same migration', ref: null, line: 19 } }),
        finding({ line: 30, waiver: { by: 'comment', reason: 'same table, same reason', ref: null, line: 29 } }),
        finding({ check: 'destructive', rule: 'db-011', revision: '3579c87f141d', waiver: { by: 'adr', reason: 'ADR-0010 accepts destructive', ref: 'adr:0010-store-only-hashed-api-keys', line: null } }),
        finding({ check: 'naive-datetime', rule: 'db-006', revision: '948000beb271', message: 'sa.DateTime() without timezone=True: use sa.DateTime(timezone=True)' }),
        finding({ check: 'naming', severity: 'warning', rule: 'db-008', revision: '948000beb271' }),
      ],
    };
    const text = claude(k);
    expect(text).toContain('- `e438ccdf22a2` index-lock (DB-013), 2 calls: table is created in this same migration / same table, same reason');
    expect(text).toContain('- `3579c87f141d` destructive (DB-011): accepted by ADR-0010 (Store only hashes of API keys)');
    expect(text).toContain('Open problems (fix these before adding a migration):');
    expect(text).toContain('- `948000beb271` naive-datetime (DB-006): sa.DateTime() without timezone=True: use sa.DateTime(timezone=True)');
    expect(text).toContain('- 1 audit warning not yet fixed: run `npx lore check` for the list.');
    expect(text).not.toContain('Open problems: none.');
  });

  it('shows no waiver list and no problems when there are no findings', () => {
    const text = claude({ ...base, findings: [] });
    expect(text).not.toContain('Waived audit findings');
    expect(text).toContain('Open problems: none.');
  });

  it('reports unmerged heads and broken parents as open problems', () => {
    const g = base.migrations[0]!;
    const broken = {
      ...g,
      heads: ['948000beb271', 'e438ccdf22a2'],
      diagnostics: [
        { code: 'migration/multiple-heads', severity: 'warning' as const, path: null, line: null, message: '2 unmerged heads (948000beb271, e438ccdf22a2)' },
        { code: 'migration/missing-parent', severity: 'error' as const, path: 'content/migrations/versions/x.py', line: 12, message: "down_revision '0000' does not exist: point it at an existing revision id" },
      ],
    };
    const text = claude({ ...base, findings: [], migrations: [broken] });
    expect(text).toMatch(/heads: `948000beb271` \(add invitation timestamps to memberships\), `e438ccdf22a2` \(index subscriptions by current period end\)\./);
    expect(text).toContain('- 2 unmerged heads: merge them (`flask db merge heads`) before adding a migration.');
    expect(text).toContain("- `content/migrations/versions/x.py` line 12: down_revision '0000' does not exist");
  });
});
