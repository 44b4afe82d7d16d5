// The module docstring, Alembic's `longdoc` and one-paragraph `message` (spec §5).

import type { Diagnostic } from '../model.ts';
import { lineOf, moduleStatements, stringPieces, stringValue, type PyModule, type SyntaxNode } from './python.ts';
import { pyStrip } from './pystring.ts';

export interface Docstring {
  /** Decoded value (Python 3.11/3.12 rules: no indentation cleaning). */
  value: string;
  /** The literal expression, for locating header lines. */
  node: SyntaxNode;
  line: number;
}

/** The docstring: only when the first statement is a `str` literal expression (§5.1). */
export function findDocstring(mod: PyModule): Docstring | null {
  const first = moduleStatements(mod)[0];
  if (!first || first.name !== 'ExpressionStatement') return null;
  const expr = first.firstChild;
  if (!expr || expr.nextSibling || !stringPieces(expr)) return null;
  const value = stringValue(mod, expr);
  return value === null ? null : { value, node: expr, line: lineOf(mod, expr.from) };
}

export interface MessageParts {
  longdoc: string;
  message: string;
}

/** `longdoc` = docstring stripped Python-style; `message` = longdoc before the first exact "\n\n". */
export function messageParts(docstring: string | null): MessageParts {
  const longdoc = pyStrip(docstring ?? '');
  const cut = longdoc.indexOf('\n\n');
  return { longdoc, message: cut < 0 ? longdoc : longdoc.slice(0, cut) };
}

const HEADER_LINE = /^[ \t]*(Revision ID|Revises|Create Date):/;

/** True when the message is only header lines (the template's message was left empty). */
export function isHeaderMessage(message: string): boolean {
  const lines = message.split('\n').filter((l) => pyStrip(l) !== '');
  return lines.length > 0 && lines.every((l) => HEADER_LINE.test(l));
}

/** `migration/no-message` (info) for an empty message or one that is the header block. */
export function noMessageDiagnostic(message: string, path: string, line: number | null): Diagnostic | null {
  if (message === '') {
    return {
      code: 'migration/no-message',
      severity: 'info',
      path,
      line,
      message: 'the migration has no message (no module docstring, or an empty first paragraph): start the file with a docstring whose first line says what the migration does',
    };
  }
  if (isHeaderMessage(message)) {
    return {
      code: 'migration/no-message',
      severity: 'info',
      path,
      line,
      message: 'the docstring has no message before its "Revision ID:" header, so Alembic shows the header as the message: write a one-line summary above the header',
    };
  }
  return null;
}
