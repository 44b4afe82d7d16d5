// Runs every case of the Alembic conformance suite through `lore history <dir> --json`
// and applies the comparison rules of tests/core/alembic/conformance/README.md.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const suite = join(here, 'conformance');
const bin = fileURLToPath(new URL('../../../bin/lore.mjs', import.meta.url));

interface Diag {
  code: string;
  severity: string;
  path: string | null;
  line: number | null;
  message: string;
}

interface Expected {
  case: string;
  options: { recursive: boolean };
  alembic: null | {
    heads: string[];
    bases: string[];
    branchPoints: string[];
    mergePoints: string[];
    history: string[];
    historyLines: string[] | null;
    revisions: Record<string, unknown>[];
  };
  alembicError: string | null;
  ignoredFiles: string[];
  graphMayBeUnresolved: boolean;
  diagnostics: { required: { code: string; path?: string }[]; allowed: string[] };
}

interface Actual {
  revisions: Record<string, unknown>[];
  heads: string[];
  bases: string[];
  branchPoints: string[];
  mergePoints: string[];
  history: string[];
  historyLines: string[];
  ignoredFiles: string[];
  diagnostics: Diag[];
}

const REVISION_FIELDS = ['revision', 'path', 'downRevisions', 'dependsOn', 'branchLabels', 'message', 'isHead', 'isBase', 'isBranchPoint', 'isMergePoint'];

const cases = readdirSync(suite)
  .filter((name) => statSync(join(suite, name)).isDirectory())
  .sort();

function runCli(dir: string, recursive: boolean): Actual {
  const args = [bin, 'history', dir, '--json', ...(recursive ? ['--recursive'] : [])];
  const stdout = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(stdout) as Actual;
}

const isStub = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && '__stub__' in v;
const containsStub = (v: unknown): boolean => isStub(v) || (Array.isArray(v) ? v.some(containsStub) : typeof v === 'object' && v !== null && Object.values(v).some(containsStub));

// Alembic prints a label set in Python set order: compare the label group of a line as a set.
const INDICATORS = new Set(['head', 'effective head', 'branchpoint', 'mergepoint']);
function normalizeLabels(line: string): string {
  return line.replace(/( -> \S+) \(([^)]*)\)/, (whole, arrow: string, group: string) =>
    INDICATORS.has(group) ? whole : `${arrow} (${group.split(', ').sort().join(', ')})`,
  );
}

describe('Alembic conformance suite', () => {
  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(28);
  });

  it.each(cases)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(suite, name, 'expected.json'), 'utf8')) as Expected;
    const actual = runCli(join(suite, name, 'versions'), expected.options.recursive);
    const reported = actual.diagnostics;
    const stubs = containsStub(expected.alembic);

    // Rule 1: required diagnostics are present; every migration/* code is allowed.
    for (const req of expected.diagnostics.required) {
      const hit = reported.some((d) => d.code === req.code && (req.path === undefined || d.path === req.path));
      expect(hit, `required ${req.code}${req.path ? ` on ${req.path}` : ''}; got ${JSON.stringify(reported)}`).toBe(true);
    }
    const allowed = new Set(expected.diagnostics.allowed);
    if (stubs) allowed.add('migration/unresolved-value');
    for (const d of reported) {
      if (d.code.startsWith('migration/')) expect(allowed.has(d.code), `unexpected ${d.code} on ${d.path}: ${d.message}`).toBe(true);
    }

    // Rule 5: ignoredFiles, always.
    expect(actual.ignoredFiles).toEqual(expected.ignoredFiles);

    // Rule 2: Alembic could not build a graph; only diagnostics are checked.
    if (expected.alembicError !== null) return;
    const codes = new Set(reported.map((d) => d.code));
    // Rule 3: graph skipped when lore cannot know what Alembic read.
    if (expected.graphMayBeUnresolved && codes.has('migration/unresolved-value')) return;
    if (codes.has('migration/sourceless-unsupported')) return;

    // Rule 4: the graph.
    const graph = expected.alembic!;
    expect(actual.heads).toEqual(graph.heads);
    expect(actual.bases).toEqual(graph.bases);
    expect(actual.branchPoints).toEqual(graph.branchPoints);
    expect(actual.mergePoints).toEqual(graph.mergePoints);
    expect(actual.history).toEqual(graph.history);
    if (graph.historyLines !== null) expect(actual.historyLines.map(normalizeLabels)).toEqual(graph.historyLines.map(normalizeLabels));
    expect(actual.revisions.map((r) => r.path)).toEqual(graph.revisions.map((r) => r.path));
    graph.revisions.forEach((want, i) => {
      const got = actual.revisions[i]!;
      for (const field of REVISION_FIELDS) {
        if (containsStub(want[field])) continue; // Rule 6
        expect(got[field], `${String(want.path)}: ${field}`).toEqual(want[field]);
      }
    });
  });
});
