// `lore new adr "Title"`: the next record of a folder, in the folder's naming scheme and format,
// and (with --supersedes) the old record marked superseded, linking both ways. Pure: it returns
// the edits; the caller writes them.
import { parseFileName, stemOf } from '../adr/filename.ts';
import { detectFormat, markSuperseded, renderAdr, type AdrFormat, type AdrLink } from './format.ts';
import { detectScheme, nextName, type NamingScheme } from './naming.ts';
import type { FileEdit } from './edits.ts';

export interface AdrFolder {
  /** Repo-relative folder ('' or '.' for the root). */
  dir: string;
  /** The files directly in the folder, with the text of the Markdown ones. */
  files: { name: string; text: string }[];
}

export interface NewAdrRequest {
  folder: AdrFolder;
  title: string;
  /** Today, `YYYY-MM-DD` (the caller reads the clock). */
  date: string;
  /** Overrides the detected format. */
  format?: AdrFormat;
  /** The record this one supersedes: its number (`8`, `0008`, `ADR-0008`) or its file name / id. */
  supersedes?: string;
}

export type NewAdrPlan =
  | { ok: true; path: string; number: number | null; format: AdrFormat; scheme: NamingScheme; edits: FileEdit[]; superseded: string | null }
  | { ok: false; error: string };

export function planNewAdr(req: NewAdrRequest): NewAdrPlan {
  const title = req.title.trim().replace(/\s+/g, ' ');
  if (title === '') return { ok: false, error: 'the title is empty: give the decision a short title, e.g. lore new adr "Use PostgreSQL"' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(req.date)) return { ok: false, error: `the date ${req.date} is not YYYY-MM-DD` };
  const names = req.folder.files.map((f) => f.name);
  const scheme = detectScheme(names);
  const format = req.format ?? detectFormat(req.folder.files);
  const next = nextName(scheme, names, title, req.date);
  const join = (name: string): string => (req.folder.dir === '' || req.folder.dir === '.' ? name : `${req.folder.dir}/${name}`);
  const newLink: AdrLink = { label: label(next.number, scheme), file: next.name, title, id: stemOf(next.name) };

  const edits: FileEdit[] = [];
  let supersedes: AdrLink | null = null;
  let superseded: string | null = null;
  if (req.supersedes !== undefined) {
    const old = findRecord(req.folder.files, req.supersedes);
    if (old === null) return { ok: false, error: `no record in ${req.folder.dir || '.'} matches --supersedes ${req.supersedes}: give its number or its file name` };
    const oldNumber = parseFileName(stemOf(old.name)).number;
    supersedes = { label: label(oldNumber, scheme), file: old.name, title: titleOf(old.text) ?? stemOf(old.name), id: stemOf(old.name) };
    superseded = join(old.name);
    edits.push({ path: superseded, content: markSuperseded(old.text, newLink, format), create: false });
  }
  const content = renderAdr(format, { title, number: next.number, date: req.date, status: 'proposed', supersedes });
  edits.unshift({ path: join(next.name), content, create: true });
  return { ok: true, path: join(next.name), number: next.number, format, scheme, edits, superseded };
}

/** `ADR-0008` in the folder's width (at least 4 digits, as the demo writes them), or null without a number. */
function label(n: number | null, scheme: NamingScheme): string | null {
  if (n === null) return null;
  const width = scheme.kind === 'number' ? Math.max(scheme.width, 4) : 4;
  return `ADR-${String(n).padStart(width, '0')}`;
}

function findRecord(files: { name: string; text: string }[], wanted: string): { name: string; text: string } | null {
  const w = wanted.trim();
  const number = /^(?:adr[-_ ]?)?(\d+)$/i.exec(w);
  if (number) {
    const n = Number(number[1]);
    return files.find((f) => parseFileName(stemOf(f.name)).number === n) ?? null;
  }
  const base = w.replace(/^.*\//, '');
  return files.find((f) => f.name === base || stemOf(f.name) === base || stemOf(f.name) === stemOf(base)) ?? null;
}

function titleOf(text: string): string | null {
  const fmTitle = /^---[\s\S]*?^title:[ \t]*["']?(.+?)["']?[ \t]*$[\s\S]*?^---/m.exec(text);
  if (fmTitle) return fmTitle[1]!;
  const h1 = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text);
  return h1 ? h1[1]!.replace(/^(?:adr[-_ ]?\d+[a-z]?\s*[:.\-–—]\s*|\d+[a-z]?\.\s+)/i, '') : null;
}
