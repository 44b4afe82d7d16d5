// Turning the bytes of a markdown/config file into text, the same way for every reader.

export interface DecodedText {
  /** Text with a leading BOM removed and CRLF / lone CR turned into LF. */
  text: string;
  /** Why the bytes are not usable text, or null. */
  problem: 'binary' | 'invalid-utf8' | null;
  /** 1-based line of the first invalid byte sequence, when `problem` is `invalid-utf8`. */
  problemLine: number | null;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decodes UTF-8 markdown. Invalid sequences become U+FFFD and are reported, never thrown. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { text: '', problem: 'binary', problemLine: null };
  try {
    return { text: normalizeNewlines(strict.decode(bytes)), problem: null, problemLine: null };
  } catch {
    const text = normalizeNewlines(lenient.decode(bytes));
    const bad = text.indexOf('\uFFFD');
    const line = bad < 0 ? null : lineAt(text, bad);
    return { text, problem: 'invalid-utf8', problemLine: line };
  }
}

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** 1-based line number of a string offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Lower-case, ASCII-only slug used for ids and anchors (`Table names: plural!` → `table-names-plural`). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Code-point order, independent of locale (what every sorted list in the model uses). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Below the surrogates, UTF-16 units order as the code points do.
    if (x < 0xd800 && y < 0xd800) return x - y;
    return byCodePoints(a, b);
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function byCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}
