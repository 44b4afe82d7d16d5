// Small wording helpers shared by the checks' messages.
import type { Operation } from '../../model.ts';

/** `schema.table`, `table`, or `(unknown table)`. */
export function tableOf(op: Operation): string {
  if (op.table === null) return '(unknown table)';
  return op.schema ? `${op.schema}.${op.table}` : op.table;
}

/** `table.column`. */
export function columnOf(op: Operation, column: string | null = op.column): string {
  return `${tableOf(op)}.${column ?? '(unknown column)'}`;
}

/** True when a keyword argument is literally `True`. */
export function isTrue(op: Operation, kwarg: string): boolean {
  return op.kwargs[kwarg]?.trim() === 'True';
}
