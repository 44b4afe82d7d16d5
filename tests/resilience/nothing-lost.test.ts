// Nothing is lost: every file under the source folders shows up in `lore inspect --json`, either
// among the inputs (read, ignored, not an ADR, error — each with a note) or named by a diagnostic.
// A folder Lore deliberately does not enter (hidden, node_modules, assets…) is listed itself.
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goodFiles, lore, makeRepo, migration, sourceArgs, type Files, type Model } from './repo.ts';

const V = 'content/migrations/versions';
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const pyc = Buffer.from([0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0]);

const zoo: Files = {
  ...goodFiles,
  // ADRs: records, skipped names, broken ones, non-markdown, editor debris, nested and skipped folders.
  'adr/README.md': '# Decisions\n',
  'adr/index.md': '# Index\n',
  'adr/template.md': '# NNNN. Title\n',
  'adr/adr-template.md': '# Template\n',
  'adr/backlog.md': '# Backlog\n',
  'adr/0005-bad-yaml.md': '---\ntitle: [\n---\n# 5. Bad\n',
  'adr/0006-binary.md': png,
  'adr/0007-empty.md': '',
  'adr/notes.txt': 'notes\n',
  'adr/diagram.png': png,
  'adr/.DS_Store': Buffer.from([0, 0, 0, 1]),
  'adr/.#0001-use-postgresql.md': { symlink: 'root@host.1234:1700000000' },
  'adr/0001-use-postgresql.md~': '# backup\n',
  'adr/.0002-timestamps-with-time-zone.md.swp': Buffer.from([0x62, 0x30, 0, 0]),
  'adr/assets/diagram.svg': '<svg/>',
  'adr/images/photo.png': png,
  'adr/templates/record.md': '# Template\n',
  'adr/.hidden/0099-secret.md': '# 99. Hidden\n',
  'adr/node_modules/pkg/README.md': '# pkg\n',
  'adr/payments/0001-payments-first.md': '# 1. Payments first\n',
  'adr/payments/deeper/0002-deeper.md': '# 2. Deeper\n',
  'adr/drafts/idea.md': '# An idea\n',
  // Rules.
  'rules/README.md': '# About the rules\n',
  'rules/index.md': '# Index\n',
  'rules/EMPTY.md': '',
  'rules/notes.txt': 'notes\n',
  'rules/.hidden.md': '### H-001: hidden\n',
  'rules/.#DATABASE_RULES.md': { symlink: 'root@host.1234:1700000000' },
  'rules/node_modules/pkg/RULES.md': '### NM-001: dependency\n',
  'rules/team/MORE_RULES.md': '# More\n\n### DB-020: More\nText.\n',
  'rules/team/chart.png': png,
  // Guide pages.
  'content/docs/index.md': '# Docs\n',
  'content/docs/data.json': '{}\n',
  'content/docs/logo.png': png,
  'content/docs/assets/logo.svg': '<svg/>',
  'content/docs/how-to/deploy.md': '# Deploy\n\nSteps.\n',
  'content/docs/.hidden/draft.md': '# Draft\n',
  'content/docs/.#guide.md': { symlink: 'root@host.1234:1700000000' },
  // Migrations.
  [`${V}/__init__.py`]: '',
  [`${V}/README`]: 'Generic single-database configuration.\n',
  [`${V}/notes.txt`]: 'notes\n',
  [`${V}/aaaaaaaaaaa1_create_users.pyc`]: pyc,
  [`${V}/orphan.pyc`]: pyc,
  [`${V}/.#aaaaaaaaaaa1_create_users.py`]: { symlink: 'root@host.1234:1700000000' },
  [`${V}/aaaaaaaaaaa1_create_users.py~`]: '# backup\n',
  [`${V}/bbbbbbbbbbb1_broken.py`]: migration('bbbbbbbbbbb1', 'aaaaaaaaaaa3', '    op.drop_table(', 'broken'),
  [`${V}/helpers.py`]: 'def helper():\n    pass\n',
};

/** The migrations folder's sub-folders: Alembic (non-recursive) never loads them. */
const migrationSubfolders: Files = {
  [`${V}/__pycache__/aaaaaaaaaaa1_create_users.cpython-311.pyc`]: pyc,
  [`${V}/__pycache__/gone.cpython-311.pyc`]: pyc,
  [`${V}/archive/ccccccccccc1_old.py`]: migration('ccccccccccc1', null),
};

/** Every file and symbolic link below `dir` (links not followed), repo-relative. */
function allFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    for (const name of readdirSync(join(root, rel))) {
      const child = `${rel}/${name}`;
      const st = lstatSync(join(root, child));
      if (st.isDirectory()) visit(child);
      else out.push(child);
    }
  };
  visit(dir);
  return out.sort();
}

/** Files that appear neither in the inputs (themselves or a listed folder above them) nor in a diagnostic. */
function lost(root: string, json: Model): string[] {
  const listed = new Set(json.inputs.map((i) => i.path));
  const named = new Set(json.diagnostics.flatMap((d) => (d.path ? [d.path] : [])));
  const covered = (path: string): boolean => {
    if (listed.has(path) || named.has(path)) return true;
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) if (listed.has(path.slice(0, at))) return true;
    return false;
  };
  const files = ['adr', 'rules', 'content/docs', V].flatMap((d) => allFiles(root, d));
  return files.filter((f) => !covered(f));
}

function inspect(root: string): Model {
  const r = lore(['inspect', ...sourceArgs, '--json'], { cwd: root });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Model;
}

describe('nothing is lost', () => {
  it('every file under the ADR, rules, docs and migrations folders is listed in inspect --json', () => {
    const root = makeRepo(zoo);
    // A named pipe is neither a file nor a folder; it must still be accounted for.
    const fifo = spawnSync('mkfifo', [join(root, 'adr', 'pipe'), join(root, 'content/docs', 'pipe')]).status === 0;
    const json = inspect(root);
    expect(lost(root, json)).toEqual([]);
    if (fifo) expect(json.inputs.find((i) => i.path === 'adr/pipe')?.note).toBe('not a regular file');
    // Every entry says what became of the file.
    for (const i of json.inputs) expect(i.note.length, i.path).toBeGreaterThan(0);
    const outcome = (p: string) => json.inputs.find((i) => i.path === p)?.outcome;
    expect(outcome('adr/README.md')).toBe('not-an-adr');
    expect(outcome('adr/0006-binary.md')).toBe('error');
    expect(outcome('adr/payments/deeper/0002-deeper.md')).toBe('read');
    expect(outcome('adr/node_modules')).toBe('ignored');
    expect(outcome('rules/notes.txt')).toBe('ignored');
    expect(outcome('content/docs/.hidden')).toBe('ignored');
    expect(outcome(`${V}/__init__.py`)).toBe('ignored');
    expect(outcome(`${V}/helpers.py`)).toBe('error');
  });

  // Alembic ignores them and they stay out of `ignoredFiles` (alembic-format.md §2.1, §2.3), but
  // they are still listed among the inputs.
  it('files in a versions folder’s sub-folders are listed too', () => {
    const root = makeRepo({ ...goodFiles, ...migrationSubfolders });
    expect(lost(root, inspect(root))).toEqual([]);
  });
});

// A symbolic link to a folder inside the versions folder (a loop, or a link elsewhere) is not
// followed, as in Alembic, and hidden folders below a sub-folder are not read: both are listed.
describe('nothing is lost: linked and hidden folders below a versions folder', () => {
  it('are listed too', () => {
    const root = makeRepo({
      ...goodFiles,
      [`${V}/loop`]: { symlink: '.' },
      [`${V}/docs-link`]: { symlink: '../../docs' },
      [`${V}/archive/.old/ccccccccccc2_hidden.py`]: migration('ccccccccccc2', null),
    });
    expect(lost(root, inspect(root))).toEqual([]);
  });
});
