// Inline migrations for the audit tests: Python source → parseRevisionFile → buildGraph.
import { parseRevisionFile } from '../../../src/core/alembic/file.ts';
import { buildGraph } from '../../../src/core/alembic/graph.ts';
import { parseAdr } from '../../../src/core/adr/parse.ts';
import { parseRulesFile } from '../../../src/core/rules/index.ts';
import { audit, type AuditInput, type AuditResult } from '../../../src/core/audit/index.ts';
import type { Adr, Finding, Link, MigrationGraph, RuleFile } from '../../../src/core/model.ts';

export interface Mig {
  rev: string;
  /** Parent revision(s); defaults to the previous migration of the chain (None for the first). */
  down?: string | string[] | null;
  /** Body of upgrade() (indented by the helper); `pass` when absent. */
  upgrade?: string;
  /** Body of downgrade(); `pass` when absent. `null` leaves the function out. */
  downgrade?: string | null;
  /** Extra docstring lines after the header. */
  doc?: string;
  /** Module-level code before upgrade() (helpers, imports). */
  module?: string;
  labels?: string;
}

const indent = (body: string): string =>
  body
    .replace(/^\n+|\s+$/g, '')
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : `    ${l}`))
    .join('\n');

const pyValue = (v: string | string[] | null): string => (v === null ? 'None' : Array.isArray(v) ? `(${v.map((x) => `'${x}'`).join(', ')})` : `'${v}'`);

export function source(m: Mig, down: string | string[] | null): string {
  const doc = `"""migration ${m.rev}\n\nRevision ID: ${m.rev}\n${m.doc ? `${m.doc.replace(/^\n+|\s+$/g, '')}\n` : ''}"""`;
  const parts = [
    doc,
    'from alembic import op',
    'import sqlalchemy as sa',
    'from sqlalchemy.dialects import postgresql',
    '',
    `revision = '${m.rev}'`,
    `down_revision = ${pyValue(down)}`,
    `branch_labels = ${m.labels ?? 'None'}`,
    'depends_on = None',
    '',
    m.module ?? '',
    '',
    'def upgrade():',
    indent(m.upgrade ?? 'pass'),
  ];
  if (m.downgrade !== null) parts.push('', '', 'def downgrade():', indent(m.downgrade ?? 'pass'));
  return `${parts.join('\n')}\n`;
}

export const pathOf = (rev: string): string => `versions/${rev}_m.py`;

/** A chain of migrations (each revising the one before unless `down` says otherwise). */
export function graph(migs: Mig[], name = 'default'): { graph: MigrationGraph; sources: Map<string, string> } {
  const sources = new Map<string, string>();
  const parsed = migs.map((m, i) => {
    const down = m.down !== undefined ? m.down : i === 0 ? null : migs[i - 1]!.rev;
    const text = source(m, down);
    sources.set(m.rev, text);
    return parseRevisionFile(new TextEncoder().encode(text), pathOf(m.rev));
  });
  const g = buildGraph(parsed);
  return {
    graph: { name, path: 'versions', locations: ['versions'], missingLocations: [], ignoredFiles: [], ...g, diagnostics: [...parsed.flatMap((p) => p.diagnostics), ...g.diagnostics] },
    sources,
  };
}

/** 1-based line of the first line of `rev`'s source that contains `needle` (after `after`, if given). */
export function lineOf(sources: Map<string, string>, rev: string, needle: string, after = 0): number {
  const lines = sources.get(rev)!.split('\n');
  const i = lines.findIndex((l, n) => n + 1 > after && l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in ${rev}`);
  return i + 1;
}

export function rules(text: string, path = 'rules/DB.md'): RuleFile {
  return parseRulesFile(text, path).file;
}

export function adr(text: string, file = 'adr/0007-drop-legacy.md'): Adr {
  return parseAdr(text, { path: file.replace(/^adr\//, ''), file, group: '' }).adr;
}

export interface Run extends AuditResult {
  sources: Map<string, string>;
  /** Findings of one check. */
  of(check: string): Finding[];
}

export function run(migs: Mig[], extra: Partial<Omit<AuditInput, 'migrations'>> & { links?: Link[] } = {}): Run {
  const { graph: g, sources } = graph(migs);
  const result = audit({ rules: extra.rules ?? [], adrs: extra.adrs ?? [], links: extra.links ?? [], migrations: [g] });
  return { ...result, sources, of: (check) => result.findings.filter((f) => f.check === check) };
}

/** A first migration creating `users` (id, email, created_at) and `organizations` (id, name). */
export const base: Mig = {
  rev: 'aaaaaaaaaaaa',
  upgrade: `
op.create_table(
    'users',
    sa.Column('id', sa.BigInteger(), primary_key=True),
    sa.Column('email', sa.String(255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
)
op.create_table(
    'organizations',
    sa.Column('id', sa.BigInteger(), primary_key=True),
    sa.Column('name', sa.String(64), nullable=False),
)`,
  downgrade: `
op.drop_table('organizations')
op.drop_table('users')`,
};

/** `[line, severity, waived?]` of findings, for compact assertions. */
export const brief = (list: Finding[]): [number | null, string, boolean][] => list.map((f) => [f.line, f.severity, f.waiver !== null]);
