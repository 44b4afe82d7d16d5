// Byte-level mutations of a seed file: flips, truncation, line duplication, deletion and shuffling,
// and insertion of the characters that parsers trip over.
import fc from 'fast-check';

export type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate-line'; line: number }
  | { op: 'delete-line'; line: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'shuffle-lines'; from: number; count: number; seed: number };

/** Fragments that open, close or confuse markdown, YAML and Python structure. */
const tricky = [
  '"', "'", '"""', "'''", '(', ')', '[', ']', '{', '}', '`', '```', '~~~', '---\n', '...\n', '\u0000', '\r', '\r\n', '\n',
  '\uFEFF', '\uFFFD', '\u2028', '\t', '\\', '#', '# ', '## ', '> ', '- ', '* ', '1. ', '|', ':', ': ', '<!--', '-->', '<', '&',
  'ADR-', 'ADR-0001', 'DB-001', 'rule:', '{#id}', '[x](', '](../x.md)', '**', '_', '\\\n', '\u00e9', '\ud83d\ude00', '\ud800',
  '# -*- coding: latin-1 -*-\n', '# coding: utf-8\n', 'revision = ', "down_revision = ('a', 'b')\n", 'depends_on = ', 'branch_labels = ',
  'def upgrade():\n', '    op.', 'op.drop_table(', 'sa.Column(', 'if ', 'else:', 'lambda', '@', 'f"{', 'b"', 'r"', 'u"', ';', '    ', '\\N{',
  'status: ', 'supersedes: ', 'title: ', '&anchor ', '*anchor', '!!binary ', '? ', '- - -', '>'.repeat(40), '- '.repeat(40),
];

/** Text made of the tricky fragments, words and line breaks only: structure without a seed. */
export const soupArb: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...tricky) }, { weight: 2, arbitrary: fc.constantFrom('\n', 'word ', 'x', '0001', '    ', 'op.add_column(', "'t', ", 'None') }), { maxLength: 160 })
  .map((parts) => parts.join(''));

const insertText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...tricky) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...tricky), maxLength: 6 }) },
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: insertText }),
  fc.record({ op: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('shuffle-lines' as const), from: fc.nat(), count: fc.integer({ min: 2, max: 12 }), seed: fc.nat() }),
);

const encoder = new TextEncoder();

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = bytes.length;
  switch (m.op) {
    case 'flip':
    case 'set': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      const i = m.at % n;
      out[i] = m.op === 'flip' ? out[i]! ^ (1 << m.bit) : m.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, n === 0 ? 0 : m.at % (n + 1));
    case 'insert': {
      const i = n === 0 ? 0 : m.at % (n + 1);
      return concat([bytes.subarray(0, i), encoder.encode(m.text), bytes.subarray(i)]);
    }
  }
  const lines = splitLines(bytes);
  if (lines.length === 0) return bytes;
  switch (m.op) {
    case 'duplicate-line': {
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i]!);
      break;
    }
    case 'delete-line':
      lines.splice(m.line % lines.length, 1);
      break;
    case 'swap-lines': {
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      break;
    }
    case 'shuffle-lines': {
      const from = m.from % lines.length;
      const part = lines.slice(from, from + m.count);
      let s = m.seed || 1;
      for (let i = part.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [part[i], part[j]] = [part[j]!, part[i]!];
      }
      lines.splice(from, part.length, ...part);
      break;
    }
  }
  return concat(lines);
}

/** A seed (by index into `count` seeds) and 1–8 mutations. */
export function mutatedArb(count: number): fc.Arbitrary<{ seed: number; mutations: Mutation[] }> {
  return fc.record({ seed: fc.integer({ min: 0, max: count - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 8 }) });
}

export function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  return mutations.reduce(applyMutation, bytes);
}
