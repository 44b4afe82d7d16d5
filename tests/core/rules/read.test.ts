import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRules } from '../../../src/core/rules/index.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('readRules on a folder', () => {
  const root = join(fixtures, 'repo');
  const result = readRules(root, [join(root, 'rules')]);

  it('reads every markdown file, sorted by path, and skips README/index files', () => {
    expect(result.files.map((f) => f.path)).toEqual(['rules/API_RULES.md', 'rules/DATABASE_RULES.md', 'rules/nested/STYLE.markdown']);
    expect(result.inputs).toEqual([
      { path: 'rules/API_RULES.md', kind: 'rules', outcome: 'read', note: '3 rules' },
      { path: 'rules/DATABASE_RULES.md', kind: 'rules', outcome: 'read', note: '2 rules' },
      { path: 'rules/README.md', kind: 'rules', outcome: 'ignored', note: 'README file' },
      { path: 'rules/nested/STYLE.markdown', kind: 'rules', outcome: 'read', note: '2 rules' },
      { path: 'rules/nested/index.md', kind: 'rules', outcome: 'ignored', note: 'index file' },
      { path: 'rules/notes.txt', kind: 'rules', outcome: 'ignored', note: 'not markdown' },
    ]);
  });

  it('reads front matter and checks of each file', () => {
    const db = result.files.find((f) => f.path === 'rules/DATABASE_RULES.md')!;
    expect(db.title).toBe('Database rules');
    expect(db.appliesTo).toEqual(['migrations/**', 'app/models/**']);
    expect(db.priority).toBe(1);
    expect(db.checks).toEqual([
      { check: 'destructive', rule: 'DB-002', severity: 'error', options: {}, line: 8 },
      { check: 'naming', rule: 'DB-001', severity: null, options: { table: 'plural_snake_case' }, line: 11 },
    ]);
    expect(db.rules.map((r) => [r.label, r.line, r.section])).toEqual([
      ['DB-001', 20, ['Naming']],
      ['DB-002', 26, ['Changes']],
    ]);
    const api = result.files.find((f) => f.path === 'rules/API_RULES.md')!;
    expect(api.appliesTo).toEqual(['app/api/**']);
    expect(api.rules.map((r) => r.title)).toEqual(['Every list endpoint paginates', 'Errors use one JSON shape', 'Reused label from the database rules']);
    const style = result.files.find((f) => f.path === 'rules/nested/STYLE.markdown')!;
    expect(style.rules.map((r) => r.id)).toEqual(['use-one-naming-style', 'comments']);
  });

  it('makes ids unique across files: the earlier path keeps the id', () => {
    const api = result.files.find((f) => f.path === 'rules/API_RULES.md')!;
    const db = result.files.find((f) => f.path === 'rules/DATABASE_RULES.md')!;
    expect(api.rules.map((r) => r.id)).toEqual(['api-001', 'api-002', 'db-002']);
    expect(db.rules.map((r) => r.id)).toEqual(['db-001', 'db-002-2']);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'rules/duplicate-id', severity: 'warning', path: 'rules/DATABASE_RULES.md', line: 26 });
    expect(result.diagnostics[0]!.message).toContain('rules/API_RULES.md:11');
  });

  it('is deterministic', () => {
    expect(readRules(root, [join(root, 'rules')])).toEqual(result);
  });
});

describe('readRules on the plain bullet-point file (kind 4)', () => {
  it('turns each top-level bullet into a rule with a derived id', () => {
    const root = join(fixtures, 'plain');
    const { files, diagnostics } = readRules(root, [join(root, 'DATABASE_RULES.md')]);
    expect(diagnostics).toEqual([]);
    const [file] = files;
    expect(file!.title).toBe('Database rules');
    expect(file!.rules.map((r) => [r.id, r.label, r.line])).toEqual([
      ['never-call-db-create-all-in-production-code-change-the', null, 5],
      ['every-migration-has-a-downgrade-that-really-undoes', null, 6],
      ['table-names-are-plural-and-snake-case-e-g-invoice-line-items', null, 7],
      ['store-every-timestamp-with-its-time-zone', null, 8],
      ['never-call-db-create-all-in-tests-that-share-the', null, 9],
      ['after-changing-a-key-inside-a-jsonb-column', null, 10],
    ]);
    expect(file!.rules[2]!.title).toBe('Table names are plural and snake_case, e.g. `invoice_line_items`');
    expect(file!.rules[5]!.text).toBe(
      'After changing a key inside a JSONB column, call `flag_modified`.\nOtherwise SQLAlchemy does not notice the change and the commit loses it.',
    );
  });

  it('turns leaf sections into rules when the file has headings', () => {
    const root = join(fixtures, 'sections');
    const { files } = readRules(root, [root]);
    expect(files[0]!.rules.map((r) => [r.id, r.section])).toEqual([
      ['tables', ['Naming']],
      ['columns', ['Naming']],
      ['tables-2', []],
    ]);
  });
});

describe('readRules edge cases (temporary tree)', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'lore-rules-'));
    root = join(base, 'repo');
    const outside = join(base, 'outside');
    mkdirSync(join(root, 'rules', '.drafts'), { recursive: true });
    mkdirSync(join(root, 'rules', 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(root, 'shared'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(root, 'rules', 'A.md'), '## Naming\n\nTables are plural.\n');
    writeFileSync(join(root, 'rules', 'B.md'), '## Naming\n\nColumns are snake_case.\n');
    writeFileSync(join(root, 'rules', '.drafts', 'DRAFT.md'), '## DR-001: hidden\n');
    writeFileSync(join(root, 'rules', 'node_modules', 'pkg', 'RULES.md'), '## NM-001: dependency\n');
    writeFileSync(join(root, 'rules', 'binary.md'), Uint8Array.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    writeFileSync(join(root, 'rules', 'latin1.md'), Buffer.concat([Buffer.from('## L-1: Caf'), Buffer.from([0xe9]), Buffer.from('\n\ntext\n')]));
    writeFileSync(join(root, 'rules', 'README.md'), '- **RD-001:** read when named explicitly\n');
    writeFileSync(join(root, 'shared', 'S.md'), '## S-1: shared\n\nbody\n');
    writeFileSync(join(outside, 'O.md'), '## O-1: outside\n');
    symlinkSync(join(outside, 'O.md'), join(root, 'rules', 'linked-out.md'));
    symlinkSync(join(root, 'shared'), join(root, 'rules', 'linked-in'));
    symlinkSync(join(root, 'rules'), join(root, 'rules', 'loop'));
    symlinkSync(join(base, 'nowhere.md'), join(root, 'rules', 'broken.md'));
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('skips (and lists) hidden folders and node_modules, ignores links leaving the repo, and follows links inside it once', () => {
    const { files, inputs } = readRules(root, [join(root, 'rules')]);
    expect(files.map((f) => f.path)).toEqual(['rules/A.md', 'rules/B.md', 'rules/latin1.md', 'rules/linked-in/S.md']);
    expect(inputs.filter((i) => i.outcome !== 'read').map((i) => [i.path, i.outcome, i.note])).toEqual([
      ['rules/.drafts', 'ignored', 'hidden, not read'],
      ['rules/README.md', 'ignored', 'README file'],
      ['rules/binary.md', 'error', 'binary file'],
      ['rules/broken.md', 'ignored', 'broken symlink'],
      ['rules/linked-out.md', 'ignored', 'symlink outside the repository'],
      ['rules/loop', 'ignored', 'folder already read through another path (symbolic link loop)'],
      ['rules/node_modules', 'ignored', 'node_modules/ folder, not read'],
    ]);
  });

  it('reports binary and invalid UTF-8 files, and still reads the latter', () => {
    const { files, diagnostics } = readRules(root, [join(root, 'rules')]);
    const codes = diagnostics.map((d) => [d.code, d.path, d.line]);
    expect(codes).toContainEqual(['rules/binary', 'rules/binary.md', null]);
    expect(codes).toContainEqual(['rules/invalid-utf8', 'rules/latin1.md', 1]);
    expect(files.find((f) => f.path === 'rules/latin1.md')!.rules.map((r) => [r.id, r.text])).toEqual([['l-1', 'text']]);
  });

  it('gives clashing derived ids across files a numbered suffix, silently', () => {
    const { files, diagnostics } = readRules(root, [join(root, 'rules', 'A.md'), join(root, 'rules', 'B.md')]);
    expect(files.map((f) => f.rules.map((r) => r.id))).toEqual([['naming'], ['naming-2']]);
    expect(diagnostics).toEqual([]);
  });

  it('reads a README given explicitly, and reads a file given twice once', () => {
    const readme = join(root, 'rules', 'README.md');
    const { files, inputs } = readRules(root, [readme, readme]);
    expect(files.map((f) => [f.path, f.rules.map((r) => r.id)])).toEqual([['rules/README.md', ['rd-001']]]);
    expect(inputs).toHaveLength(1);
  });

  it('reports missing targets, targets outside the root and links leaving it', () => {
    const { files, diagnostics } = readRules(root, [
      join(root, 'rules', 'nope.md'),
      join(base, 'outside'),
      join(root, 'rules', 'linked-out.md'),
    ]);
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['rules/missing', 'error', 'rules/nope.md'],
      ['rules/outside-root', 'error', null],
      ['rules/outside-root', 'warning', 'rules/linked-out.md'],
    ]);
  });
});
