// naive-datetime: DateTime / TIMESTAMP column types without timezone=True.
import type { Check } from '../types.ts';
import type { Operation } from '../../model.ts';
import { columnOf } from './describe.ts';

// `sa.DateTime`, `DateTime(...)`, `sa.TIMESTAMP(...)`, `postgresql.TIMESTAMP`, `sa.types.DateTime()`.
const TYPE = /(?<![A-Za-z0-9_])(DateTime|TIMESTAMP)(?![A-Za-z0-9_])(\s*\(([^()]*)\))?/g;

/** The naive type's source text when `type` contains one, else null. */
export function naiveType(type: string): string | null {
  if (!type.includes('DateTime') && !type.includes('TIMESTAMP')) return null;
  for (const m of type.matchAll(TYPE)) {
    const args = m[3] ?? '';
    const first = args.split(',')[0]?.trim() ?? '';
    const aware = /\btimezone\s*=\s*True\b/.test(args) || first === 'True';
    if (!aware) return m[0];
  }
  return null;
}

export const naiveDatetime: Check = {
  id: 'naive-datetime',
  severity: 'error',
  title: 'Declares a timestamp without a time zone',
  help: 'A naive TIMESTAMP stores a wall-clock reading without an offset, so the database cannot tell which instant it means. Use sa.DateTime(timezone=True) (TIMESTAMPTZ).',
  phases: ['upgrade'],
  operation(op, _ctx, emit) {
    const report = (o: Operation, column: string | null, type: string, line: number): void => {
      const naive = naiveType(type);
      if (naive === null) return;
      emit({
        line,
        callLine: o.line,
        message: `column ${columnOf(o, column)} is declared ${type.length <= 60 ? type : naive}, a TIMESTAMP WITHOUT TIME ZONE; use sa.DateTime(timezone=True) (TIMESTAMPTZ).`,
      });
    };
    if (op.kind === 'create_table' || op.kind === 'add_column') {
      for (const c of op.columnSpecs) if (c.type !== null) report(op, c.name, c.type, c.line);
    } else if (op.kind === 'alter_column' && op.kwargs.type_ !== undefined) {
      report(op, op.column, op.kwargs.type_, op.line);
    }
  },
};
