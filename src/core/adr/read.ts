// Walks an ADR root (rule 1), reads and decodes each candidate, parses it, and reports
// what happened to every file. Never throws on unreadable or odd files.

import fs from 'node:fs';
import path from 'node:path';
import type { Adr, Diagnostic, InputFile } from '../model.ts';
import { compareCodePoints, decodeText } from '../text.ts';
import { classifyAdrPath, isSkippedFolder } from './filename.ts';
import { parseAdr } from './parse.ts';

export interface AdrDirectory {
  adrs: Adr[];
  /** Markdown files skipped by name (rule 1), relative to the ADR root, sorted. */
  notAdrs: string[];
  inputs: InputFile[];
  diagnostics: Diagnostic[];
}

export function readAdrDirectory(root: string, dir: string, opts: { group?: string } = {}): AdrDirectory {
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

  const readFile = (abs: string, rel: string): void => {
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
    const parsed = parseAdr(decoded.text, { path: rel, file, group });
    result.adrs.push(parsed.adr);
    numberLines.set(parsed.adr, parsed.numberLine);
    result.diagnostics.push(...parsed.diagnostics);
    const note = parsed.adr.number === null ? 'ADR' : `ADR ${parsed.adr.number}`;
    result.inputs.push({ path: file, kind: 'adr', outcome: 'read', note });
  };

  const walk = (absDir: string, relDir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      problem('adr/unreadable', 'error', absDir, null, `Cannot list this folder (${errorCode(error)}); check its permissions.`);
      return;
    }
    entries.sort((a, b) => compareCodePoints(a.name, b.name));
    for (const entry of entries) {
      const abs = path.join(absDir, entry.name);
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
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
        if (isSkippedFolder(entry.name)) continue;
        const real = realpath(abs);
        if (real === null) continue;
        if (visited.has(real)) {
          problem('adr/link-loop', 'info', abs, null, 'This folder was already read through another path (symbolic link loop); it was skipped.');
          continue;
        }
        visited.add(real);
        walk(abs, rel);
      } else if (isFile) {
        readFile(abs, rel);
      }
    }
  };
  walk(dir, '');

  result.adrs.sort((a, b) => compareCodePoints(a.path, b.path));
  result.notAdrs.sort(compareCodePoints);
  result.inputs.sort((a, b) => compareCodePoints(a.path, b.path));
  result.diagnostics.push(...duplicateNumbers(result.adrs, numberLines));
  return result;
}

function duplicateNumbers(adrs: Adr[], numberLines: Map<Adr, number | null>): Diagnostic[] {
  const byNumber = new Map<number, Adr[]>();
  for (const adr of adrs) {
    if (adr.number === null) continue;
    const list = byNumber.get(adr.number) ?? [];
    list.push(adr);
    byNumber.set(adr.number, list);
  }
  const diagnostics: Diagnostic[] = [];
  for (const adr of adrs) {
    const same = adr.number === null ? [] : (byNumber.get(adr.number) ?? []);
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
