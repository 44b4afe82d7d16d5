// Walks an ADR root (rule 1), reads and decodes each candidate, parses it, and reports
// what happened to every file. Never throws on unreadable or odd files.

import { cachedParse, type ParseCache } from '../parse-cache.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { Adr, Diagnostic, InputFile } from '../model.ts';
import { compareCodePoints, decodeText } from '../text.ts';
import { classifyAdrPath, isSkippedFolder, parseFileName, stemOf } from './filename.ts';
import { parseAdr } from './parse.ts';
import { markdownRefs, rememberBodyRefs } from '../refs.ts';

export interface AdrDirectory {
  adrs: Adr[];
  /** Markdown files skipped by name (rule 1), relative to the ADR root, sorted. */
  notAdrs: string[];
  inputs: InputFile[];
  diagnostics: Diagnostic[];
}

export interface ReadAdrOptions {
  /** Group of the folder's records ('' for the main ADR root). */
  group?: string;
  /**
   * Keep sub-folders that hold numbered records as groups of their own (per-package ADRs): their
   * records get the group `<group>/<sub-folder>` and paths/ids relative to that sub-folder, so
   * each group numbers from 1 without clashing. Ids stay path-derived.
   */
  subgroups?: boolean;
  /** Parse results of earlier runs (keyed by content); fresh ones are added. */
  cache?: ParseCache | null;
}

/** A record whose file name carries a number or a date prefix (`0004-x.md`, `20240102-x.md`). */
export function isNumberedRecord(name: string): boolean {
  if (classifyAdrPath(name).outcome !== 'adr') return false;
  const info = parseFileName(stemOf(name));
  return info.number !== null || info.datePrefix !== null;
}

export function readAdrDirectory(root: string, dir: string, opts: ReadAdrOptions = {}): AdrDirectory {
  const group = opts.group ?? '';
  const result: AdrDirectory = { adrs: [], notAdrs: [], inputs: [], diagnostics: [] };
  const numberLines = new Map<Adr, number | null>();
  const repoPath = (abs: string): string => path.relative(root, abs).split(path.sep).join('/');
  const problem = (code: string, severity: Diagnostic['severity'], abs: string, line: number | null, message: string): void => {
    result.diagnostics.push({ code, severity, path: repoPath(abs), line, message });
  };
  const realRoot = realpath(root) ?? path.resolve(root);
  const insideRoot = (real: string): boolean => real === realRoot || real.startsWith(realRoot + path.sep);

  const rootReal = realpath(dir);
  if (rootReal === null || !isDirectory(dir)) {
    problem('adr/missing-directory', 'error', dir, null, 'The ADR folder does not exist or is not a folder; fix the configured path.');
    return result;
  }
  const visited = new Set<string>([rootReal]);

  const readFile = (abs: string, rel: string, groupRel: string): void => {
    const file = repoPath(abs);
    const { outcome, reason } = classifyAdrPath(rel);
    if (outcome === 'ignored') {
      result.inputs.push({ path: file, kind: 'other', outcome: 'ignored', note: reason });
      return;
    }
    if (outcome === 'not-an-adr') {
      result.notAdrs.push(rel);
      result.inputs.push({ path: file, kind: 'adr', outcome: 'not-an-adr', note: reason });
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(abs);
    } catch (error) {
      problem('adr/unreadable', 'error', abs, null, `Cannot read this file (${errorCode(error)}); check its permissions.`);
      result.inputs.push({ path: file, kind: 'adr', outcome: 'error', note: 'unreadable' });
      return;
    }
    const decoded = decodeText(bytes);
    if (decoded.problem === 'binary') {
      problem('adr/binary-file', 'error', abs, null, 'This .md file holds binary data, not text; replace it or move it out of the ADR folder.');
      result.inputs.push({ path: file, kind: 'adr', outcome: 'error', note: 'binary file' });
      return;
    }
    if (decoded.problem === 'invalid-utf8') {
      problem(
        'adr/invalid-utf8',
        'warning',
        abs,
        decoded.problemLine,
        'This file is not valid UTF-8; invalid bytes were replaced with U+FFFD. Re-save it as UTF-8.',
      );
    }
    const inGroup = groupRel === '' ? rel : rel.slice(groupRel.length + 1);
    const fullGroup = groupRel === '' ? group : group === '' ? groupRel : `${group}/${groupRel}`;
    const options = { path: inGroup, file, group: fullGroup };
    // The body's references are worked out (and cached) with the parse: linking needs them on every run.
    const parsed = cachedParse(opts.cache ?? null, 'adr', decoded.text, [options], () => {
      const fresh = parseAdr(decoded.text, options);
      return { ...fresh, refs: markdownRefs(fresh.adr.body, fresh.adr.bodyLine) };
    });
    rememberBodyRefs(parsed.adr, parsed.refs);
    if (groupRel !== '') relinkAcrossGroups(parsed.adr, fullGroup);
    result.adrs.push(parsed.adr);
    numberLines.set(parsed.adr, parsed.numberLine);
    result.diagnostics.push(...parsed.diagnostics);
    const note = parsed.adr.number === null ? 'ADR' : `ADR ${parsed.adr.number}`;
    result.inputs.push({ path: file, kind: 'adr', outcome: 'read', note });
  };

  const walk = (absDir: string, relDir: string, parentGroup: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      problem('adr/unreadable', 'error', absDir, null, `Cannot list this folder (${errorCode(error)}); check its permissions.`);
      return;
    }
    entries.sort((a, b) => compareCodePoints(a.name, b.name));
    const groupRel = opts.subgroups && relDir !== '' && entries.some((e) => !e.isDirectory() && isNumberedRecord(e.name)) ? relDir : parentGroup;
    for (const entry of entries) {
      const abs = path.join(absDir, entry.name);
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      // Emacs lock files (`.#name`, usually dangling symbolic links) come and go while editing.
      if (entry.name.startsWith('.#')) {
        result.inputs.push({ path: repoPath(abs), kind: 'other', outcome: 'ignored', note: 'editor lock file' });
        continue;
      }
      if (entry.isSymbolicLink()) {
        const real = realpath(abs);
        if (real === null) {
          problem('adr/broken-link', 'info', abs, null, 'This symbolic link points nowhere; it was skipped.');
          continue;
        }
        if (!insideRoot(real)) {
          problem('adr/link-outside-repo', 'info', abs, null, 'This symbolic link leads outside the repository; it was not followed.');
          continue;
        }
        isDir = isDirectory(abs);
        isFile = !isDir && isRegularFile(abs);
      }
      if (isDir) {
        if (isSkippedFolder(entry.name)) {
          const why = entry.name.startsWith('.') ? 'hidden folder' : `${entry.name}/ folder`;
          result.inputs.push({ path: repoPath(abs), kind: 'other', outcome: 'ignored', note: `${why}, not read` });
          continue;
        }
        const real = realpath(abs);
        if (real === null) continue;
        if (visited.has(real)) {
          problem('adr/link-loop', 'info', abs, null, 'This folder was already read through another path (symbolic link loop); it was skipped.');
          continue;
        }
        visited.add(real);
        walk(abs, rel, groupRel);
      } else if (isFile) {
        readFile(abs, rel, groupRel);
      } else {
        result.inputs.push({ path: repoPath(abs), kind: 'other', outcome: 'ignored', note: 'not a regular file' });
      }
    }
  };
  walk(dir, '', '');

  result.adrs.sort((a, b) => compareCodePoints(a.file, b.file));
  result.notAdrs.sort(compareCodePoints);
  result.inputs.sort((a, b) => compareCodePoints(a.path, b.path));
  result.diagnostics.push(...duplicateNumbers(result.adrs, numberLines));
  return result;
}

/**
 * A grouped record's relative link that leaves its group (`../0001-x.md`) names a record of an
 * outer group: rewrite it to that record's grouped id (`0001-x`, or `outer/0001-x`).
 */
function relinkAcrossGroups(adr: Adr, fullGroup: string): void {
  const fix = (ids: string[]): string[] => ids.map((id) => (id.startsWith('../') ? path.posix.normalize(`${fullGroup}/${id}`) : id));
  adr.supersedes = fix(adr.supersedes);
  adr.supersededBy = fix(adr.supersededBy);
  adr.amends = fix(adr.amends);
  adr.amendedBy = fix(adr.amendedBy);
}

function duplicateNumbers(adrs: Adr[], numberLines: Map<Adr, number | null>): Diagnostic[] {
  // Numbers only clash within a group (each package numbers its own records).
  const key = (adr: Adr): string => `${adr.group}\u0000${adr.number}`;
  const byNumber = new Map<string, Adr[]>();
  for (const adr of adrs) {
    if (adr.number === null) continue;
    const list = byNumber.get(key(adr)) ?? [];
    list.push(adr);
    byNumber.set(key(adr), list);
  }
  const diagnostics: Diagnostic[] = [];
  for (const adr of adrs) {
    const same = adr.number === null ? [] : (byNumber.get(key(adr)) ?? []);
    if (same.length < 2) continue;
    const others = same.filter((a) => a !== adr).map((a) => a.path);
    diagnostics.push({
      code: 'adr/duplicate-number',
      severity: 'warning',
      path: adr.file,
      line: numberLines.get(adr) ?? null,
      message: `ADR number ${adr.number} is also used by ${others.join(', ')}; give each record its own number.`,
    });
  }
  return diagnostics;
}

function realpath(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isRegularFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
