// Mutation fuzzing of the readers: conformance fixtures and the demo's files, with bytes flipped,
// lines duplicated, deleted or shuffled, the file cut short, quotes, brackets, fences and NULs
// thrown in. No reader may throw; every diagnostic names the file, says something, and points
// at a line that exists (or at none).
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/model.ts';
import { decodeText, normalizeNewlines } from '../../src/core/text.ts';
import { parseAdr } from '../../src/core/adr/parse.ts';
import { parseRulesDocument } from '../../src/core/rules/parse.ts';
import { readFrontMatter } from '../../src/core/markdown/frontmatter.ts';
import { scanMarkdown } from '../../src/core/markdown/scan.ts';
import { inlineParts } from '../../src/core/markdown/inline.ts';
import { markdownRefs, textRefs } from '../../src/core/refs.ts';
import { parseRevisionFile } from '../../src/core/alembic/file.ts';
import { decodePythonSource } from '../../src/core/alembic/decode.ts';
import { buildGraph } from '../../src/core/alembic/graph.ts';
import { markdownSeeds, pythonSeeds, repo } from './corpus.ts';
import { mutate, mutatedArb, mutationArb, soupArb } from './mutate.ts';
import { fuzzParams, fuzzTimeout } from './settings.ts';

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Lines of a text as the readers count them (BOM dropped, CRLF and CR as LF). */
function lineCount(text: string): number {
  return normalizeNewlines(text.replace(/^\uFEFF/, '')).split('\n').length;
}

function expectDiagnostics(diagnostics: Diagnostic[], path: string, lines: number): void {
  for (const d of diagnostics) {
    const what = JSON.stringify(d);
    expect(d.path, what).toBe(path);
    expect(d.message.trim().length, what).toBeGreaterThan(0);
    expect(d.code, what).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
    expect(['error', 'warning', 'info'], what).toContain(d.severity);
    if (d.line !== null) {
      expect(Number.isInteger(d.line), what).toBe(true);
      expect(d.line >= 1 && d.line <= lines, `${what} (file has ${lines} lines)`).toBe(true);
    }
  }
}

const inRange = (line: number | null, lines: number): boolean => line === null || (Number.isInteger(line) && line >= 1 && line <= lines);

/** The texts a markdown reader may be handed for these bytes: what decodeText gives, and the raw lenient decoding (NULs kept). */
function markdownTexts(bytes: Uint8Array): string[] {
  const decoded = decodeText(bytes);
  return decoded.problem === 'binary' ? [lenient.decode(bytes)] : [decoded.text, lenient.decode(bytes)];
}

describe('mutation fuzzing of the readers', () => {
  it('has seeds', () => {
    expect(markdownSeeds.length).toBeGreaterThan(20);
    expect(pythonSeeds.length).toBeGreaterThan(50);
  });

  it('parseAdr', { timeout: fuzzTimeout(60_000, 20) }, () => {
    fc.assert(
      fc.property(mutatedArb(markdownSeeds.length), ({ seed, mutations }) => {
        for (const text of markdownTexts(mutate(markdownSeeds[seed]!.bytes, mutations))) {
          const lines = lineCount(text);
          const { adr, diagnostics, numberLine } = parseAdr(text, { path: 'x.md', file: 'adr/x.md', group: '' });
          expectDiagnostics(diagnostics, 'adr/x.md', lines);
          expect(inRange(numberLine, lines)).toBe(true);
          expect(adr.bodyLine >= 1 && adr.bodyLine <= lines + 1).toBe(true);
          for (const s of adr.sections) expect(inRange(s.line, lines), JSON.stringify(s.heading)).toBe(true);
          expect(adr.title.length).toBeGreaterThan(0);
          expect(adr.number === null || (Number.isSafeInteger(adr.number) && adr.number >= 0)).toBe(true);
          expect([...adr.summary].length).toBeLessThanOrEqual(200);
        }
      }),
      fuzzParams(120),
    );
  });

  it('parseRulesDocument', { timeout: fuzzTimeout(60_000, 40) }, () => {
    fc.assert(
      fc.property(mutatedArb(markdownSeeds.length), ({ seed, mutations }) => {
        for (const text of markdownTexts(mutate(markdownSeeds[seed]!.bytes, mutations))) {
          const lines = lineCount(text);
          const { file, diagnostics } = parseRulesDocument(text, 'rules/X.md');
          expectDiagnostics(diagnostics, 'rules/X.md', lines);
          const ids = file.rules.map((r) => r.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const r of file.rules) {
            expect(r.id).toMatch(/^[a-z0-9][a-z0-9_.-]*$/);
            expect(inRange(r.line, lines), `${r.id} at ${r.line} of ${lines}`).toBe(true);
          }
          for (const c of file.checks) expect(inRange(c.line, lines)).toBe(true);
          expect(file.bodyLine >= 1 && file.bodyLine <= lines + 1).toBe(true);
        }
      }),
      fuzzParams(120),
    );
  });

  it('front matter, the markdown scanner and the reference finder', { timeout: fuzzTimeout(60_000, 10) }, () => {
    fc.assert(
      fc.property(mutatedArb(markdownSeeds.length), ({ seed, mutations }) => {
        for (const raw of markdownTexts(mutate(markdownSeeds[seed]!.bytes, mutations))) {
          const text = normalizeNewlines(raw.replace(/^\uFEFF/, ''));
          const lines = lineCount(text);
          const fm = readFrontMatter(text, 'content/docs/x.md', 'doc/bad-front-matter');
          expectDiagnostics(fm.diagnostics, 'content/docs/x.md', lines);
          for (const e of fm.entries.values()) expect(inRange(e.line, lines), e.key).toBe(true);
          const scan = scanMarkdown(text);
          expect(scan.lines).toHaveLength(lines);
          for (const h of scan.headings) {
            expect(h.start >= 0 && h.start <= h.end && h.end < lines).toBe(true);
            expect(h.level >= 1 && h.level <= 6).toBe(true);
          }
          for (const r of markdownRefs(text, 1)) expect(inRange(r.line, lines), JSON.stringify(r)).toBe(true);
          for (const line of text.split('\n').slice(0, 50)) {
            inlineParts(line);
            textRefs(line, 1);
          }
        }
      }),
      fuzzParams(150),
    );
  });

  it('parseRevisionFile', { timeout: fuzzTimeout(60_000, 20) }, () => {
    fc.assert(
      fc.property(mutatedArb(pythonSeeds.length), ({ seed, mutations }) => {
        const bytes = mutate(pythonSeeds[seed]!.bytes, mutations);
        const decoded = decodePythonSource(bytes);
        // Undecodable files are located by their bytes (one char per byte keeps the line breaks).
        const lines = lineCount(decoded.problem === null ? decoded.text : String.fromCharCode(...bytes.subarray(0, 1 << 16)) + lenient.decode(bytes.subarray(1 << 16)));
        const file = parseRevisionFile(bytes, 'versions/x.py');
        expectDiagnostics(file.diagnostics, 'versions/x.py', lines);
        expect(file.path).toBe('versions/x.py');
        for (const l of [file.line, file.docLine]) expect(inRange(l, lines)).toBe(true);
        for (const op of [...file.upgrade, ...file.downgrade]) expect(inRange(op.line, lines), op.call).toBe(true);
        for (const c of file.comments) expect(inRange(c.line, lines)).toBe(true);
        if (file.loadable) expect(file.revision).not.toBeNull();
        // Alone in a folder, it still makes a graph.
        const graph = buildGraph([file]);
        expect(graph.history.length).toBeLessThanOrEqual(1);
      }),
      fuzzParams(120),
    );
  });

  it('token soup: every reader on text made only of tricky fragments', { timeout: fuzzTimeout(60_000, 30) }, () => {
    fc.assert(
      fc.property(soupArb, (text) => {
        const lines = lineCount(text);
        const adr = parseAdr(text, { path: 'x.md', file: 'adr/x.md', group: '' });
        expectDiagnostics(adr.diagnostics, 'adr/x.md', lines);
        const rules = parseRulesDocument(text, 'rules/X.md');
        expectDiagnostics(rules.diagnostics, 'rules/X.md', lines);
        for (const r of rules.file.rules) expect(inRange(r.line, lines)).toBe(true);
        expectDiagnostics(readFrontMatter(normalizeNewlines(text.replace(/^\uFEFF/, '')), 'd.md', 'doc/bad-front-matter').diagnostics, 'd.md', lines);
        for (const r of markdownRefs(normalizeNewlines(text))) expect(inRange(r.line, lines)).toBe(true);
        const bytes = new TextEncoder().encode(text);
        const decoded = decodePythonSource(bytes);
        const py = parseRevisionFile(bytes, 'versions/x.py');
        expectDiagnostics(py.diagnostics, 'versions/x.py', decoded.problem === null ? lineCount(decoded.text) : lines);
        for (const op of py.upgrade) expect(inRange(op.line, lines)).toBe(true);
      }),
      fuzzParams(150),
    );
  });

  it('whole conformance folders with some files mutated build a graph', { timeout: fuzzTimeout(60_000, 60) }, () => {
    const root = join(repo, 'tests/core/alembic/conformance');
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => {
        const versions = join(root, e.name, 'versions');
        let names: string[] = [];
        try {
          names = readdirSync(versions).filter((n) => n.endsWith('.py')).sort();
        } catch {
          // a case without a plain versions folder
        }
        return names.map((n) => ({ name: n, bytes: readFileSync(join(versions, n)) }));
      })
      .filter((files) => files.length > 1);
    expect(folders.length).toBeGreaterThan(10);
    const arb = fc.record({
      folder: fc.integer({ min: 0, max: folders.length - 1 }),
      edits: fc.array(fc.record({ file: fc.nat(), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 4 }),
      order: fc.nat(),
    });
    fc.assert(
      fc.property(arb, ({ folder, edits, order }) => {
        const files = folders[folder]!.map((f) => ({ ...f }));
        for (const e of edits) {
          const f = files[e.file % files.length]!;
          f.bytes = Buffer.from(mutate(f.bytes, e.mutations));
        }
        // Load order is the caller's; rotate it.
        const rotated = [...files.slice(order % files.length), ...files.slice(0, order % files.length)];
        const parsed = rotated.map((f) => parseRevisionFile(f.bytes, `versions/${f.name}`));
        const graph = buildGraph(parsed);
        for (const d of graph.diagnostics) {
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.path === null || rotated.some((f) => `versions/${f.name}` === d.path)).toBe(true);
        }
        expect(new Set(graph.history).size).toBe(graph.history.length);
        const ids = new Set(graph.revisions.map((r) => r.revision));
        for (const id of [...graph.history, ...graph.heads, ...graph.bases]) expect(ids.has(id)).toBe(true);
      }),
      fuzzParams(60),
    );
  });
});
