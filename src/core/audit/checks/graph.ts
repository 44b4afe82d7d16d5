// graph: the revision graph's problems (unlabelled multiple heads, missing parents, duplicates,
// cycles …) as findings too, so a rule (e.g. "one head on main") can claim them.
import type { Diagnostic, MigrationGraph } from '../../model.ts';
import type { Check } from '../types.ts';

const CODES = new Set([
  'migration/multiple-heads',
  'migration/missing-parent',
  'migration/missing-dependency',
  'migration/duplicate-revision',
  'migration/duplicate-branch-label',
  'migration/cycle',
  'migration/self-loop',
]);

/** True for the graph diagnostics the `graph` check reports (labelled heads are fine: info). */
export function isGraphProblem(d: Diagnostic): boolean {
  return CODES.has(d.code) && d.severity !== 'info';
}

export const graph: Check = {
  id: 'graph',
  severity: 'error',
  title: 'The revision graph is broken or has several heads',
  help: 'Several unmerged heads make `alembic upgrade head` fail; missing parents, duplicated ids and cycles stop Alembic from loading the history. Merge heads (alembic merge heads) or give each line a branch label, and point down_revision at existing revisions.',
  phases: [],
  graph(g: MigrationGraph, emit) {
    for (const d of g.diagnostics) {
      if (!isGraphProblem(d)) continue;
      const rev = d.path === null ? null : (g.revisions.find((r) => r.path === d.path) ?? null);
      emit(rev, { line: d.line, callLine: null, path: d.path ?? g.path, message: `${d.message} (${d.code})` });
    }
  },
};
