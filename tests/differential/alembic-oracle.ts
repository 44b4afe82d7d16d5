// Runs the real `alembic history` on a versions folder, in a throwaway Alembic environment.
//
// Debian's python3-alembic is 1.8.x, which loads revision files in os.listdir() order; 1.10+
// sorts them by name (alembic-format.md §3), and that order breaks ties in `alembic history`.
// The runner script therefore patches the directory listing to be sorted when the installed
// Alembic is older than 1.10, and otherwise leaves Alembic untouched.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Debian's python, which has python3-alembic (a pyenv `python3` on PATH may not).
// LORE_ALEMBIC_PYTHON overrides it, e.g. to try the skip/fail paths.
export const PYTHON = process.env.LORE_ALEMBIC_PYTHON ?? '/usr/bin/python3';

const RUNNER = `import os, sys
import alembic
from alembic.script import base

_version = tuple(int(p) for p in alembic.__version__.split(".")[:2])
if _version < (1, 10):
    _list = base.Script._list_py_dir.__func__

    def _sorted_list_py_dir(cls, scriptdir, path):
        return sorted(_list(cls, scriptdir, path))

    base.Script._list_py_dir = classmethod(_sorted_list_py_dir)

from alembic.config import main
main(argv=sys.argv[1:], prog="alembic")
`;

const ENV_PY = `from alembic import context

# history needs no database; this env is never run by it.
config = context.config
`;

const MAKO = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
Create Date: \${create_date}

"""
from alembic import op
import sqlalchemy as sa

revision = \${repr(up_revision)}
down_revision = \${repr(down_revision)}
branch_labels = \${repr(branch_labels)}
depends_on = \${repr(depends_on)}


def upgrade():
    \${upgrades if upgrades else "pass"}


def downgrade():
    \${downgrades if downgrades else "pass"}
`;

/** Null when Alembic can be imported, else the reason it cannot. */
export function alembicUnavailableReason(): string | null {
  try {
    execFileSync(PYTHON, ['-c', 'import alembic, sqlalchemy'], { stdio: 'pipe' });
    return null;
  } catch (err) {
    const e = err as { code?: string; stderr?: Buffer };
    if (e.code === 'ENOENT') return `${PYTHON} does not exist`;
    const last = String(e.stderr ?? '').trim().split('\n').pop() ?? '';
    return `${PYTHON} cannot import alembic/sqlalchemy${last === '' ? '' : ` (${last})`}`;
  }
}

export function alembicVersion(): string {
  return execFileSync(PYTHON, ['-c', 'import alembic; print(alembic.__version__)'], { encoding: 'utf8' }).trim();
}

export interface OracleResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Writes the environment for `versionsDir` into a new temp dir; returns the ini path and the dir. */
export function writeEnvironment(versionsDir: string): { ini: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lore-alembic-oracle-'));
  const scriptDir = join(dir, 'migrations');
  mkdirSync(scriptDir);
  writeFileSync(join(scriptDir, 'env.py'), ENV_PY);
  writeFileSync(join(scriptDir, 'script.py.mako'), MAKO);
  writeFileSync(join(dir, 'run_alembic.py'), RUNNER);
  const ini = join(dir, 'alembic.ini');
  writeFileSync(
    ini,
    [
      '[alembic]',
      `script_location = ${scriptDir}`,
      // "os" splits on the OS path separator only, so a space in the path is harmless.
      'version_path_separator = os',
      `version_locations = ${resolve(versionsDir)}`,
      '',
    ].join('\n'),
  );
  return { ini, dir };
}

/** Runs `alembic -c <ini> history` on `versionsDir`; never throws on a non-zero exit. */
export function runAlembicHistory(versionsDir: string): Promise<OracleResult> {
  const { ini, dir } = writeEnvironment(versionsDir);
  return new Promise((done) => {
    execFile(
      PYTHON,
      [join(dir, 'run_alembic.py'), '-c', ini, 'history'],
      {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1', PYTHONWARNINGS: 'ignore' },
      },
      (err, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        done({ stdout, stderr, exitCode: code });
      },
    );
  });
}

/** Alembic's history output, or an Error saying why Alembic failed. */
export async function alembicHistory(versionsDir: string): Promise<string> {
  const r = await runAlembicHistory(versionsDir);
  if (r.exitCode !== 0) {
    throw new Error(`alembic history failed (exit ${r.exitCode}) on ${versionsDir}:\n${r.stderr.trim()}`);
  }
  return r.stdout;
}
