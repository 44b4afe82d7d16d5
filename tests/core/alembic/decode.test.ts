import { describe, expect, it } from 'vitest';
import { canonicalEncoding, decodePythonSource } from '../../../src/core/alembic/decode.ts';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const bytes = (...parts: (string | number[])[]): Uint8Array => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));

describe('decodePythonSource', () => {
  it('defaults to UTF-8', () => {
    const r = decodePythonSource(new TextEncoder().encode('x = "café"\n'));
    expect(r).toEqual({ text: 'x = "café"\n', encoding: 'utf-8', problem: null, problemLine: null });
  });

  it('drops a UTF-8 BOM', () => {
    const r = decodePythonSource(bytes([0xef, 0xbb, 0xbf], '"""doc"""\n'));
    expect(r.text).toBe('"""doc"""\n');
    expect(r.problem).toBeNull();
  });

  it('refuses a BOM with a non-UTF-8 cookie, like Python', () => {
    const r = decodePythonSource(bytes([0xef, 0xbb, 0xbf], '# coding: latin-1\nx = 1\n'));
    expect(r.problem).toMatch(/byte-order mark/);
    expect(r.problemLine).toBe(1);
  });

  it('latin-1 cookie decodes 0x80-0x9F as C1 controls (real ISO-8859-1, not windows-1252)', () => {
    const r = decodePythonSource(bytes('# -*- coding: latin-1 -*-\n"', [0xe9, 0x80, 0x93, 0x9f], '"\n'));
    expect(r.encoding).toBe('iso-8859-1');
    expect(r.text).toBe('# -*- coding: latin-1 -*-\n"\u00e9\u0080\u0093\u009f"\n');
  });

  it('cp1252 cookie maps 0x80-0x9F to windows-1252 characters; undefined bytes fail', () => {
    expect(decodePythonSource(bytes('# coding=cp1252\n"', [0x80, 0x93], '"\n')).text).toBe('# coding=cp1252\n"\u20ac\u201c"\n');
    const bad = decodePythonSource(bytes('# coding=cp1252\n\n"', [0x81], '"\n'));
    expect(bad.problem).not.toBeNull();
    expect(bad.problemLine).toBe(3);
  });

  it('iso-8859-15 differs from latin-1 at 0xA4', () => {
    expect(decodePythonSource(bytes('# vim: set fileencoding=iso-8859-15 :\n', [0xa4])).text).toBe('# vim: set fileencoding=iso-8859-15 :\n\u20ac');
  });

  it('the cookie counts on line 2 only after a blank or comment line 1', () => {
    expect(decodePythonSource(bytes('#!/usr/bin/env python\n# coding: latin-1\n', [0xe9])).text.endsWith('\u00e9')).toBe(true);
    expect(decodePythonSource(bytes('\n# coding: latin-1\n', [0xe9])).encoding).toBe('iso-8859-1');
    const afterCode = decodePythonSource(bytes('x = 1\n# coding: latin-1\n', [0xe9]));
    expect(afterCode.encoding).toBe('utf-8');
    expect(afterCode.problem).not.toBeNull();
    expect(afterCode.problemLine).toBe(3);
  });

  it('ignores a cookie on line 3', () => {
    const r = decodePythonSource(bytes('#\n#\n# coding: latin-1\n', [0xe9]));
    expect(r.problem).not.toBeNull();
  });

  it('reports invalid UTF-8 with its line, unknown encodings and NUL bytes', () => {
    const r = decodePythonSource(bytes('a = 1\nb = "', [0xff], '"\n'));
    expect(r).toMatchObject({ text: '', problemLine: 2 });
    expect(r.problem).toMatch(/not valid utf-8/);
    expect(decodePythonSource(bytes('# coding: klingon\n')).problem).toMatch(/unknown encoding/);
    expect(decodePythonSource(bytes('x = 1\n', [0], '\n')).problem).toMatch(/NUL/);
  });

  it('normalises CRLF and lone CR to LF', () => {
    expect(decodePythonSource(bytes('a\r\nb\rc\n')).text).toBe('a\nb\nc\n');
  });

  it('normalises encoding names like Python', () => {
    expect(canonicalEncoding('UTF8')).toBe('utf-8');
    expect(canonicalEncoding('utf-8-unix')).toBe('utf-8');
    expect(canonicalEncoding('utf-16')).toBeNull();
    expect(canonicalEncoding('Latin_1')).toBe('iso-8859-1');
    expect(canonicalEncoding('iso-8859-1')).toBe('iso-8859-1');
    expect(canonicalEncoding('l1')).toBe('iso-8859-1');
    expect(canonicalEncoding('latin9')).toBe('iso-8859-15');
    expect(canonicalEncoding('windows-1252')).toBe('cp1252');
  });
});
