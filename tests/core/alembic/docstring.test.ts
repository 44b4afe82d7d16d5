import { describe, expect, it } from 'vitest';
import { findDocstring, isHeaderMessage, messageParts } from '../../../src/core/alembic/docstring.ts';
import { headerMismatches, parseCreateDate, parseHeader, parseRevises } from '../../../src/core/alembic/header.ts';
import { parsePython } from '../../../src/core/alembic/python.ts';

const doc = (code: string): string | null => findDocstring(parsePython(code))?.value ?? null;

describe('findDocstring (§5.1)', () => {
  it('accepts string forms as the first statement', () => {
    expect(doc('"""Add users"""\n')).toBe('Add users');
    expect(doc("'''a'''\n")).toBe('a');
    expect(doc("'a'\n")).toBe('a');
    expect(doc('u"a"\n')).toBe('a');
    expect(doc('r"""a\\d"""\n')).toBe('a\\d');
    expect(doc('("a")\n')).toBe('a');
    expect(doc('"abc" "def"\n')).toBe('abcdef');
    expect(doc('#!/usr/bin/env python\n# licence\n\n"""doc"""\n')).toBe('doc');
    expect(doc('"""doc"""; x = 1\n')).toBe('doc');
    expect(doc('"""say " "hi"""\n')).toBe('say " "hi');
  });

  it('rejects anything else', () => {
    expect(doc('from alembic import op\n"""doc"""\n')).toBeNull();
    expect(doc('from __future__ import annotations\n"""doc"""\n')).toBeNull();
    expect(doc('f"""doc"""\n')).toBeNull();
    expect(doc('"a" f"b"\n')).toBeNull();
    expect(doc('b"doc"\n')).toBeNull();
    expect(doc('rb"doc"\n')).toBeNull();
    expect(doc('"""doc""".strip()\n')).toBeNull();
    expect(doc('"a", "b"\n')).toBeNull();
    expect(doc('revision = "a"\n')).toBeNull();
    expect(doc('')).toBeNull();
  });

  it('gives the line where the literal starts', () => {
    expect(findDocstring(parsePython('# c\n\n"""x"""\n'))?.line).toBe(3);
  });
});

describe('messageParts (§5.3)', () => {
  it('splits on the first exact blank line after a Python strip', () => {
    expect(messageParts('Add users table\n\nRevision ID: a1\n')).toEqual({ longdoc: 'Add users table\n\nRevision ID: a1', message: 'Add users table' });
    expect(messageParts('Add users\nand tenants\n\nRevision ID: x').message).toBe('Add users\nand tenants');
    expect(messageParts('\n\n   Store prefs\n\nRevision ID: x').message).toBe('Store prefs');
    expect(messageParts('a\n \nb').message).toBe('a\n \nb');
    expect(messageParts('\n\nRevision ID: i1\nRevises: h1\n\n').message).toBe('Revision ID: i1\nRevises: h1');
    expect(messageParts(null)).toEqual({ longdoc: '', message: '' });
    expect(messageParts('\ufeffx\u00a0').longdoc).toBe('\ufeffx');
  });

  it('recognises a header used as the message', () => {
    expect(isHeaderMessage('Revision ID: i1\nRevises: h1\nCreate Date: 2020-01-01')).toBe(true);
    expect(isHeaderMessage('empty message')).toBe(false);
    expect(isHeaderMessage('')).toBe(false);
  });
});

describe('parseHeader (§6)', () => {
  it('reads each value only to the end of its line', () => {
    expect(parseHeader('msg\n\nRevision ID: a1\nRevises:\nCreate Date: 2024-01-02 03:04:05.123456\n')).toEqual({
      revisionId: 'a1',
      revises: [],
      createDate: '2024-01-02 03:04:05.123456',
    });
    expect(parseHeader('msg')).toEqual({ revisionId: null, revises: null, createDate: null });
    expect(parseHeader('  Revision ID: x\n  Revises: a, b').revises).toEqual(['a', 'b']);
  });

  it('reads the Revises variants', () => {
    expect(parseRevises('')).toEqual([]);
    expect(parseRevises('None')).toEqual([]);
    expect(parseRevises("('5e6d', '8b7a')")).toEqual(['5e6d', '8b7a']);
    expect(parseRevises("('5e6d',)")).toEqual(['5e6d']);
    expect(parseRevises('a1, b2')).toEqual(['a1', 'b2']);
  });

  it('reports mismatches on id and on the parent set, not on order, missing lines or empty ids', () => {
    const lines = { revisionId: 3, revises: 4 };
    const codes = (revisionId: string | null, revises: string[] | null, rev: string, down: string[] | null) =>
      headerMismatches({ revisionId, revises, createDate: null }, rev, down, 'x.py', lines).map((d) => d.line);
    expect(codes('a1', ['b', 'c'], 'a1', ['c', 'b'])).toEqual([]);
    expect(codes('zz', ['b'], 'a1', ['b'])).toEqual([3]);
    expect(codes('a1', ['x'], 'a1', ['b'])).toEqual([4]);
    expect(codes('a1', [], 'a1', ['b'])).toEqual([4]);
    expect(codes('a1', [], 'a1', [''])).toEqual([]);
    expect(codes(null, null, 'a1', ['b'])).toEqual([]);
    expect(codes('a1', ['b'], 'a1', null)).toEqual([]);
  });
});

describe('parseCreateDate', () => {
  it('parses the formats seen in the wild', () => {
    expect(parseCreateDate('2024-05-02 09:15:00.123456')).toBe('2024-05-02T09:15:00');
    expect(parseCreateDate('2024-05-02 09:15:00')).toBe('2024-05-02T09:15:00');
    expect(parseCreateDate('2024-05-02 09:15:00.123456+02:00')).toBe('2024-05-02T09:15:00');
    expect(parseCreateDate('2024-05-02T09:15')).toBe('2024-05-02T09:15:00');
    expect(parseCreateDate('2024-05-02')).toBe('2024-05-02');
    expect(parseCreateDate('2024-02-29 99:99:99')).toBe('2024-02-29');
  });

  it('gives null for placeholders and impossible dates', () => {
    expect(parseCreateDate('2024-XX-XX')).toBeNull();
    expect(parseCreateDate('2023-02-29')).toBeNull();
    expect(parseCreateDate('2024-13-01')).toBeNull();
    expect(parseCreateDate('')).toBeNull();
    expect(parseCreateDate(null)).toBeNull();
  });
});
