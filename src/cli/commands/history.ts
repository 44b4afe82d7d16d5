import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from './index.ts';
import type { Diagnostic } from '../../core/model.ts';
import {
  discoverEnvironments,
  environmentFromPath,
  isEnvFolder,
  placeVersionsFolder,
  versionsFolder,
  type EnvironmentGraph,
  type EnvironmentSpec,
} from '../../core/alembic/environment.ts';
import { verboseEntry } from '../../core/alembic/history.ts';
import { readEnvironmentAsync } from '../../core/alembic/parse-pool.ts';
import { paint, type Out } from '../output.ts';
import { UsageError } from '../usage.ts';

interface Read {
  graphs: { graph: EnvironmentGraph; base: string }[];
  diagnostics: { d: Diagnostic; base: string }[];
}

export const history: Command = {
  name: 'history',
  summary: 'print the Alembic revision history, newest first (like `alembic history`)',
  usage: 'lore history [path] [--json] [--recursive] [--verbose]',
  help: `Reads Alembic migrations statically (Python is never run) and prints what
\`alembic history\` prints: one line per revision, newest first.

path           a versions folder, an alembic.ini (or any ini with [alembic]), a folder
               holding alembic.ini, or a repository root (environments are discovered).
               Default: the current folder.
--json         print the graph as JSON (revisions, heads, bases, history, diagnostics, …)
--recursive    also read sub-folders of a versions folder (recursive_version_locations);
               discovered environments use their own setting
-v, --verbose  print the \`alembic history -v\` block per revision

Problems are printed on stderr as \`path:line: severity code: message\`. The exit code is 0
even when the graph has problems; 2 for bad usage or a path that does not exist.
`,
  options: {
    json: { type: 'boolean' },
    recursive: { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
  },
  async run(ctx) {
    if (ctx.positionals.length > 1) throw new UsageError('expected at most one path');
    const target = resolve(ctx.cwd, ctx.positionals[0] ?? '.');
    if (!existsSync(target)) {
      ctx.out.error(`lore history: ${ctx.positionals[0] ?? '.'} does not exist\n`);
      return 2;
    }
    const read = await readTarget(target, ctx.values.recursive === true);
    if (read === null) throw new UsageError(`${ctx.positionals[0]} is not a folder or an .ini file`);
    if (ctx.values.json === true) printJson(ctx.out, read);
    else printText(ctx.out, read, ctx.cwd, ctx.values.verbose === true);
    return 0;
  },
};

async function readTarget(target: string, recursive: boolean): Promise<Read | null> {
  const isFile = statSync(target).isFile();
  if (isFile && !target.endsWith('.ini')) return null;
  const dir = isFile ? dirname(target) : target;
  const root = repoRoot(dir) ?? dir;
  let specs: EnvironmentSpec[];
  let found: Diagnostic[];
  let foundBase = root;
  if (isFile || isConfigured(target)) {
    ({ environments: specs, diagnostics: found } = environmentFromPath(root, target, { recursive }));
  } else {
    ({ environments: specs, diagnostics: found } = discoverEnvironments(target));
    foundBase = target;
    if (specs.length === 0) {
      const folder = versionsFolder(target, { recursive, root });
      const graph = placeVersionsFolder(await readEnvironmentAsync(folder.spec, folder.base), folder);
      return { graphs: [{ graph, base: target }], diagnostics: found.map((d) => ({ d, base: foundBase })) };
    }
  }
  const graphs = [];
  for (const spec of specs) {
    // One location: paths relative to it, as `alembic` users see them; several: relative to the root.
    const base = spec.locations.length === 1 ? spec.locations[0]! : (spec.root ?? root);
    graphs.push({ graph: await readEnvironmentAsync(spec, base), base });
  }
  return { graphs, diagnostics: found.map((d) => ({ d, base: foundBase })) };
}

/** A folder that says which environment it is (rather than a versions folder or a repository). */
function isConfigured(dir: string): boolean {
  return existsSync(join(dir, 'alembic.ini')) || hasToolAlembic(join(dir, 'pyproject.toml')) || isEnvFolder(dir);
}

function hasToolAlembic(path: string): boolean {
  try {
    return /^[ \t]*\[tool\.alembic\]/m.test(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}

function repoRoot(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

function publicGraph(graph: EnvironmentGraph, extra: Diagnostic[] = []): object {
  const { inputs: _inputs, ...rest } = graph;
  return { ...rest, diagnostics: [...extra, ...rest.diagnostics] };
}

function printJson(out: Out, read: Read): void {
  const found = read.diagnostics.map((x) => x.d);
  const only = read.graphs.length === 1 ? read.graphs[0]! : null;
  const value = only ? publicGraph(only.graph, found) : { environments: read.graphs.map((g) => publicGraph(g.graph)), diagnostics: found };
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}

function printText(out: Out, read: Read, cwd: string, verbose: boolean): void {
  const several = read.graphs.length > 1;
  const problems = [...read.diagnostics];
  for (const { graph, base } of read.graphs) {
    if (several) out.write(`# ${graph.name}\n`);
    if (verbose) {
      for (const id of graph.history) {
        // the last file of a duplicated id is the one Alembic uses
        const owner = graph.revisions.findLast((x) => x.revision === id);
        if (owner) out.write(`${verboseEntry(owner)}\n`);
      }
    } else for (const line of graph.historyLines) out.write(`${line}\n`);
    for (const d of graph.diagnostics) problems.push({ d, base });
  }
  for (const { d, base } of problems) out.error(formatDiagnostic(out, d, base, cwd));
}

function formatDiagnostic(out: Out, d: Diagnostic, base: string, cwd: string): string {
  const colour = d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'cyan';
  const where = d.path === null ? toPosix(relative(cwd, base)) || '.' : toPosix(relative(cwd, join(base, d.path)));
  const line = d.line === null ? '' : `:${d.line}`;
  return `${where}${line}: ${paint(out, colour, d.severity)} ${d.code}: ${d.message}\n`;
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));
