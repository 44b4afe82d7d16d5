// Page data builders, on a small repository (tests/integration/fixtures/mini) and hand-built findings.
import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Finding, Knowledge } from '../../src/core/model.ts';
import { loadKnowledge } from '../../src/core/load.ts';
import { createContext, type SiteContext } from '../../src/integration/data/context.ts';
import { adrPage, decisionsIndex } from '../../src/integration/data/decisions.ts';
import { rulesFilePage, rulesIndex } from '../../src/integration/data/rules.ts';
import { migrationNotes, migrationPage, timeline } from '../../src/integration/data/migrations.ts';
import { tablePage, tablesIndex } from '../../src/integration/data/tables.ts';
import { auditData, docPage, homeData } from '../../src/integration/data/home.ts';
import { withoutTitle } from '../../src/integration/markdown/segments.ts';

const ROOT = fileURLToPath(new URL('./fixtures/mini/', import.meta.url));
const settings = { title: 'Mini', description: 'A small knowledge base.', base: '/', repoUrl: 'https://example.com/repo/blob/main/' };

function finding(over: Partial<Finding>): Finding {
  return { check: 'destructive', severity: 'error', rule: 'db-002', environment: 'default', revision: 'ccccccccccc3', path: 'content/migrations/versions/ccccccccccc3_drop_name.py', line: 18, message: 'drops a column', waiver: null, ...over };
}

function context(findings?: Finding[], base = '/'): SiteContext {
  const k: Knowledge = loadKnowledge(ROOT);
  if (findings) k.findings = findings;
  return createContext(k, { ...settings, base });
}

const adrOf = (ctx: SiteContext, prefix: string) => ctx.k.adrs.find((a) => a.id.startsWith(prefix))!;

describe('decisions', () => {
  it('lists every view: all, each status, each tag, by number and by date', () => {
    const ctx = context();
    const index = decisionsIndex(ctx);
    expect(index.adrs.map((a) => a.label)).toEqual(['ADR-0001', 'ADR-0002', 'ADR-0003']);
    const paths = index.views.map((v) => v.path).sort();
    expect(paths).toEqual(
      ['', 'by-date', 'status/accepted', 'status/accepted/by-date', 'status/proposed', 'status/proposed/by-date', 'status/superseded', 'status/superseded/by-date', 'tag/database', 'tag/database/by-date', 'tag/versions', 'tag/versions/by-date'].sort(),
    );
    const byDate = index.views.find((v) => v.path === 'by-date')!;
    expect(byDate.items.map((i) => index.adrs[i]!.label)).toEqual(['ADR-0002', 'ADR-0003', 'ADR-0001']);
    const versions = index.views.find((v) => v.path === 'tag/versions')!;
    expect(versions.items.map((i) => index.adrs[i]!.label)).toEqual(['ADR-0002', 'ADR-0003']);
    expect(versions.sortHrefs).toEqual({ number: '/decisions/tag/versions/', date: '/decisions/tag/versions/by-date/' });
    expect(index.statuses.map((s) => [s.value, s.count])).toEqual([
      ['accepted', 1],
      ['proposed', 1],
      ['superseded', 1],
    ]);
  });

  it('shows the supersede and amend chain both ways, the implementing migrations, rules and tables', () => {
    const ctx = context();
    const a2 = adrOf(ctx, '0002');
    const page = adrPage(ctx, a2, withoutTitle(a2.body));
    expect(page.supersedes.map((r) => r.label)).toEqual(['ADR-0001']);
    expect(page.amendedBy.map((r) => r.label)).toEqual(['ADR-0003']);
    expect(page.lineage.map((l) => [l.label, l.current])).toEqual([
      ['ADR-0001', false],
      ['ADR-0002', true],
      ['ADR-0003', false],
    ]);
    expect(page.implementedBy.map((m) => m.label)).toEqual(['aaaaaaaaaaa1']);
    expect(page.rules.map((r) => r.label)).toEqual(expect.arrayContaining(['DB-002']));
    expect(page.tables.map((t) => [t.label, t.href])).toEqual([['accounts', '/tables/accounts/']]);
    expect(page.sourceHref).toBe('https://example.com/repo/blob/main/adr/0002-use-postgres-16.md');
    expect(page.body.startsWith('\n') || !page.body.startsWith('# ')).toBe(true);
    const a1 = adrOf(ctx, '0001');
    const old = adrPage(ctx, a1, withoutTitle(a1.body));
    expect(old.supersededBy.map((r) => r.label)).toEqual(['ADR-0002']);
    expect(old.statusHref).toBe('/decisions/status/superseded/');
  });
});

describe('rules', () => {
  it('anchors every rule and names the decisions behind it and the checks that enforce it', () => {
    const ctx = context([finding({}), finding({ waiver: { by: 'comment', reason: 'ok', ref: null, line: 17 } })]);
    const file = ctx.k.rules[0]!;
    const page = rulesFilePage(ctx, file);
    expect(page.rules.map((r) => [r.label, r.anchor, r.href])).toEqual([
      ['DB-001', 'db-001', '/rules/rules/#db-001'],
      ['DB-002', 'db-002', '/rules/rules/#db-002'],
    ]);
    const db2 = page.rules[1]!;
    expect(db2.decisions.map((d) => d.label)).toEqual(['ADR-0002']);
    expect(db2.enforcedBy).toEqual([{ check: 'destructive', severity: 'error' }]);
    expect(db2.findings).toEqual({ total: 2, open: 1, href: '/audit/#db-002' });
    expect(db2.migrations.map((m) => m.label)).toEqual(['ccccccccccc3']);
    expect(page.rules[0]!.findings.href).toBeNull();
    // Prose around the rules stays, the file's own title does not repeat.
    const texts = page.segments.filter((s) => s.kind === 'text').map((s) => s.markdown);
    expect(texts[0]).toContain('Intro text');
    expect(texts.join('\n')).not.toMatch(/^# Database rules/m);
    expect(texts.join('\n')).toContain('## Schema');
    const rule = page.segments.find((s) => s.kind === 'rule' && s.rule.id === 'db-002');
    expect(rule?.markdown).toContain('#### Example');
    expect(rulesIndex(ctx).total).toBe(2);
  });
});

describe('migrations', () => {
  it('orders the timeline like alembic history, groups it by month and draws the branches', () => {
    const ctx = context();
    const t = timeline(ctx, ctx.k.migrations[0]!);
    const revisions = t.rows.flatMap((r) => (r.kind === 'revision' ? [r.entry.revision] : []));
    expect(revisions).toEqual(ctx.k.migrations[0]!.history);
    const months = t.rows.flatMap((r) => (r.kind === 'month' ? [[r.label, r.count]] : []));
    // History order interleaves the two branches, so a month can come back.
    expect(months).toEqual([
      ['April 2024', 1],
      ['March 2024', 1],
      ['April 2024', 1],
      ['March 2024', 1],
    ]);
    expect(t.width).toBe(2);
    const merge = t.rows.find((r) => r.kind === 'revision' && r.entry.revision === 'ddddddddddd4');
    expect(merge?.kind === 'revision' && merge.entry.isMerge).toBe(true);
    const drop = t.rows.find((r) => r.kind === 'revision' && r.entry.revision === 'ccccccccccc3');
    expect(drop?.kind === 'revision' && drop.entry.destructive).toBe(true);
    expect(drop?.kind === 'revision' && drop.entry.downgrade.kind).toBe('one-way');
    expect(t.href).toBe('/migrations/');
  });

  it('describes the operations in plain words, with links to the tables and the findings', () => {
    const ctx = context([finding({}), finding({ check: 'naming', severity: 'warning', rule: null, line: 18, message: 'bad name' })]);
    const g = ctx.k.migrations[0]!;
    const create = migrationPage(ctx, g, g.revisions.find((r) => r.revision === 'aaaaaaaaaaa1')!);
    const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');
    expect(text(create.upgrade[0]!.phrase)).toBe('Creates table accounts with 2 columns');
    expect(create.upgrade[0]!.phrase.find((p) => p.text === 'accounts')?.href).toBe('/tables/accounts/');
    expect(create.upgrade[0]!.details.map(text)).toEqual(['id sa.Integer() — primary key', 'name sa.String(length=50) — NOT NULL']);
    expect(text(create.downgrade[0]!.phrase)).toBe('Drops table accounts');
    expect(create.downgrade[0]!.destructive).toBe(true);
    expect(create.decisions.map((d) => d.label)).toEqual(['ADR-0002']);
    expect(create.children.map((c) => c.label).sort()).toEqual(['bbbbbbbbbbb2', 'ccccccccccc3']);
    expect(create.flags.base).toBe(true);
    const drop = migrationPage(ctx, g, g.revisions.find((r) => r.revision === 'ccccccccccc3')!);
    expect(drop.findings.map((f) => [f.check, f.rule?.label ?? null])).toEqual([
      ['destructive', 'DB-002'],
      ['naming', null],
    ]);
    expect(drop.downgradeShape).toMatchObject({ kind: 'one-way', reason: 'the names are gone' });
    expect(drop.rules.map((r) => r.label)).toEqual(['DB-002']);
    expect(drop.newer?.label).toBe('bbbbbbbbbbb2');
    const merge = migrationPage(ctx, g, g.revisions.find((r) => r.revision === 'ddddddddddd4')!);
    expect(merge.parents.map((p) => p.label)).toEqual(['bbbbbbbbbbb2', 'ccccccccccc3']);
    expect(merge.flags.head && merge.flags.merge).toBe(true);
  });

  it('keeps the docstring text after the Alembic header', () => {
    expect(migrationNotes('add email\n\nRevision ID: x\nRevises: y\nCreate Date: z\nDecisions: ADR-1\n\nAdds the email column.', 'add email')).toBe('Adds the email column.');
  });
});

describe('tables', () => {
  it('gives each table its history in graph order, its columns and the decisions that mention it', () => {
    const ctx = context();
    const accounts = tablePage(ctx, ctx.tables.get('accounts')!);
    // The order `alembic upgrade heads` applies them: history reversed.
    const upgradeOrder = [...ctx.k.migrations[0]!.history].reverse().filter((id) => id !== 'ddddddddddd4');
    expect(accounts.history.map((h) => h.migration.label)).toEqual(upgradeOrder);
    expect(accounts.history[0]!.events[0]!.href).toMatch(/^\/migrations\/default\/aaaaaaaaaaa1\/#L\d+$/);
    expect(accounts.columns.map((c) => c.name)).toEqual(['id', 'email']);
    expect(accounts.decisions.map((d) => d.label)).toEqual(['ADR-0002']);
    const index = tablesIndex(ctx);
    expect(index.tables.map((t) => [t.name, t.columns, t.changes])).toEqual([['accounts', 2, 3]]);
  });
});

describe('home, audit and guides', () => {
  it('counts what the knowledge base holds and lists the problems lore check reports', () => {
    const ctx = context([finding({}), finding({ waiver: { by: 'adr', reason: 'accepted', ref: 'adr:0002-use-postgres-16', line: null } })]);
    const home = homeData(ctx);
    expect(home.counts).toMatchObject({ adrs: 3, rules: 2, ruleFiles: 1, migrations: 4, tables: 1, docs: 1, findings: 1 });
    expect(home.environments[0]!.heads.map((h) => h.label)).toEqual(['ddddddddddd4']);
    expect(home.latestDecisions[0]!.label).toBe('ADR-0002');
    expect(home.problems.errors).toBeGreaterThan(0);
    const broken = home.problems.shown.find((p) => p.code === 'link/unresolved')!;
    expect(broken.href).toBe('/decisions/0002-use-postgres-16/');
    expect(home.findings.open).toBe(1);
    expect(home.findings.waived).toBe(1);
    const noted = homeData(context([finding({ severity: 'info' })]));
    expect(noted.findings).toMatchObject({ open: 0, notes: 1, shown: [] });
  });

  it('groups open findings by rule on the audit page and anchors every enforced rule', () => {
    const ctx = context([
      finding({}),
      finding({ check: 'naming', rule: null, message: 'x' }),
      finding({ waiver: { by: 'adr', reason: 'accepted', ref: 'adr:0002-use-postgres-16', line: null } }),
    ]);
    const audit = auditData(ctx);
    expect(audit.open).toBe(2);
    expect(audit.waived).toBe(1);
    expect(audit.groups.map((g) => g.anchor)).toEqual(['findings-db-002', 'findings-no-rule']);
    expect(audit.rules.map((r) => [r.anchor, r.open, r.waived, r.checks.map((c) => c.check)])).toEqual([['db-002', 1, 1, ['destructive']]]);
    expect(audit.waivedFindings[0]!.waiver?.ref?.label).toBe('ADR-0002');
  });

  it('builds guide pages with the pages that link to them', () => {
    const ctx = context();
    const doc = docPage(ctx, ctx.k.docs[0]!, withoutTitle(ctx.k.docs[0]!.body));
    expect(doc.href).toBe('/docs/guide/');
    expect(doc.description).toBe('How we work.');
    expect(doc.citedBy.map((r) => r.label)).toEqual(['ADR-0002']);
    expect(doc.body).not.toMatch(/^# The guide/m);
  });

  it('puts the base path in front of every link the builders make', () => {
    const ctx = context([finding({})], '/handbook/');
    const hrefs = JSON.stringify([homeData(ctx), decisionsIndex(ctx), auditData(ctx), tablesIndex(ctx), rulesIndex(ctx)]).match(/"href":"[^"]*"/g) ?? [];
    expect(hrefs.length).toBeGreaterThan(20);
    for (const h of hrefs) expect(h.startsWith('"href":"/handbook/')).toBe(true);
  });
});
