// Python string literals: splitting a literal's source into prefix/quote/body, decoding the
// escapes the way CPython does for `str` literals, and Python's `str.strip()` whitespace set.

export interface StringLiteralParts {
  /** Prefix letters, lower-cased (`''`, `r`, `u`, `b`, `rb`, `f`, `fr`, …). */
  prefix: string;
  raw: boolean;
  bytes: boolean;
  format: boolean;
  /** `'`, `"`, `'''` or `"""`. */
  quote: string;
  /** Text between the quotes, undecoded. */
  body: string;
  /** false when the closing quote is missing (a syntax error in Python). */
  terminated: boolean;
}

/** Splits the source text of one literal (`rb'…'`, `"""…"""`); null when it is not a literal. */
export function splitStringLiteral(source: string): StringLiteralParts | null {
  let i = 0;
  while (i < source.length && /[a-zA-Z]/.test(source[i]!)) i++;
  const prefix = source.slice(0, i).toLowerCase();
  if (!/^(|r|u|b|f|t|rb|br|fr|rf|tr|rt)$/.test(prefix)) return null;
  const q = source[i];
  if (q !== '"' && q !== "'") return null;
  const quote = source.startsWith(q.repeat(3), i) ? q.repeat(3) : q;
  const start = i + quote.length;
  const end = findClosingQuote(source, start, quote);
  const terminated = end >= 0;
  const body = terminated ? source.slice(start, end) : source.slice(start);
  return {
    prefix,
    raw: prefix.includes('r'),
    bytes: prefix.includes('b'),
    format: prefix.includes('f') || prefix.includes('t'),
    quote,
    body,
    terminated,
  };
}

function findClosingQuote(source: string, from: number, quote: string): number {
  for (let i = from; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++; // a backslash always protects the next character, even in raw strings
      continue;
    }
    if (quote.length === 1 && ch === '\n') return -1;
    if (source.startsWith(quote, i)) return i;
  }
  return -1;
}

/**
 * The `str` value of one literal, or null when the literal is not a plain/raw/unicode string
 * (bytes, f-strings and t-strings are not evaluated) or is unterminated.
 */
export function decodeStringLiteral(source: string): string | null {
  const parts = splitStringLiteral(source);
  if (!parts || !parts.terminated || parts.bytes || parts.format) return null;
  return parts.raw ? parts.body : decodeEscapes(parts.body);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const HEX = /^[0-9a-fA-F]+$/;

/** Interprets backslash escapes of a non-raw `str` literal body; unknown escapes stay as written. */
export function decodeEscapes(body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      i++;
      continue;
    }
    const next = body[i + 1]!;
    if (next === '\n') {
      i += 2;
      continue;
    }
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    if (next >= '0' && next <= '7') {
      let j = i + 1;
      while (j < body.length && j < i + 4 && body[j]! >= '0' && body[j]! <= '7') j++;
      out += String.fromCodePoint(parseInt(body.slice(i + 1, j), 8));
      i = j;
      continue;
    }
    const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (width > 0) {
      const digits = body.slice(i + 2, i + 2 + width);
      const code = digits.length === width && HEX.test(digits) ? parseInt(digits, 16) : -1;
      if (code >= 0 && code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i += 2 + width;
        continue;
      }
    }
    if (next === 'N' && body[i + 2] === '{') {
      const close = body.indexOf('}', i + 3);
      const char = close > 0 ? lookupUnicodeName(body.slice(i + 3, close)) : null;
      if (char !== null) {
        out += char;
        i = close + 1;
        continue;
      }
    }
    // Unknown (or malformed) escape: Python keeps the backslash and the character.
    out += ch + next;
    i += 2;
  }
  return out;
}

// A small table of `\N{…}` names seen in migration text; anything else is left as written.
const UNICODE_NAMES: Record<string, string> = {
  SPACE: ' ',
  'NO-BREAK SPACE': '\u00a0',
  'LINE FEED': '\n',
  'CHARACTER TABULATION': '\t',
  'EN DASH': '\u2013',
  'EM DASH': '\u2014',
  'HYPHEN-MINUS': '-',
  BULLET: '\u2022',
  'HORIZONTAL ELLIPSIS': '\u2026',
  'LEFT SINGLE QUOTATION MARK': '\u2018',
  'RIGHT SINGLE QUOTATION MARK': '\u2019',
  'LEFT DOUBLE QUOTATION MARK': '\u201c',
  'RIGHT DOUBLE QUOTATION MARK': '\u201d',
  'DEGREE SIGN': '\u00b0',
  'COPYRIGHT SIGN': '\u00a9',
  'REGISTERED SIGN': '\u00ae',
  'TRADE MARK SIGN': '\u2122',
  'EURO SIGN': '\u20ac',
  'POUND SIGN': '\u00a3',
  'MULTIPLICATION SIGN': '\u00d7',
  'RIGHTWARDS ARROW': '\u2192',
  'CHECK MARK': '\u2713',
  'LATIN SMALL LETTER E WITH ACUTE': '\u00e9',
  'GREEK SMALL LETTER ALPHA': '\u03b1',
  'ZERO WIDTH SPACE': '\u200b',
  'BYTE ORDER MARK': '\ufeff',
  'ZERO WIDTH NO-BREAK SPACE': '\ufeff',
  'REPLACEMENT CHARACTER': '\ufffd',
  SNOWMAN: '\u2603',
};

/** The character for a Unicode name from the small table (case-insensitive), or null. */
export function lookupUnicodeName(name: string): string | null {
  return UNICODE_NAMES[name.trim().toUpperCase()] ?? null;
}

/** Python's `str.isspace()` for one code point (the set `str.strip()` removes). */
export function isPyWhitespace(code: number): boolean {
  if (code >= 0x09 && code <= 0x0d) return true;
  if (code >= 0x1c && code <= 0x20) return true;
  if (code === 0x85 || code === 0xa0 || code === 0x1680) return true;
  if (code >= 0x2000 && code <= 0x200a) return true;
  return code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** Python's `str.strip()` with no argument (JavaScript's `trim()` differs: it strips U+FEFF). */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPyWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isPyWhitespace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}
