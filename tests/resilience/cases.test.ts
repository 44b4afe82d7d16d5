// Bad input, one case at a time: each adds broken files to a small sound repository. Reading it
// (on one thread and in the parallel path) never throws, a diagnostic names the file and the line
// and says what to fix, and every other file reads exactly as it does without the bad ones.
import { beforeAll, describe, expect, it } from 'vitest';
import { goodFiles, makeRepo, migration, loadBoth, expectIntact, expectWellFormed, type Files, type Model } from './repo.ts';
import type { LoadedKnowledge } from '../../src/core/load.ts';

const V = 'content/migrations/versions';

interface Expected {
  path: string;
  code: string | RegExp;
  /** The exact line, `null` where the file has no line to point at, or [from, to] inclusive. */
  line: number | null | [number, number];
}

interface Case {
  name: string;
  files: Files;
  expect: Expected[];
  /** More assertions on the model. */
  check?: (json: Model, k: LoadedKnowledge) => void;
}

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in text`);
  return i + 1;
}

const crlfAdr = '---\r\nstatus: accepted\r\n---\r\n# 3. Line endings\r\n\r\n## Decision\r\nUse LF.\r\nSee ADR-0042.\r\n';
const mixedDoc = '---\ntitle: Mixed\r\n---\r# Mixed\n\rText.\r\nSee ADR-0043.\n';
const brokenPython = migration(
  'bbbbbbbbbbb1',
  'aaaaaaaaaaa3',
  "    op.add_column('users', sa.Column('nickname', sa.Text()))\n    op.drop_column('users', 'name'\n    if True\n        pass",
  'add nickname (broken)',
);
const latin1Adr = Buffer.from('# 3. Caf\xe9 decisions\n\nStatus: accepted\n\n## Decision\nNa\xefve text.\n', 'latin1');
const latin1Migration = Buffer.from(
  "# -*- coding: latin-1 -*-\n" + migration('bbbbbbbbbbb1', 'aaaaaaaaaaa3', "    op.add_column('users', sa.Column('caf\xe9', sa.Text()))", 'add caf\xe9 column'),
  'latin1',
);
const noCookieMigration = Buffer.from(migration('bbbbbbbbbbb2', 'aaaaaaaaaaa3', '    pass', 'caf\xe9 without a cookie'), 'latin1');
const deep = (marker: string, n: number, text: string): string => `${marker.repeat(n)}${text}\n`;
/** "Billion laughs": nine levels of aliases, each naming the previous one nine times. */
const aliasBomb = 'abcdefghi'
  .split('')
  .map((k, i, all) => `${k}: &${k} [${Array(9).fill(i === 0 ? '"lol"' : `*${all[i - 1]}`).join(', ')}]`)
  .join('\n');

const cases: Case[] = [
  {
    name: 'malformed YAML front matter',
    files: {
      'adr/0003-bad-yaml.md': '---\ntitle: [unclosed\nstatus: accepted\n---\n# 3. Bad yaml\n\n## Decision\nStill read.\n',
      'rules/BAD_YAML.md': '---\ntitle: "unterminated\n---\n# Bad yaml rules\n\n### DB-010: Still read\nThe body is still read.\n',
      'content/docs/bad-yaml.md': '---\ntitle: a: b: c\n---\n# Bad yaml page\n\nText.\n',
    },
    expect: [
      { path: 'adr/0003-bad-yaml.md', code: 'adr/bad-front-matter', line: [2, 3] },
      { path: 'rules/BAD_YAML.md', code: 'rules/bad-front-matter', line: 2 },
      { path: 'content/docs/bad-yaml.md', code: 'doc/bad-front-matter', line: 2 },
    ],
    check: (json) => {
      expect(json.adrs.find((a) => a.path === 'adr/0003-bad-yaml.md')).toMatchObject({ number: 3, title: 'Bad yaml', summary: 'Still read.' });
      expect(json.rules.find((f) => f.path === 'rules/BAD_YAML.md')?.rules.map((r) => r.id)).toEqual(['db-010']);
      expect(json.docs.find((d) => d.path === 'content/docs/bad-yaml.md')?.title).toBe('Bad yaml page');
    },
  },
  {
    name: 'a YAML alias bomb in front matter',
    files: {
      'adr/0003-bomb.md': `---\n${aliasBomb}\ntags: *i\n---\n# 3. Bomb\n`,
      'rules/BOMB.md': `---\n${aliasBomb}\nchecks: *i\n---\n# Bomb\n\n### DB-010: X\nY\n`,
      'content/docs/bomb.md': `---\n${aliasBomb}\ntitle: *i\n---\n# Bomb\n`,
    },
    expect: [
      { path: 'adr/0003-bomb.md', code: 'adr/bad-front-matter', line: [2, 12] },
      { path: 'rules/BOMB.md', code: /^rules\//, line: [2, 12] },
      { path: 'content/docs/bomb.md', code: 'doc/bad-front-matter', line: [2, 12] },
    ],
  },
  {
    name: 'front matter that is not a mapping',
    files: {
      'adr/0003-list.md': '---\n- a\n- b\n---\n# 3. A list\n',
      'rules/SCALAR.md': '---\njust a string\n---\n# Scalar\n\n### DB-010: X\nY\n',
      'content/docs/flow.md': '---\n[1, 2]\n---\n# Flow\n\nText.\n',
    },
    expect: [
      { path: 'adr/0003-list.md', code: 'adr/bad-front-matter', line: 2 },
      { path: 'rules/SCALAR.md', code: 'rules/bad-front-matter', line: 2 },
      { path: 'content/docs/flow.md', code: 'doc/bad-front-matter', line: 2 },
    ],
  },
  {
    name: 'empty files',
    files: { 'adr/0003-empty.md': '', 'rules/EMPTY.md': '', 'content/docs/empty.md': '', [`${V}/empty.py`]: '' },
    expect: [
      { path: 'adr/0003-empty.md', code: 'adr/empty', line: null },
      { path: 'rules/EMPTY.md', code: 'rules/empty', line: null },
      { path: 'content/docs/empty.md', code: 'doc/empty', line: null },
      { path: `${V}/empty.py`, code: 'migration/not-a-revision', line: null },
    ],
  },
  {
    name: 'files holding only whitespace',
    files: { 'adr/0003-blank.md': '  \n\n\t\n', 'rules/BLANK.md': ' \n \n', 'content/docs/blank.md': '\n\n', [`${V}/blank.py`]: '\n   \n' },
    expect: [
      { path: 'adr/0003-blank.md', code: 'adr/empty', line: 1 },
      { path: 'rules/BLANK.md', code: 'rules/empty', line: 1 },
      { path: 'content/docs/blank.md', code: 'doc/empty', line: 1 },
      // No `revision` variable: there is no line to point at.
      { path: `${V}/blank.py`, code: 'migration/not-a-revision', line: null },
    ],
  },
  {
    name: 'files holding only front matter',
    files: {
      'adr/0003-only-front-matter.md': '---\ntitle: Only front matter\nstatus: accepted\n---\n',
      'rules/ONLY.md': '---\ntitle: Only\n---\n',
      'content/docs/only.md': '---\ntitle: Only\n---\n',
    },
    expect: [
      { path: 'adr/0003-only-front-matter.md', code: 'adr/empty', line: 4 },
      { path: 'rules/ONLY.md', code: 'rules/empty', line: 3 },
      { path: 'content/docs/only.md', code: 'doc/empty', line: 3 },
    ],
    check: (json) => expect(json.adrs.find((a) => a.path === 'adr/0003-only-front-matter.md')).toMatchObject({ title: 'Only front matter', status: 'accepted' }),
  },
  {
    name: 'a UTF-8 byte-order mark',
    files: {
      'adr/0003-bom.md': '\uFEFF---\nstatus: accepted\n---\n# 3. Bom\n\nSee ADR-0044.\n',
      'rules/BOM.md': '\uFEFF---\ntitle: Bom rules\n---\n# Ignored title\n\n### DB-010: X\nSee ADR-0045.\n',
      'content/docs/bom.md': '\uFEFF---\ntitle: Bom page\n---\nSee ADR-0046.\n',
      [`${V}/bbbbbbbbbbb1_bom.py`]: `\uFEFF${migration('bbbbbbbbbbb1', 'aaaaaaaaaaa3', '    pass', 'bom (ADR-0047)')}`,
    },
    // The BOM must not shift lines or hide the front matter: the unresolved mentions are on the right lines.
    expect: [
      { path: 'adr/0003-bom.md', code: 'link/unresolved', line: 6 },
      { path: 'rules/BOM.md', code: 'link/unresolved', line: 7 },
      { path: 'content/docs/bom.md', code: 'link/unresolved', line: 4 },
      { path: `${V}/bbbbbbbbbbb1_bom.py`, code: 'link/unresolved', line: 1 },
    ],
    check: (json) => {
      expect(json.adrs.find((a) => a.path === 'adr/0003-bom.md')).toMatchObject({ status: 'accepted', title: 'Bom' });
      expect(json.rules.find((f) => f.path === 'rules/BOM.md')?.title).toBe('Bom rules');
      expect(json.docs.find((d) => d.path === 'content/docs/bom.md')?.title).toBe('Bom page');
      expect(json.migrations[0]!.history[0]).toBe('bbbbbbbbbbb1');
    },
  },
  {
    name: 'CRLF, lone CR and mixed line endings',
    files: {
      'adr/0003-crlf.md': crlfAdr,
      'content/docs/mixed.md': mixedDoc,
      'rules/CR.md': '# CR rules\r\r### DB-010: Carriage returns\rSee ADR-0048.\r',
      [`${V}/bbbbbbbbbbb1_crlf.py`]: migration('bbbbbbbbbbb1', 'aaaaaaaaaaa3', "    op.drop_column('users', 'name')").replace(/\n/g, '\r\n'),
      [`${V}/bbbbbbbbbbb2_cr.py`]: migration('bbbbbbbbbbb2', 'bbbbbbbbbbb1', "    op.drop_table('teams')").replace(/\n/g, '\r'),
    },
    expect: [
      { path: 'adr/0003-crlf.md', code: 'link/unresolved', line: lineOf(crlfAdr, 'ADR-0042') },
      { path: 'content/docs/mixed.md', code: 'link/unresolved', line: lineOf(mixedDoc, 'ADR-0043') },
      { path: 'rules/CR.md', code: 'link/unresolved', line: 4 },
    ],
    check: (json) => {
      expect(json.adrs.find((a) => a.path === 'adr/0003-crlf.md')).toMatchObject({ status: 'accepted', title: 'Line endings', summary: 'Use LF.' });
      expect(json.rules.find((f) => f.path === 'rules/CR.md')?.rules.map((r) => [r.id, r.line])).toEqual([['db-010', 3]]);
      const g = json.migrations[0]!;
      expect(g.history.slice(0, 2)).toEqual(['bbbbbbbbbbb2', 'bbbbbbbbbbb1']);
      const ops = g.revisions.filter((r) => r.revision.startsWith('bbb')).map((r) => r.upgradeOperations.map((o) => [o.kind, o.line]));
      expect(ops).toEqual([[['drop_column', 18]], [['drop_table', 18]]]);
    },
  },
  {
    name: 'invalid UTF-8 and Latin-1 files (the PEP 263 cookie is honoured for Python)',
    files: {
      'adr/0003-latin1.md': latin1Adr,
      'rules/LATIN1.md': Buffer.from('# Rules\n\n### DB-010: Caf\xe9\nText.\n', 'latin1'),
      'content/docs/latin1.md': Buffer.from('# Page\n\nCaf\xe9.\n', 'latin1'),
      [`${V}/bbbbbbbbbbb1_latin1.py`]: latin1Migration,
      [`${V}/bbbbbbbbbbb2_no_cookie.py`]: noCookieMigration,
    },
    expect: [
      { path: 'adr/0003-latin1.md', code: 'adr/invalid-utf8', line: 1 },
      { path: 'rules/LATIN1.md', code: 'rules/invalid-utf8', line: 3 },
      { path: 'content/docs/latin1.md', code: 'doc/encoding', line: 3 },
      { path: `${V}/bbbbbbbbbbb2_no_cookie.py`, code: 'migration/unresolved-value', line: 1 },
    ],
    check: (json) => {
      expect(json.adrs.find((a) => a.path === 'adr/0003-latin1.md')).toMatchObject({ number: 3, status: 'accepted', title: 'Caf\uFFFD decisions' });
      const latin = json.migrations[0]!.revisions.find((r) => r.revision === 'bbbbbbbbbbb1')!;
      expect(latin.message).toBe('add café column');
      expect(latin.upgradeOperations[0]).toMatchObject({ kind: 'add_column', column: 'café' });
      expect(json.inputs.find((i) => i.path === `${V}/bbbbbbbbbbb2_no_cookie.py`)?.outcome).toBe('error');
    },
  },
  {
    name: 'binary files named .md and .py',
    files: {
      'adr/0003-picture.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'rules/BINARY.md': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]),
      'content/docs/binary.md': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      [`${V}/binary.py`]: Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0x00, 0x01]),
    },
    expect: [
      { path: 'adr/0003-picture.md', code: 'adr/binary-file', line: null },
      { path: 'rules/BINARY.md', code: 'rules/binary', line: null },
      { path: 'content/docs/binary.md', code: 'doc/not-text', line: null },
      // Python names the line of the first NUL byte.
      { path: `${V}/binary.py`, code: 'migration/unresolved-value', line: 3 },
    ],
    check: (json) => {
      for (const p of ['adr/0003-picture.md', 'rules/BINARY.md', 'content/docs/binary.md', `${V}/binary.py`]) {
        expect(json.inputs.find((i) => i.path === p)?.outcome).toBe('error');
      }
    },
  },
  {
    name: 'a migration with a Python syntax error',
    files: { [`${V}/bbbbbbbbbbb1_broken.py`]: brokenPython },
    expect: [{ path: `${V}/bbbbbbbbbbb1_broken.py`, code: 'migration/unresolved-value', line: [lineOf(brokenPython, "'name'"), lineOf(brokenPython, 'pass')] }],
    check: (json) => {
      // Alembic cannot import it, so it stays out of the graph; the others are all there.
      expect(json.migrations[0]!.history).toEqual(['aaaaaaaaaaa3', 'aaaaaaaaaaa2', 'aaaaaaaaaaa1']);
      expect(json.inputs.find((i) => i.path === `${V}/bbbbbbbbbbb1_broken.py`)?.outcome).toBe('error');
    },
  },
  {
    name: 'deeply nested markdown (10,000 levels of quotes and lists)',
    files: {
      'adr/0003-deep.md': `# 3. Deep\n\n## Decision\nKeep it flat.\n\n${deep('>', 10_000, ' quoted')}\n${deep('- ', 10_000, 'item')}\n${deep('1. ', 10_000, 'item')}`,
      'rules/DEEP.md': `# Deep rules\n\n### DB-010: Flat\nKeep it flat.\n\n${deep('>', 10_000, ' DB-011: quoted')}\n${deep('- ', 10_000, 'DB-012: item')}\n${deep('1. ', 10_000, 'item')}`,
      'content/docs/deep.md': `# Deep page\n\n${deep('>', 10_000, ' quoted')}\n${deep('* ', 10_000, 'item')}`,
    },
    expect: [
      { path: 'adr/0003-deep.md', code: 'adr/too-deep', line: 6 },
      { path: 'rules/DEEP.md', code: 'rules/too-deep', line: 6 },
      { path: 'content/docs/deep.md', code: 'doc/too-deep', line: 3 },
    ],
    check: (json) => {
      expect(json.adrs.find((a) => a.path === 'adr/0003-deep.md')).toMatchObject({ title: 'Deep', summary: 'Keep it flat.' });
      expect(json.rules.find((f) => f.path === 'rules/DEEP.md')?.rules.map((r) => r.id)).toEqual(['db-010']);
    },
  },
  {
    name: 'paragraphs of 20,000 nested emphasis and unclosed link markers',
    files: {
      'adr/0003-markers.md': `# 3. Markers\n\n## Decision\nKeep it plain.\n\n${'*'.repeat(20_000)}a${'*'.repeat(20_000)}\n\n${'[a]('.repeat(20_000)} ADR-0001\n`,
      'rules/MARKERS.md': `# Marker rules\n\n### DB-010: Plain\nKeep it plain.\n\n${'*_'.repeat(20_000)}a\n\n${'['.repeat(20_000)}a${']'.repeat(20_000)}\n\n### DB-011: After\nStill read.\n`,
      'content/docs/markers.md': `# Marker page\n\n${'**a '.repeat(20_000)}\n\n${'[a]('.repeat(20_000)}\n`,
    },
    expect: [{ path: 'rules/MARKERS.md', code: 'rules/too-many-markers', line: 6 }],
    check: (json) => {
      expect(json.adrs.find((a) => a.path === 'adr/0003-markers.md')).toMatchObject({ title: 'Markers', summary: 'Keep it plain.' });
      expect(json.rules.find((f) => f.path === 'rules/MARKERS.md')?.rules.map((r) => r.id)).toEqual(['db-010', 'db-011']);
      expect(json.docs.find((d) => d.path === 'content/docs/markers.md')?.title).toBe('Marker page');
    },
  },
  {
    name: 'duplicate ADR numbers, ids, rule labels and revision ids',
    files: {
      'adr/0001-again.md': '# 1. Again\n\nStatus: accepted\n',
      'adr/0005-same-stem.md': '# 5. Same stem (md)\n',
      'adr/0005-same-stem.markdown': '# 5. Same stem (markdown)\n',
      'rules/MORE_RULES.md': '# More\n\n### DB-001: A second DB-001\nText.\n',
      [`${V}/zz_duplicate_of_aaaaaaaaaaa2.py`]: migration('aaaaaaaaaaa2', 'aaaaaaaaaaa1', "    op.create_table('teams', sa.Column('id', sa.Integer(), primary_key=True))", 'create teams (ADR-0001)'),
    },
    expect: [
      // The numbers come from the file names: there is no line to point at.
      { path: 'adr/0001-again.md', code: 'adr/duplicate-number', line: null },
      { path: 'adr/0001-use-postgresql.md', code: 'adr/duplicate-number', line: null },
      { path: 'adr/0005-same-stem.md', code: 'adr/duplicate-number', line: null },
      { path: 'adr/0005-same-stem.md', code: 'adr/duplicate-id', line: null },
      { path: 'rules/MORE_RULES.md', code: 'rules/duplicate-id', line: 3 },
      { path: `${V}/zz_duplicate_of_aaaaaaaaaaa2.py`, code: 'migration/duplicate-revision', line: 11 },
    ],
    check: (json) => {
      expect(json.rules.flatMap((f) => f.rules.map((r) => r.id))).toEqual(['db-001', 'db-002', 'db-001-2']);
      // Alembic keeps the later file of a duplicated revision id.
      expect(json.migrations[0]!.revisions.filter((r) => r.revision === 'aaaaaaaaaaa2').map((r) => r.path)).toHaveLength(2);
    },
  },
  {
    name: 'supersede cycles and self-references',
    files: {
      'adr/0010-a.md': '# 10. A\n\nStatus: accepted\nSupersedes: ADR-0011\n',
      'adr/0011-b.md': '# 11. B\n\nStatus: accepted\nSupersedes: ADR-0012\n',
      'adr/0012-c.md': '# 12. C\n\nStatus: accepted\nSupersedes: ADR-0010\n',
      'adr/0014-d.md': '# 14. D\n\nStatus: Superseded by ADR-0015\n',
      'adr/0015-e.md': '# 15. E\n\nStatus: Superseded by ADR-0014\n',
      'adr/0016-front-matter-self.md': '---\nsupersedes: ADR-0016\n---\n# 16. Self in front matter\n\nSee ADR-0016.\n',
      'adr/0013-self.md': '# 13. Self\n\nStatus: accepted\nSupersedes: ADR-0013\nAmends: ADR-0013\n',
      [`${V}/ccccccccccc1_self.py`]: migration('ccccccccccc1', 'ccccccccccc1'),
      [`${V}/ccccccccccc2_dep_self.py`]: migration('ccccccccccc2', 'aaaaaaaaaaa3').replace('depends_on = None', "depends_on = 'ccccccccccc2'"),
    },
    expect: [
      { path: 'adr/0010-a.md', code: 'adr/supersede-cycle', line: 4 },
      { path: 'adr/0011-b.md', code: 'adr/supersede-cycle', line: 4 },
      { path: 'adr/0012-c.md', code: 'adr/supersede-cycle', line: 4 },
      { path: 'adr/0014-d.md', code: 'adr/supersede-cycle', line: 3 },
      { path: 'adr/0015-e.md', code: 'adr/supersede-cycle', line: 3 },
      { path: 'adr/0013-self.md', code: 'adr/self-reference', line: 4 },
      { path: 'adr/0013-self.md', code: 'adr/self-reference', line: 5 },
      { path: `${V}/ccccccccccc1_self.py`, code: 'migration/self-loop', line: 12 },
      { path: `${V}/ccccccccccc2_dep_self.py`, code: 'migration/self-loop', line: 14 },
      // Declared in the front matter (the model keeps no line per front-matter key: its block is named).
      { path: 'adr/0016-front-matter-self.md', code: 'adr/self-reference', line: [1, 3] },
    ],
  },
  {
    name: 'file names with spaces, unicode and characters special in URLs and HTML',
    files: {
      'adr/0003-what\'s new #1 ?%&<"é 日本.md': '# 3. Odd name\n\nStatus: accepted\n',
      'adr/sub dir/0004-a b.md': '# 4. Spaced folder\n',
      'rules/my rules #1 &<"%.md': '# Odd rules\n\n### DB-010: Odd\nText.\n',
      'content/docs/a b#?%&<"é.md': '# Odd page\n\nSee [the record](../../adr/0003-what\'s%20new%20%231%20%3F%25%26%3C%22é%20日本.md).\n',
      [`${V}/bbbbbbbbbbb1 odd #?%&<"é.py`]: migration('bbbbbbbbbbb1', 'aaaaaaaaaaa3'),
    },
    expect: [],
    check: (json) => {
      expect(json.adrs.find((a) => a.path.includes('#1'))).toMatchObject({ number: 3, title: 'Odd name', id: '0003-what\'s new #1 ?%&<"é 日本' });
      expect(json.adrs.find((a) => a.path === 'adr/sub dir/0004-a b.md')?.number).toBe(4);
      expect(json.rules.find((f) => f.path === 'rules/my rules #1 &<"%.md')?.rules.map((r) => r.id)).toEqual(['db-010']);
      expect(json.docs.find((d) => d.path === 'content/docs/a b#?%&<"é.md')?.slug).toBe('a b#?%&<"é');
      expect(json.migrations[0]!.revisions.find((r) => r.revision === 'bbbbbbbbbbb1')?.path).toBe(`${V}/bbbbbbbbbbb1 odd #?%&<"é.py`);
      // The percent-encoded link finds the record.
      expect(json.links.some((l) => l.from === 'doc:content/docs/a b#?%&<"é.md' && l.to.startsWith('adr:0003-what'))).toBe(true);
      for (const i of json.inputs) expect(i.path).not.toMatch(/^\//);
    },
  },
];

describe('bad input', () => {
  let base: Model;
  beforeAll(async () => {
    base = (await loadBoth(makeRepo(goodFiles))).json;
    // The sound repository is sound: otherwise "intact" would prove little.
    expect(base.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(base.adrs).toHaveLength(2);
    expect(base.migrations[0]!.revisions).toHaveLength(3);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const root = makeRepo({ ...goodFiles, ...c.files });
      const { k, json } = await loadBoth(root);
      expectWellFormed(k);
      for (const e of c.expect) {
        const found = k.diagnostics.filter((d) => d.path === e.path && (typeof e.code === 'string' ? d.code === e.code : e.code.test(d.code)));
        expect(found, `${e.code} on ${e.path} in ${JSON.stringify(k.diagnostics, null, 1)}`).not.toEqual([]);
        const lines = found.map((d) => d.line);
        if (Array.isArray(e.line)) {
          const [from, to] = e.line;
          expect(lines.some((l) => l !== null && l >= from && l <= to), `${e.code} line ${lines} in ${from}..${to}`).toBe(true);
        } else expect(lines, e.code.toString()).toContain(e.line);
      }
      // Every bad file is accounted for: in the inputs, or named by a diagnostic.
      for (const path of Object.keys(c.files)) {
        const listed = json.inputs.some((i) => i.path === path) || json.diagnostics.some((d) => d.path === path);
        expect(listed, path).toBe(true);
      }
      const badPaths = Object.keys(c.files);
      // Files the case shares with the sound repository are bad only through their duplicates.
      const touched = c.name.startsWith('duplicate') ? [...badPaths, 'adr/0001-use-postgresql.md', `${V}/aaaaaaaaaaa2_create_teams.py`] : badPaths;
      expectIntact(base, json, touched);
      c.check?.(json, k);
    });
  }
});
