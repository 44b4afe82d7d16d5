import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeEscapes, decodeStringLiteral, isPyWhitespace, lookupUnicodeName, pyStrip, splitStringLiteral } from '../../../src/core/alembic/pystring.ts';

describe('splitStringLiteral', () => {
  it('reads prefixes in any case and combination', () => {
    expect(splitStringLiteral('Rb"x"')).toMatchObject({ prefix: 'rb', raw: true, bytes: true, format: false, quote: '"', body: 'x' });
    expect(splitStringLiteral("fR'''x'''")).toMatchObject({ prefix: 'fr', raw: true, format: true, quote: "'''", body: 'x' });
    expect(splitStringLiteral('U"x"')).toMatchObject({ prefix: 'u', raw: false, bytes: false });
    expect(splitStringLiteral('x"y"')).toBeNull();
  });

  it('finds the right closing quote', () => {
    expect(splitStringLiteral('"""say " "hi"""')!.body).toBe('say " "hi');
    expect(splitStringLiteral('"a\\"b"')!.body).toBe('a\\"b');
    expect(splitStringLiteral('r"a\\"b"')!.body).toBe('a\\"b');
    expect(splitStringLiteral('"abc')!.terminated).toBe(false);
  });
});

describe('decodeStringLiteral', () => {
  it('decodes the documented escapes', () => {
    expect(decodeStringLiteral('"a\\\\b\\\'c\\"d"')).toBe('a\\b\'c"d');
    expect(decodeStringLiteral('"\\a\\b\\f\\n\\r\\t\\v"')).toBe('\x07\b\f\n\r\t\v');
    expect(decodeStringLiteral('"\\101\\0\\7\\1234"')).toBe('A\0\x07S4');
    expect(decodeStringLiteral('"\\x41\\u00e9\\U0001F600"')).toBe('Aé😀');
    expect(decodeStringLiteral('"\\N{EM DASH}\\N{em dash}"')).toBe('——');
  });

  it('keeps unknown escapes and unknown names as written', () => {
    expect(decodeStringLiteral('"\\d\\q\\N{NOT A REAL NAME}"')).toBe('\\d\\q\\N{NOT A REAL NAME}');
  });

  it('removes backslash-newline inside non-raw strings only', () => {
    expect(decodeStringLiteral('"""a\\\nb"""')).toBe('ab');
    expect(decodeStringLiteral('r"""a\\\nb"""')).toBe('a\\\nb');
  });

  it('raw strings are not processed', () => {
    expect(decodeStringLiteral('r"""raw \\d doc"""')).toBe('raw \\d doc');
  });

  it('bytes, f-strings, t-strings and unterminated literals have no str value', () => {
    expect(decodeStringLiteral('b"x"')).toBeNull();
    expect(decodeStringLiteral('f"x"')).toBeNull();
    expect(decodeStringLiteral('t"x"')).toBeNull();
    expect(decodeStringLiteral('"x')).toBeNull();
  });

  it('text without backslashes is unchanged', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('\\')), (s) => {
        expect(decodeEscapes(s)).toBe(s);
      }),
    );
  });

  it('knows a few Unicode names', () => {
    expect(lookupUnicodeName('no-break space')).toBe('\u00a0');
    expect(lookupUnicodeName('unknown')).toBeNull();
  });
});

describe('pyStrip', () => {
  it('strips Python whitespace, including \\x1c-\\x1f, \\x85 and NBSP, but not U+FEFF', () => {
    expect(pyStrip('\x1c\x85\u00a0 a b \u3000\u2028\n')).toBe('a b');
    expect(pyStrip('\ufeffa\ufeff')).toBe('\ufeffa\ufeff');
    expect(pyStrip('\u200ba')).toBe('\u200ba');
  });

  it('agrees with isPyWhitespace on every end', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = pyStrip(s);
        expect(s.includes(out)).toBe(true);
        if (out.length > 0) {
          expect(isPyWhitespace(out.charCodeAt(0))).toBe(false);
          expect(isPyWhitespace(out.charCodeAt(out.length - 1))).toBe(false);
        }
      }),
    );
  });
});
