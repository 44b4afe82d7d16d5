// Random revision graphs, written as migration files, read with parseRevisionFile and built with
// buildGraph. Any graph: no exception, sane diagnostics, history without repeats. Valid graphs
// (acyclic, every parent and dependency exists, labels unique): no error, and
//   in `history` (newest first) every revision comes before each of its parents and each of its
//   dependencies (so, transitively, before all of its ancestors);
//   heads are the revisions nothing names as a parent, bases the ones naming no parent,
//   branch points have two or more children, merge points two or more parents.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRevisionFile } from '../../src/core/alembic/file.ts';
import { buildGraph } from '../../src/core/alembic/graph.ts';
import { compareCodePoints } from '../../src/core/text.ts';
import { fuzzParams, fuzzTimeout } from './settings.ts';

interface Spec {
  id: string;
  /** Down revisions: ids (valid graphs) or any text (anything goes). */
  parents: string[];
  /** depends_on: ids or labels. */
  deps: string[];
  labels: string[];
  /** Write `down_revision` as a tuple even with one parent. */
  tuple: boolean;
}

const py = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const pyList = (items: string[], tuple: boolean): string =>
  items.length === 0 ? 'None' : items.length === 1 && !tuple ? py(items[0]!) : `(${items.map(py).join(', ')}${items.length === 1 ? ',' : ''})`;

function source(s: Spec): string {
  return `"""Step ${s.id}

Revision ID: ${s.id}
Revises: ${s.parents.join(', ')}
Create Date: 2024-05-02 09:15:00

"""
from alembic import op
import sqlalchemy as sa

revision = ${py(s.id)}
down_revision = ${pyList(s.parents, s.tuple)}
branch_labels = ${pyList(s.labels, true)}
depends_on = ${pyList(s.deps, false)}


def upgrade():
    op.create_table(${py(`t_${s.id}`)}, sa.Column('id', sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table(${py(`t_${s.id}`)})
`;
}

const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 4, maxLength: 12 });
const LABELS = ['core', 'billing', 'audit', 'search', 'auth', 'reports'];

/** An acyclic graph in creation order: parents and dependencies always point at earlier revisions. */
const validGraph = fc
  .uniqueArray(hex, { minLength: 1, maxLength: 14 })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      shape: fc.array(
        fc.record({
          parents: fc.uniqueArray(fc.nat(), { maxLength: 3 }),
          deps: fc.uniqueArray(fc.nat(), { maxLength: 2 }),
          label: fc.option(fc.constantFrom(...LABELS), { freq: 4 }),
          depByLabel: fc.boolean(),
          tuple: fc.boolean(),
        }),
        { minLength: ids.length, maxLength: ids.length },
      ),
      order: fc.shuffledSubarray(ids.map((_, i) => i), { minLength: ids.length, maxLength: ids.length }),
    }),
  )
  .map(({ ids, shape, order }) => {
    const usedLabels = new Set<string>();
    const labelOf = new Map<number, string>();
    const specs: Spec[] = ids.map((id, i) => {
      const s = shape[i]!;
      const parents = i === 0 ? [] : [...new Set(s.parents.map((p) => p % i))];
      const deps = i === 0 ? [] : [...new Set(s.deps.map((d) => d % i))].filter((d) => !parents.includes(d));
      const labels: string[] = [];
      if (s.label && !usedLabels.has(s.label)) {
        usedLabels.add(s.label);
        labels.push(s.label);
        labelOf.set(i, s.label);
      }
      return {
        id,
        parents: parents.map((p) => ids[p]!),
        deps: deps.map((d) => (s.depByLabel && labelOf.has(d) ? labelOf.get(d)! : ids[d]!)),
        labels,
        tuple: s.tuple,
      };
    });
    return { specs, order: order.map((i) => specs[i]!) };
  });

/** Anything: unknown, repeated and self parents, cycles, duplicate ids and labels, empty strings. */
const anyGraph = fc
  .array(
    fc.record({
      id: fc.constantFrom('a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'core'),
      parents: fc.array(fc.constantFrom('a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'zz', '', 'core', 'billing'), { maxLength: 3 }),
      deps: fc.array(fc.constantFrom('a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'zz', 'core', 'billing'), { maxLength: 2 }),
      labels: fc.array(fc.constantFrom('core', 'billing', 'a1'), { maxLength: 2 }),
      tuple: fc.boolean(),
    }),
    { minLength: 1, maxLength: 10 },
  );

function build(specs: Spec[]) {
  const parsed = specs.map((s, i) => parseRevisionFile(Buffer.from(source(s)), `versions/${String(i).padStart(3, '0')}_${s.id}.py`));
  return { parsed, graph: buildGraph(parsed) };
}

describe('random revision graphs', () => {
  it('valid graphs: no error, history puts every revision before its parents and dependencies, heads and bases match the edges', { timeout: fuzzTimeout(60_000, 30) }, () => {
    fc.assert(
      fc.property(validGraph, ({ specs, order }) => {
        const { parsed, graph } = build(order);
        for (const p of parsed) expect(p.loadable, JSON.stringify(p.diagnostics)).toBe(true);
        expect(graph.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

        const ids = specs.map((s) => s.id);
        const labelOwner = new Map(specs.flatMap((s) => s.labels.map((l) => [l, s.id] as const)));
        expect([...graph.history].sort(compareCodePoints)).toEqual([...ids].sort(compareCodePoints));
        expect(graph.historyLines).toHaveLength(graph.history.length);
        const at = new Map(graph.history.map((id, i) => [id, i]));
        for (const s of specs) {
          for (const p of s.parents) expect(at.get(s.id)! < at.get(p)!, `${s.id} before its parent ${p} in ${graph.history}`).toBe(true);
          for (const d of s.deps) {
            const target = labelOwner.get(d) ?? d;
            expect(at.get(s.id)! < at.get(target)!, `${s.id} before its dependency ${d} in ${graph.history}`).toBe(true);
          }
        }

        const children = new Map(ids.map((id) => [id, specs.filter((s) => s.parents.includes(id)).map((s) => s.id)]));
        const sorted = (pred: (s: Spec) => boolean): string[] => specs.filter(pred).map((s) => s.id).sort(compareCodePoints);
        expect(graph.heads).toEqual(sorted((s) => children.get(s.id)!.length === 0));
        expect(graph.bases).toEqual(sorted((s) => s.parents.length === 0));
        expect(graph.branchPoints).toEqual(sorted((s) => children.get(s.id)!.length >= 2));
        expect(graph.mergePoints).toEqual(sorted((s) => s.parents.length >= 2));
        for (const r of graph.revisions) {
          expect([...r.children].sort(compareCodePoints)).toEqual([...children.get(r.revision)!].sort(compareCodePoints));
          expect(r.isHead).toBe(children.get(r.revision)!.length === 0);
          expect(r.isBase).toBe(r.downRevisions.length === 0);
          expect(r.orphaned).toBe(false);
        }
        // Labels flow down to descendants: a revision carries its own label.
        for (const s of specs) for (const l of s.labels) expect(graph.revisions.find((r) => r.revision === s.id)!.branchLabels).toContain(l);
      }),
      fuzzParams(150),
    );
  });

  it('any graph: no exception, sane diagnostics, no revision twice in history', { timeout: fuzzTimeout(60_000, 30) }, () => {
    fc.assert(
      fc.property(anyGraph, (specs) => {
        const { parsed, graph } = build(specs);
        const paths = new Set(parsed.map((p) => p.path));
        for (const d of graph.diagnostics) {
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.path === null || paths.has(d.path)).toBe(true);
          expect(d.line === null || d.line >= 1).toBe(true);
        }
        expect(new Set(graph.history).size).toBe(graph.history.length);
        const known = new Set(graph.revisions.map((r) => r.revision));
        for (const id of [...graph.history, ...graph.heads, ...graph.bases, ...graph.branchPoints, ...graph.mergePoints]) expect(known.has(id)).toBe(true);
        expect(graph.historyLines).toHaveLength(graph.history.length);
      }),
      fuzzParams(150),
    );
  });
});
