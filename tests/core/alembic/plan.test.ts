import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planEnvironment, type EnvironmentSpec } from '../../../src/core/alembic/environment.ts';
import { discoverSources } from '../../../src/core/discover/index.ts';
import { FolderListings } from '../../../src/core/fs/listing.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'lore-plan-'));
  made.push(root);
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), '"""x"""\nrevision = "x"\ndown_revision = None\n');
  }
  return root;
}

const spec = (root: string, locations: string[], recursive = false): EnvironmentSpec => ({
  name: 'default',
  path: '.',
  locations: locations.map((l) => join(root, l)),
  missingLocations: [],
  recursive,
  sourceless: false,
  root,
});

describe('planEnvironment paths', () => {
  it('shows a file reached through a linked folder at its real path, and the others as listed', () => {
    const root = tree(['db/versions/a.py', 'db/versions/notes.txt', 'db/versions/sub/s.py', 'db/versions/__pycache__/c.cpython-311.pyc']);
    symlinkSync(join(root, 'db/versions'), join(root, 'linked'));
    const plan = planEnvironment(spec(root, ['linked']), root);
    expect(plan.loads).toEqual([{ real: join(root, 'db/versions/a.py'), shown: 'db/versions/a.py' }]);
    expect(plan.ignoredFiles).toEqual(['linked/notes.txt']);
    expect(plan.diagnostics.map((d) => [d.code, d.path])).toEqual([['migration/sourceless-unsupported', 'linked/__pycache__/c.cpython-311.pyc']]);
    expect(plan.inputs.map((i) => [i.path, i.note])).toEqual([
      ['linked/notes.txt', 'not a migration file name'],
      ['linked/__pycache__/c.cpython-311.pyc', 'bytecode without source'],
      ['linked/sub/s.py', 'in a sub-folder: recursive_version_locations is off'],
    ]);
  });

  it('names files relative to the base, also below it, beside it and at its level', () => {
    const root = tree(['v/a.py', 'v/sub/b.py', 'w/c.py']);
    const inSub = planEnvironment(spec(root, ['v', 'w'], true), join(root, 'v/sub'));
    expect(inSub.loads.map((l) => l.shown)).toEqual(['../a.py', 'b.py', '../../w/c.py']);
    const atLocation = planEnvironment(spec(root, ['v'], true), join(root, 'v'));
    expect(atLocation.loads.map((l) => l.shown)).toEqual(['a.py', 'sub/b.py']);
  });

  it('resolves a symlinked file on its own', () => {
    const root = tree(['v/a.py', 'elsewhere/real.py']);
    symlinkSync(join(root, 'elsewhere/real.py'), join(root, 'v/b.py'));
    const plan = planEnvironment(spec(root, ['v']), root);
    expect(plan.loads).toEqual([
      { real: join(root, 'v/a.py'), shown: 'v/a.py' },
      { real: join(root, 'elsewhere/real.py'), shown: 'elsewhere/real.py' },
    ]);
  });
});

describe('listings shared across a run', () => {
  it('give the same plan as reading the folders afresh', () => {
    const root = tree(['migrations/versions/a.py', 'migrations/versions/b.py', 'migrations/versions/x.pyc', 'migrations/versions/sub/c.py', 'docs/adr/0001-x.md']);
    const fresh = discoverSources(root).sources.migrations.map((s) => planEnvironment(s, root));
    const listings = new FolderListings();
    const found = discoverSources(root, { listings });
    // A file added after discovery listed the folder: the scan uses that listing, so does not see it.
    writeFileSync(join(root, 'migrations/versions/c.py'), '');
    const shared = found.sources.migrations.map((s) => planEnvironment(s, root, listings));
    expect(shared).toEqual(fresh);
    expect(shared[0]!.loads.map((l) => l.shown)).toEqual(['migrations/versions/a.py', 'migrations/versions/b.py']);
    expect(planEnvironment(found.sources.migrations[0]!, root).loads).toHaveLength(3);
  });
});
