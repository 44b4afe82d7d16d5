import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedMigrations } from '../../src/core/changes.ts';
import { cleanUp, migration, tempRepo } from './discover/repos.ts';

afterEach(cleanUp);

const git = (root: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Lore Test', '-c', 'user.email=lore@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });

function releasedRepo(): string {
  const root = tempRepo({
    'migrations/env.py': '',
    'migrations/script.py.mako': '',
    'migrations/versions/a1_create.py': migration('a1', null),
    'migrations/versions/a2_next.py': migration('a2', 'a1'),
    'migrations/versions/a3_gone.py': migration('a3', 'a2'),
    'migrations/versions/__init__.py': '',
    'README.md': '# app\n',
  });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'release 1');
  git(root, 'tag', 'v1');
  return root;
}

describe('changedMigrations', () => {
  it('lists migrations added (committed or not) and modified since a ref, and flags every edit and deletion', () => {
    const root = releasedRepo();
    writeFileSync(join(root, 'migrations/versions/b1_committed.py'), migration('b1', 'a2'));
    appendFileSync(join(root, 'migrations/versions/a1_create.py'), '# tweaked after release\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'work');
    writeFileSync(join(root, 'migrations/versions/b2_untracked.py'), migration('b2', 'b1'));
    appendFileSync(join(root, 'migrations/versions/a2_next.py'), '# uncommitted edit\n');
    rmSync(join(root, 'migrations/versions/a3_gone.py'));
    writeFileSync(join(root, 'migrations/versions/notes.txt'), 'not a migration\n');
    appendFileSync(join(root, 'README.md'), 'more\n');

    const r = changedMigrations(root, 'v1');
    expect(r.added).toEqual(['migrations/versions/b1_committed.py', 'migrations/versions/b2_untracked.py']);
    expect(r.modified).toEqual(['migrations/versions/a1_create.py', 'migrations/versions/a2_next.py']);
    expect(r.deleted).toEqual(['migrations/versions/a3_gone.py']);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['migration/edited-after-release', 'error', 'migrations/versions/a1_create.py'],
      ['migration/edited-after-release', 'error', 'migrations/versions/a2_next.py'],
      ['migration/deleted-after-release', 'error', 'migrations/versions/a3_gone.py'],
    ]);
    expect(r.diagnostics[0]!.message).toContain('an applied migration must never be edited: revert the change and write a new migration');
  });

  it('finds nothing when nothing changed, and works from a repository sub-folder', () => {
    const root = releasedRepo();
    expect(changedMigrations(root, 'v1')).toEqual({ added: [], modified: [], deleted: [], diagnostics: [] });
    const outer = tempRepo({});
    git(outer, 'init', '-q', '-b', 'main');
    mkdirSync(join(outer, 'app/migrations/versions'), { recursive: true });
    writeFileSync(join(outer, 'app/migrations/versions/a1_x.py'), migration('a1', null));
    writeFileSync(join(outer, 'app/migrations/env.py'), '');
    writeFileSync(join(outer, 'app/migrations/script.py.mako'), '');
    git(outer, 'add', '-A');
    git(outer, 'commit', '-q', '-m', 'one');
    appendFileSync(join(outer, 'app/migrations/versions/a1_x.py'), '# edit\n');
    expect(changedMigrations(join(outer, 'app'), 'HEAD').modified).toEqual(['migrations/versions/a1_x.py']);
  });

  it('takes explicit version folders', () => {
    const root = releasedRepo();
    writeFileSync(join(root, 'migrations/versions/c1.py'), migration('c1', 'a3'));
    expect(changedMigrations(root, 'v1', { locations: [{ path: 'migrations/versions', recursive: false }] }).added).toEqual(['migrations/versions/c1.py']);
    expect(changedMigrations(root, 'v1', { locations: [{ path: 'elsewhere', recursive: false }] }).added).toEqual([]);
  });

  it('says clearly when it cannot answer: not a repository, unknown ref, a ref that looks like an option', () => {
    const plain = tempRepo({ 'migrations/versions/a1.py': migration('a1', null) });
    expect(changedMigrations(plain, 'main').diagnostics.map((d) => d.code)).toEqual(['git/not-a-repository']);
    const root = releasedRepo();
    const unknown = changedMigrations(root, 'origin/nope');
    expect(unknown.diagnostics).toEqual([
      expect.objectContaining({ code: 'git/unknown-ref', severity: 'error', path: null, message: expect.stringContaining('fetch-depth: 0') }),
    ]);
    expect(changedMigrations(root, '--output=/tmp/x').diagnostics.map((d) => d.code)).toEqual(['git/bad-ref']);
  });
});
