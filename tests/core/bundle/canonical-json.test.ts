import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodePoints } from '../../../src/core/text.ts';
import { canonicalJson } from '../../../src/core/bundle/digest.ts';

/** The reference: a copy with keys inserted in code-point order, then one JSON.stringify (as the digest always did). */
function reference(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return v;
    if (Array.isArray(v)) return v.map(sorted);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort(compareCodePoints)) out[key] = sorted((v as Record<string, unknown>)[key]);
    return out;
  };
  return JSON.stringify(sorted(value));
}

describe('canonicalJson', () => {
  it('sorts keys in code-point order, nested ones too', () => {
    expect(canonicalJson({ b: 1, a: { d: null, c: [{ z: 1, y: 2 }] } })).toBe('{"a":{"c":[{"y":2,"z":1}],"d":null},"b":1}');
  });

  it('gives the text of a sorted copy for flat records with awkward keys and values', () => {
    const cases: unknown[] = [
      { check: 'x', severity: 'error', rule: null, line: 3, message: 'm', waiver: null },
      { 10: 'a', 9: 'b', x: 1 },
      { b: 1, ['__proto__']: 2 },
      JSON.parse('{"__proto__": 1, "a": 2}'),
      { a: undefined, b: () => 1, c: Symbol('s'), d: NaN, e: -0, f: Infinity },
      { toJSON: () => ({ z: 1, a: 2 }), b: 1 },
      Object.assign(Object.create(null), { b: 1, a: 2 }),
      new Date(0),
      Object.assign(new (class Thing { }), { b: 1, a: 2 }),
      Object.assign(Object.create({ inherited: 1 }), { b: 1, a: 2 }),
      new Number(5),
      ['b', { b: 1, a: 2 }],
      { 'é': 1, '😀': 2, '\uFF5E': 3, e: 4 },
      { '4294967295': 1, '4294967294': 2, a: 3 },
    ];
    for (const c of cases) expect(canonicalJson(c)).toBe(reference(c));
  });

  it('gives the text of a sorted copy for generated values', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', '0', '1', '10', '01', 'toJSON', 'waiver', '😀', '\uFF5E'));
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.constantFrom(null, undefined, true, 0, -1.5, NaN), fc.string({ maxLength: 3 }), fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(key, tie('any'), { maxKeys: 5 })),
    })).any;
    fc.assert(fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (v) => canonicalJson(v) === reference(v)), { numRuns: 3000 });
    fc.assert(fc.property(fc.dictionary(key, fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 10 }), (v) => canonicalJson(v) === reference(v)), { numRuns: 3000 });
  });
});
