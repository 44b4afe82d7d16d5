// Guide pages (content/docs): title and description from front matter, the body for the site.
import { readFileSync } from 'node:fs';
import { extname, sep } from 'node:path';
import type { Diagnostic, DocPage, InputFile } from '../model.ts';
import { frontMatterText, readFrontMatter } from '../markdown/frontmatter.ts';
import { scanMarkdown } from '../markdown/scan.ts';
import { tooDeepLines, tooDeepMessage } from '../markdown/nesting.ts';
import { decodeText } from '../text.ts';
import { repoPath, walkFiles } from '../fs/walk.ts';

export interface DocsResult {
  docs: DocPage[];
  inputs: InputFile[];
  diagnostics: Diagnostic[];
}

const skip = new Set(['node_modules', 'assets', 'images', 'img', 'media']);

/** `exclude`: absolute folders and files below `dir` that other readers own (ADR folders, rules); not guide pages. */
export function readDocs(root: string, dir: string, options: { exclude?: string[] } = {}): DocsResult {
  const out: DocsResult = { docs: [], inputs: [], diagnostics: [] };
  const walked = walkFiles(root, dir, { code: 'doc', skipDirs: skip });
  out.diagnostics.push(...walked.diagnostics);
  const excluded = (abs: string): boolean => (options.exclude ?? []).some((x) => abs === x || abs.startsWith(x.endsWith(sep) ? x : x + sep));
  for (const { abs, reason } of walked.skipped) {
    if (!excluded(abs)) out.inputs.push({ path: repoPath(root, abs), kind: 'doc', outcome: 'ignored', note: reason });
  }
  for (const abs of walked.files) {
    if (excluded(abs)) continue;
    const path = repoPath(root, abs);
    const ext = extname(abs).toLowerCase();
    if (ext !== '.md' && ext !== '.mdx' && ext !== '.markdown') {
      out.inputs.push({ path, kind: 'doc', outcome: 'ignored', note: 'not a markdown page' });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(abs);
    } catch (err) {
      out.diagnostics.push({ code: 'doc/unreadable', severity: 'error', path, line: null, message: `could not be read (${(err as NodeJS.ErrnoException).code}): check its permissions` });
      out.inputs.push({ path, kind: 'doc', outcome: 'error', note: 'unreadable' });
      continue;
    }
    const decoded = decodeText(bytes);
    if (decoded.problem === 'binary') {
      out.diagnostics.push({ code: 'doc/not-text', severity: 'error', path, line: null, message: 'is a binary file, not markdown: remove it or rename it' });
      out.inputs.push({ path, kind: 'doc', outcome: 'error', note: 'binary file' });
      continue;
    }
    if (decoded.problem === 'invalid-utf8') {
      out.diagnostics.push({ code: 'doc/encoding', severity: 'warning', path, line: decoded.problemLine, message: 'is not valid UTF-8: invalid bytes were replaced; save the file as UTF-8' });
    }
    const fm = readFrontMatter(decoded.text, path, 'doc/bad-front-matter');
    out.diagnostics.push(...fm.diagnostics);
    if (fm.body.trim() === '') {
      const line = fm.present ? fm.bodyLine - 1 : decoded.text === '' ? null : 1;
      out.diagnostics.push({ code: 'doc/empty', severity: 'warning', path, line, message: 'The page has no text; write it or delete the file.' });
    }
    const tooDeep = tooDeepMessage(tooDeepLines(fm.body).map((i) => i + fm.bodyLine), false);
    if (tooDeep) out.diagnostics.push({ code: 'doc/too-deep', severity: 'warning', path, ...tooDeep });
    const rel = repoPath(dir, abs);
    const slug = rel.slice(0, rel.length - ext.length);
    const h1 = scanMarkdown(fm.body).headings.find((h) => h.level === 1)?.text;
    const title = frontMatterText(fm.entries, 'title')?.value ?? h1 ?? slug.split('/').pop()!.replace(/[-_]+/g, ' ');
    const description = frontMatterText(fm.entries, 'description')?.value ?? null;
    out.docs.push({ path, slug, title, description, body: fm.body, bodyLine: fm.bodyLine });
    out.inputs.push({ path, kind: 'doc', outcome: 'read', note: `guide page "${title}"` });
  }
  return out;
}
