// Decoding a Python source file's bytes the way CPython does (spec §4.1): UTF-8 BOM, PEP 263
// encoding cookie on line 1 or 2, UTF-8 by default, then CRLF / CR → LF.

import { normalizeNewlines } from '../text.ts';

export interface DecodedSource {
  /** Decoded text with newlines normalised; '' when `problem` is set. */
  text: string;
  /** Canonical encoding name used (`utf-8`, `iso-8859-1`, …). */
  encoding: string;
  /** Why Python would refuse the file, or null. */
  problem: string | null;
  /** 1-based line of the problem, when known. */
  problemLine: number | null;
}

// Python's cookie regex, applied to a line that starts with optional whitespace and `#`.
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:[#\r\n]|$)/;

/** Decodes Python source bytes; never throws. */
export function decodePythonSource(bytes: Uint8Array): DecodedSource {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const cookie = findCookie(body);
  let encoding = 'utf-8';
  if (cookie) {
    const name = canonicalEncoding(cookie.name);
    if (name === null) return failure(cookie.name, `unknown encoding "${cookie.name}" in the coding declaration`, cookie.line);
    if (hasBom && name !== 'utf-8') {
      return failure(name, `the file starts with a UTF-8 byte-order mark but declares "${cookie.name}"`, cookie.line);
    }
    encoding = name;
  }
  const nul = body.indexOf(0);
  if (nul >= 0) return failure(encoding, 'the file contains NUL bytes', byteLine(body, nul));
  const decoded = decodeWith(encoding, body);
  if (typeof decoded === 'number') {
    return failure(encoding, `bytes that are not valid ${encoding}`, byteLine(body, decoded));
  }
  return { text: normalizeNewlines(decoded), encoding, problem: null, problemLine: null };
}

function failure(encoding: string, problem: string, line: number | null): DecodedSource {
  return { text: '', encoding, problem, problemLine: line };
}

function findCookie(bytes: Uint8Array): { name: string; line: number } | null {
  const first = asciiLine(bytes, 0);
  const m1 = COOKIE.exec(first.text);
  if (m1) return { name: m1[1]!, line: 1 };
  if (!BLANK_OR_COMMENT.test(first.text) || first.next < 0) return null;
  const m2 = COOKIE.exec(asciiLine(bytes, first.next).text);
  return m2 ? { name: m2[1]!, line: 2 } : null;
}

/** One physical line as a byte-per-char string (only ASCII matters for the cookie). */
function asciiLine(bytes: Uint8Array, start: number): { text: string; next: number } {
  let end = start;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  let next = -1;
  if (end < bytes.length) next = bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? end + 2 : end + 1;
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return { text, next };
}

function byteLine(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** Python's codec name normalisation for the encodings lore decodes; null when unknown. */
export function canonicalEncoding(label: string): string | null {
  const name = label.toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name.startsWith('utf-8-') || /^(utf8|u8|utf|cp65001)$/.test(name)) return 'utf-8';
  if (/^(latin-1|iso-8859-1|iso-latin-1)(-|$)/.test(name)) return 'iso-8859-1';
  if (/^(latin1|iso8859-1|iso8859|l1|8859|cp819|ibm819|latin|iso-ir-100|csisolatin1)$/.test(name)) return 'iso-8859-1';
  if (/^(iso-?8859-15|latin-?9|l9)$/.test(name)) return 'iso-8859-15';
  if (/^(cp1252|windows-1252|1252)$/.test(name)) return 'cp1252';
  if (/^(ascii|us-ascii|646|ansi-x3\.4-1968|iso646-us)$/.test(name)) return 'ascii';
  return null;
}

// Python's cp1252 leaves these five bytes undefined (WHATWG maps them to C1 controls).
const CP1252_HIGH = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

// ISO-8859-15 differs from ISO-8859-1 in eight positions.
const LATIN9: Record<number, number> = {
  0xa4: 0x20ac,
  0xa6: 0x0160,
  0xa8: 0x0161,
  0xb4: 0x017d,
  0xb8: 0x017e,
  0xbc: 0x0152,
  0xbd: 0x0153,
  0xbe: 0x0178,
};

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The decoded string, or the byte offset of the first byte that cannot be decoded. */
function decodeWith(encoding: string, bytes: Uint8Array): string | number {
  if (encoding === 'utf-8') {
    try {
      return utf8.decode(bytes);
    } catch {
      return firstInvalidUtf8(bytes);
    }
  }
  const codes: number[] = [];
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    let code = b;
    if (encoding === 'ascii' && b >= 0x80) return i;
    if (encoding === 'cp1252' && b >= 0x80 && b <= 0x9f) code = CP1252_HIGH[b - 0x80]!;
    if (encoding === 'iso-8859-15') code = LATIN9[b] ?? b;
    if (code < 0) return i;
    codes.push(code);
    if (codes.length >= 8192) {
      out += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return out + String.fromCharCode(...codes);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return 0;
}
