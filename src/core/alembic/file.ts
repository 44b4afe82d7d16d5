// Reading one migration `.py` file statically into a ParsedRevisionFile (spec §4–§6, §11).

import type { Diagnostic, MigrationComment, ParsedRevisionFile } from '../model.ts';
import { decodePythonSource } from './decode.ts';
import { findDocstring, messageParts, noMessageDiagnostic, type Docstring } from './docstring.ts';
import { headerMismatches, parseCreateDate, parseHeader } from './header.ts';
import { readMigrationFunctions } from './operations.ts';
import { pyStrip } from './pystring.ts';
import { firstSyntaxError, lineOf, parsePython, src, walk, type PyModule } from './python.ts';
import { readRevisionIdentity, type Constants } from './variables.ts';

export interface ParseOptions {
  /** Expression source text → value, for values lore cannot evaluate (config `alembic.constants`, §4.5). */
  constants?: Record<string, string | string[] | null>;
}

/** Reads one migration file; never throws. `path` is used as-is in the result and diagnostics. */
export function parseRevisionFile(bytes: Uint8Array, path: string, options: ParseOptions = {}): ParsedRevisionFile {
  const decoded = decodePythonSource(bytes);
  if (decoded.problem !== null) {
    return {
      ...emptyFile(path),
      diagnostics: [
        {
          code: 'migration/unresolved-value',
          severity: 'error',
          path,
          line: decoded.problemLine,
          message: `file could not be decoded: ${decoded.problem}; Python refuses to import it. Save it as UTF-8 (or fix its coding declaration)`,
        },
      ],
    };
  }

  const mod = parsePython(decoded.text);
  const diagnostics: Diagnostic[] = [];
  const syntax = firstSyntaxError(mod);
  if (syntax) {
    diagnostics.push({
      code: 'migration/unresolved-value',
      severity: 'error',
      path,
      line: syntax.line,
      message: `Python syntax error at line ${syntax.line} (${syntax.what}): fix the file so that Python can import it; lore leaves it out of the graph`,
    });
  }

  const identity = readRevisionIdentity(mod, path, (options.constants ?? {}) as Constants);
  diagnostics.push(...identity.diagnostics);

  const doc = findDocstring(mod);
  const { longdoc, message } = messageParts(doc?.value ?? null);
  const header = parseHeader(longdoc);
  if (identity.revision !== null) {
    diagnostics.push(
      ...headerMismatches(header, identity.revision, identity.downRevisions, path, {
        revisionId: headerLine(mod, doc, 'Revision ID:'),
        revises: headerLine(mod, doc, 'Revises:'),
      }),
    );
    const noMessage = noMessageDiagnostic(message, path, doc?.line ?? null);
    if (noMessage) diagnostics.push(noMessage);
  }

  const functions = readMigrationFunctions(mod);
  return {
    path,
    revision: identity.revision,
    downRevisions: identity.downRevisions,
    dependsOn: identity.dependsOn,
    declaredBranchLabels: identity.declaredBranchLabels,
    message,
    longdoc,
    docLine: doc?.line ?? null,
    unresolved: identity.unresolved,
    line: identity.line,
    header,
    createDate: parseCreateDate(header.createDate),
    upgrade: functions.upgrade,
    downgrade: functions.downgrade,
    downgradeShape: functions.downgradeShape,
    comments: readComments(mod),
    loadable: identity.placeable && syntax === null,
    diagnostics,
  };
}

function emptyFile(path: string): ParsedRevisionFile {
  return {
    path,
    revision: null,
    downRevisions: null,
    dependsOn: [],
    declaredBranchLabels: [],
    message: '',
    longdoc: '',
    docLine: null,
    unresolved: {},
    line: null,
    header: { revisionId: null, revises: null, createDate: null },
    createDate: null,
    upgrade: [],
    downgrade: [],
    downgradeShape: { kind: 'missing' },
    comments: [],
    loadable: false,
    diagnostics: [],
  };
}

/** Line of a header label inside the docstring literal (the docstring's first line if not found). */
function headerLine(mod: PyModule, doc: Docstring | null, label: string): number | null {
  if (!doc) return null;
  const at = src(mod, doc.node).indexOf(label);
  return at < 0 ? doc.line : lineOf(mod, doc.node.from + at);
}

/** Every `#` comment (never inside strings: the parser tells them apart). */
function readComments(mod: PyModule): MigrationComment[] {
  const out: MigrationComment[] = [];
  walk(mod.top, (n) => {
    if (n.name === 'Comment') out.push({ line: lineOf(mod, n.from), text: pyStrip(src(mod, n).slice(1)) });
    return n.name !== 'String' && n.name !== 'FormatString';
  });
  return out;
}
