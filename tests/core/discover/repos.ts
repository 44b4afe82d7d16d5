// The fixture repositories (tests/fixtures/repos/), and temporary repositories for one test.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOS = fileURLToPath(new URL('../../fixtures/repos/', import.meta.url));
export const repoPath = (name: string): string => join(REPOS, name);

const made: string[] = [];

/** A copy of a fixture repository in a temporary folder (to write into). */
export function copyRepo(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lore-${name}-`));
  made.push(dir);
  cpSync(repoPath(name), dir, { recursive: true });
  return dir;
}

/** A temporary repository; keys ending in `/` are empty folders. */
export function tempRepo(files: Record<string, string>, prefix = 'lore-repo-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    const abs = join(dir, path);
    if (path.endsWith('/')) mkdirSync(abs, { recursive: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  return dir;
}

export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const migration = (rev: string, down: string | null, body = `    op.create_table('t_${rev}', sa.Column('id', sa.Integer(), primary_key=True))`): string =>
  `"""step ${rev}\n\nRevision ID: ${rev}\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = '${rev}'\ndown_revision = ${down === null ? 'None' : `'${down}'`}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n${body}\n\n\ndef downgrade():\n    op.drop_table('t_${rev}')\n`;
