// Reading rules files from disk: collecting the markdown files of the targets, parsing each,
// and making rule ids unique across files.

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic, InputFile, RuleFile } from '../model.ts';
import { compareCodePoints, decodeText } from '../text.ts';
import type { RuleOrigin } from './extract.ts';
import { resolveIds } from './ids.ts';
import { parseRulesDocument } from './parse.ts';

export interface ReadRulesResult {
  files: RuleFile[];
  inputs: InputFile[];
  diagnostics: Diagnostic[];
}

const MARKDOWN = /\.(md|markdown)$/i;
const SKIPPED_NAMES: Record<string, string> = { readme: 'README file', index: 'index file', _index: 'index file' };

interface Collector {
  root: string;
  realRoot: string;
  /** Files to read, by repo-relative path. */
  files: Map<string, string>;
  inputs: Map<string, InputFile>;
  diagnostics: Diagnostic[];
  visitedDirs: Set<string>;
}

/** `root` is the absolute repo root; `targets` are absolute files or folders. */
export function readRules(root: string, targets: string[]): ReadRulesResult {
  const absRoot = resolve(root);
  const c: Collector = {
    root: absRoot,
    realRoot: realOr(absRoot),
    files: new Map(),
    inputs: new Map(),
    diagnostics: [],
    visitedDirs: new Set(),
  };
  for (const target of targets) collectTarget(c, resolve(absRoot, target));

  const parsed: { file: RuleFile; origins: RuleOrigin[] }[] = [];
  const paths = [...c.files.keys()].sort(compareCodePoints);
  for (const path of paths) {
    const result = readOne(c, path, c.files.get(path)!);
    if (result) parsed.push(result);
  }

  // Ids are unique within each file already; now across files (the earlier path keeps its id).
  const claims = parsed.flatMap(({ file, origins }) =>
    file.rules.map((rule, i) => ({ id: rule.id, origin: origins[i] ?? 'derived', label: rule.label, path: file.path, line: rule.line })),
  );
  const { ids, diagnostics } = resolveIds(claims, true);
  c.diagnostics.push(...diagnostics);
  let next = 0;
  const files = parsed.map(({ file }) => ({ ...file, rules: file.rules.map((rule) => ({ ...rule, id: ids[next++]! })) }));

  const inputs = [...c.inputs.values()].sort((a, b) => compareCodePoints(a.path, b.path));
  return { files, inputs, diagnostics: c.diagnostics };
}

function readOne(c: Collector, path: string, abs: string): { file: RuleFile; origins: RuleOrigin[] } | null {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    fail(c, path, 'rules/unreadable', null, `Cannot read the rules file (${errorCode(e)}); check that it exists and is readable.`, 'unreadable');
    return null;
  }
  const decoded = decodeText(bytes);
  if (decoded.problem === 'binary') {
    fail(c, path, 'rules/binary', null, 'This is a binary file, not markdown; remove it from the rules folder or point Lore elsewhere.', 'binary file');
    return null;
  }
  if (decoded.problem === 'invalid-utf8') {
    c.diagnostics.push({
      code: 'rules/invalid-utf8',
      severity: 'warning',
      path,
      line: decoded.problemLine,
      message: 'The file is not valid UTF-8 (the bad bytes are shown as �); save it as UTF-8.',
    });
  }
  const { file, diagnostics, origins } = parseRulesDocument(decoded.text, path);
  c.diagnostics.push(...diagnostics);
  const n = file.rules.length;
  c.inputs.set(path, { path, kind: 'rules', outcome: 'read', note: `${n} rule${n === 1 ? '' : 's'}` });
  return { file, origins };
}

function collectTarget(c: Collector, abs: string): void {
  const path = toRelative(c, abs);
  if (path === null) {
    c.diagnostics.push({
      code: 'rules/outside-root',
      severity: 'error',
      path: null,
      line: null,
      message: `Rules target ${abs} is outside the repository; move the rules into the repository or fix the path.`,
    });
    return;
  }
  let link = false;
  try {
    link = lstatSync(abs).isSymbolicLink();
  } catch {
    c.diagnostics.push({ code: 'rules/missing', severity: 'error', path, line: null, message: `Rules target ${path} does not exist; fix the path in the configuration.` });
    return;
  }
  const place = link ? linkTarget(c, abs) : 'inside';
  if (place === 'outside') {
    ignore(c, path, 'symlink outside the repository');
    c.diagnostics.push({ code: 'rules/outside-root', severity: 'warning', path, line: null, message: `${path} links outside the repository and is not read; copy the rules into the repository.` });
    return;
  }
  if (place === 'broken') {
    c.diagnostics.push({ code: 'rules/missing', severity: 'error', path, line: null, message: `Rules target ${path} is a broken symlink; fix the link or the configured path.` });
    return;
  }
  visitPath(c, abs, path, true);
}

function visitPath(c: Collector, abs: string, path: string, explicit: boolean): void {
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch (e) {
    fail(c, path, 'rules/unreadable', null, `Cannot read ${path} (${errorCode(e)}); check the path and its permissions.`, 'unreadable');
    return;
  }
  if (isDir) {
    walk(c, abs, path);
    return;
  }
  if (!explicit) {
    if (!MARKDOWN.test(path)) return;
    const name = (path.split('/').pop() ?? '').replace(MARKDOWN, '').toLowerCase();
    const skipped = SKIPPED_NAMES[name];
    if (skipped !== undefined) {
      ignore(c, path, skipped);
      return;
    }
  }
  c.files.set(path, abs);
}

function walk(c: Collector, dir: string, path: string): void {
  const real = realOr(dir);
  if (c.visitedDirs.has(real)) return;
  c.visitedDirs.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort(compareCodePoints);
  } catch (e) {
    c.diagnostics.push({ code: 'rules/unreadable', severity: 'error', path, line: null, message: `Cannot list the folder ${path} (${errorCode(e)}); check its permissions.` });
    return;
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const abs = join(dir, name);
    const child = path === '' ? name : `${path}/${name}`;
    let link = false;
    try {
      link = lstatSync(abs).isSymbolicLink();
    } catch {
      continue; // vanished while listing
    }
    const place = link ? linkTarget(c, abs) : 'inside';
    if (place !== 'inside') {
      if (MARKDOWN.test(name)) ignore(c, child, place === 'broken' ? 'broken symlink' : 'symlink outside the repository');
      continue;
    }
    visitPath(c, abs, child, false);
  }
}

function toRelative(c: Collector, abs: string): string | null {
  const rel = relative(c.root, abs);
  return within(rel) ? rel.split(sep).join('/') : null;
}

/** Where a symlink leads: inside the (real) repository root, outside it, or nowhere. */
function linkTarget(c: Collector, abs: string): 'inside' | 'outside' | 'broken' {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return 'broken';
  }
  return within(relative(c.realRoot, real)) ? 'inside' : 'outside';
}

function within(rel: string): boolean {
  return rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}

function realOr(abs: string): string {
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}

function ignore(c: Collector, path: string, note: string): void {
  if (!c.inputs.has(path)) c.inputs.set(path, { path, kind: 'rules', outcome: 'ignored', note });
}

function fail(c: Collector, path: string, code: string, line: number | null, message: string, note: string): void {
  c.diagnostics.push({ code, severity: 'error', path, line, message });
  c.inputs.set(path, { path, kind: 'rules', outcome: 'error', note });
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
