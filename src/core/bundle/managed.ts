// Writing into files a person owns: only the `<!-- lore:begin -->` … `<!-- lore:end -->` block is
// Lore's; every byte outside it is kept. A file that starts with Lore's header is Lore's whole.
import { isGenerated } from './digest.ts';

export const BEGIN_MARKER = '<!-- lore:begin -->';
export const END_MARKER = '<!-- lore:end -->';

export class ManagedBlockError extends Error {
  override name = 'ManagedBlockError';
}

interface Marker {
  /** Offset of the line start. */
  start: number;
  /** Offset just after the line's newline (or the end of the text). */
  end: number;
  kind: 'begin' | 'end';
}

function markers(text: string): Marker[] {
  const out: Marker[] = [];
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(at, lineEnd).replace(/\r$/, '').trim();
    if (line === BEGIN_MARKER) out.push({ start: at, end: nl < 0 ? text.length : nl + 1, kind: 'begin' });
    else if (line === END_MARKER) out.push({ start: at, end: nl < 0 ? text.length : nl + 1, kind: 'end' });
    if (nl < 0) break;
    at = nl + 1;
  }
  return out;
}

/** Why the markers of a hand-written file cannot be used, or null when they are fine (or absent). */
export function managedBlockProblem(existing: string): string | null {
  const m = markers(existing);
  if (m.length === 0) return null;
  if (m.length !== 2 || m[0]!.kind !== 'begin' || m[1]!.kind !== 'end') {
    const begins = m.filter((x) => x.kind === 'begin').length;
    const ends = m.length - begins;
    return `expected one ${BEGIN_MARKER} line followed by one ${END_MARKER} line, found ${begins} begin and ${ends} end marker${ends === 1 ? '' : 's'}: fix the markers by hand, then run lore bundle again`;
  }
  return null;
}

/**
 * The file content after writing `generated`:
 * - no file, or a file that starts with Lore's header: `generated` as is;
 * - a hand-written file with a managed block: the block's inside replaced;
 * - a hand-written file without one: a block appended after a blank line.
 * Throws ManagedBlockError when the markers are unbalanced (nothing is safe to replace).
 */
export function applyBundle(existing: string | null, generated: string): string {
  if (existing === null || isGenerated(existing)) return generated;
  const problem = managedBlockProblem(existing);
  if (problem) throw new ManagedBlockError(problem);
  const crlf = /\r\n/.test(existing);
  const body = crlf ? generated.replace(/\r?\n/g, '\r\n') : generated;
  const nl = crlf ? '\r\n' : '\n';
  const m = markers(existing);
  if (m.length === 2) {
    const [begin, end] = m as [Marker, Marker];
    // The begin marker's line may be the file's last without a newline only if the end is missing, so `begin.end` ends in a newline here.
    return existing.slice(0, begin.end) + body + existing.slice(end.start);
  }
  const sep = existing === '' ? '' : existing.endsWith('\n') ? nl : `${nl}${nl}`;
  return `${existing}${sep}${BEGIN_MARKER}${nl}${body}${END_MARKER}${nl}`;
}

/** The generated text inside a file's managed block, or the whole file when Lore owns it. */
export function managedContent(existing: string): string | null {
  if (isGenerated(existing)) return existing;
  const m = markers(existing);
  if (m.length !== 2 || m[0]!.kind !== 'begin' || m[1]!.kind !== 'end') return null;
  return existing.slice(m[0]!.end, m[1]!.start);
}
