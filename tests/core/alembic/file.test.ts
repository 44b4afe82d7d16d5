// File-level reading checked against the conformance suite: every `.py` in every case's
// versions folder is read with parseRevisionFile and compared with what real Alembic saw.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseRevisionFile } from '../../../src/core/alembic/file.ts';
import type { ParsedRevisionFile } from '../../../src/core/model.ts';

const CONFORMANCE = join(import.meta.dirname, 'conformance');

interface ExpectedRevision {
  revision: string;
  path: string;
  downRevisions: string[];
  dependsOn: string[];
  message: string;
}
interface Expected {
  case: string;
  alembic: { revisions: ExpectedRevision[] } | null;
  alembicWouldFail: string[];
  diagnostics: { required: { code: string; path?: string }[]; allowed: string[] };
}

// Codes that only the graph can produce: a single file never reports them.
const GRAPH_CODES = new Set([
  'migration/missing-parent',
  'migration/missing-dependency',
  'migration/cycle',
  'migration/duplicate-revision',
  'migration/duplicate-branch-label',
  'migration/multiple-heads',
  'migration/sourceless-unsupported',
]);

function pyFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pyFiles(full));
    else if (name.endsWith('.py') && !name.startsWith('__init__') && !name.startsWith('.#')) out.push(full);
  }
  return out;
}

const cases = readdirSync(CONFORMANCE)
  .filter((name) => statSync(join(CONFORMANCE, name)).isDirectory())
  .map((name) => {
    const expected = JSON.parse(readFileSync(join(CONFORMANCE, name, 'expected.json'), 'utf8')) as Expected;
    const versions = join(CONFORMANCE, name, 'versions');
    const files = pyFiles(versions).map((file) => parseRevisionFile(readFileSync(file), relative(versions, file).split('\\').join('/')));
    return { name, expected, files };
  });

describe('parseRevisionFile over the conformance cases', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(28);
  });

  for (const { name, expected, files } of cases) {
    describe(name, () => {
      const byPath = new Map<string, ParsedRevisionFile>(files.map((f) => [f.path, f]));

      if (expected.alembic) {
        for (const rev of expected.alembic.revisions) {
          if (!rev.path.endsWith('.py')) continue; // bytecode: not read by this module
          it(`reads ${rev.path} like Alembic`, () => {
            const file = byPath.get(rev.path);
            expect(file, rev.path).toBeDefined();
            expect(file!.loadable).toBe(true);
            expect(file!.revision).toBe(rev.revision);
            expect(file!.message).toBe(rev.message);
            if (!('down_revision' in file!.unresolved)) expect(file!.downRevisions).toEqual(rev.downRevisions);
            if (!('depends_on' in file!.unresolved)) expect(file!.dependsOn).toEqual(rev.dependsOn);
          });
        }
      }

      for (const failure of expected.alembicWouldFail) {
        const path = failure.slice(0, failure.indexOf(':'));
        it(`leaves ${path} out (Alembic fails on it)`, () => {
          expect(byPath.get(path)?.loadable).toBe(false);
        });
      }

      it('reports the required file-level diagnostics and only allowed codes', () => {
        const reported = files.flatMap((f) => f.diagnostics);
        for (const d of reported) {
          expect(d.path).not.toBeNull();
          expect(byPath.has(d.path!)).toBe(true);
        }
        for (const req of expected.diagnostics.required) {
          if (GRAPH_CODES.has(req.code)) continue;
          const match = reported.some((d) => d.code === req.code && (req.path === undefined || d.path === req.path));
          expect(match, `${req.code} on ${req.path ?? '(any)'}`).toBe(true);
        }
        for (const d of reported) expect(expected.diagnostics.allowed, `${d.code} on ${d.path}`).toContain(d.code);
      });
    });
  }
});

describe('conformance files in detail', () => {
  const get = (c: string, path: string): ParsedRevisionFile => {
    const file = cases.find((x) => x.name === c)?.files.find((f) => f.path === path);
    if (!file) throw new Error(`${c}/${path} not read`);
    return file;
  };

  it('dynamic/c.py: the conditional down_revision is unresolved, the revision is kept', () => {
    const c = get('dynamic', 'c.py');
    expect(c.revision).toBe('c1');
    expect(c.downRevisions).toBeNull();
    expect(Object.keys(c.unresolved)).toEqual(['down_revision']);
    expect(c.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['migration/unresolved-value', 'warning', 7]]);
    expect(c.loadable).toBe(true);
  });

  it('dynamic: last assignment wins, unpacking and chained assignment, annotation-only lines', () => {
    expect(get('dynamic', 'b.py').revision).toBe('b1');
    expect(get('dynamic', 'b.py').line).toBe(3);
    const d = get('dynamic', 'd.py');
    expect([d.revision, d.downRevisions, d.dependsOn, d.declaredBranchLabels]).toEqual(['d1', ['c1'], [], []]);
    expect(d.diagnostics).toEqual([]);
    expect(get('dynamic', 'e.py').revision).toBe('e1');
  });

  it('import-failure/d.py: branch_labels from an import is unresolved and treated as empty', () => {
    const d = get('import-failure', 'd.py');
    expect(d.unresolved).toEqual({ branch_labels: '(CONSTANT,)' });
    expect(d.declaredBranchLabels).toEqual([]);
    expect(d.diagnostics.map((x) => [x.code, x.line])).toEqual([['migration/unresolved-value', 7]]);
    expect(d.loadable).toBe(true);
  });

  it('import-failure/d.py: a constants mapping resolves the value without a diagnostic', () => {
    const bytes = readFileSync(join(CONFORMANCE, 'import-failure', 'versions', 'd.py'));
    const mapped = parseRevisionFile(bytes, 'd.py', { constants: { '(CONSTANT,)': ['core'] } });
    expect(mapped.declaredBranchLabels).toEqual(['core']);
    expect(mapped.diagnostics).toEqual([]);
    const element = parseRevisionFile(bytes, 'd.py', { constants: { CONSTANT: 'core' } });
    expect(element.declaredBranchLabels).toEqual(['core']);
  });

  it('legacy hex file names give the id when there is no revision variable', () => {
    const legacy = get('legacy-hex-filename', '1f2e3d.py');
    expect([legacy.revision, legacy.downRevisions, legacy.line, legacy.loadable]).toEqual(['1f2e3d', [], null, true]);
    expect(get('legacy-hex-filename', '4a5b6c.py').downRevisions).toEqual(['1f2e3d']);
  });

  it('load-time failures give the documented codes and leave the file out', () => {
    expect(get('helper-module', 'utils.py').diagnostics.map((d) => d.code)).toEqual(['migration/not-a-revision']);
    expect(get('helper-module', 'utils.py').revision).toBeNull();
    expect(get('no-down-attr', 'a.py').diagnostics.map((d) => d.code)).toEqual(['migration/missing-down-revision']);
    const loop = get('self-loop', 'a.py');
    expect(loop.diagnostics.map((d) => [d.code, d.line])).toEqual([['migration/self-loop', 15]]);
    expect(get('depends-self', 'a.py').diagnostics.map((d) => [d.code, d.line])).toEqual([['migration/self-loop', 17]]);
    const illegal = get('illegal-rev-id', 'a.py');
    expect(illegal.revision).toBeNull();
    expect(illegal.diagnostics.map((d) => [d.code, d.line])).toEqual([['migration/illegal-revision-id', 14]]);
  });

  it('docstrings: header, create date, no-message and header-mismatch', () => {
    const m1 = get('docstrings', 'm1_docstring_vs_header_disagree.py');
    expect(m1.header).toEqual({ revisionId: 'zzzz', revises: ['yyyy'], createDate: null });
    expect(m1.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['migration/header-mismatch', 3],
      ['migration/header-mismatch', 4],
    ]);
    const c1 = get('docstrings', 'c1_comment_first.py');
    expect(c1.createDate).toBe('2020-01-01T00:00:00');
    expect(c1.header.revises).toEqual(['b1']);
    expect(c1.docLine).toBe(4);
    expect(c1.diagnostics).toEqual([]);
    expect(c1.comments).toEqual([
      { line: 1, text: '-*- coding: utf-8 -*-' },
      { line: 2, text: 'Copyright header' },
    ]);
    expect(get('docstrings', 'i1_empty_message.py').diagnostics.map((d) => d.code)).toEqual(['migration/no-message']);
    expect(get('docstrings', 'a1_nodoc.py').diagnostics.map((d) => d.code)).toEqual(['migration/no-message']);
    expect(get('docstrings', 'b1_after_imports.py').longdoc).toBe('');
    expect(get('docstrings', 'l1_crlf.py').longdoc).toBe('crlf message\n\nRevision ID: l1');
  });

  it('the standard template: header parsed, functions read, downgrade is empty', () => {
    const a = get('typed-merge', 'ddd_merge.py');
    expect(a.header).toEqual({ revisionId: 'ddd', revises: ['bbb', 'ccc'], createDate: '2024-01-02 03:04:05.123456' });
    expect(a.createDate).toBe('2024-01-02T03:04:05');
    expect(a.upgrade).toEqual([]);
    expect(a.downgradeShape).toEqual({ kind: 'empty', line: 24 });
    expect(a.comments).toEqual([{ line: 13, text: 'revision identifiers, used by Alembic.' }]);
  });
});
