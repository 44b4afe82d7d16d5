import { describe, it, expect } from 'vitest';
import { parseAdr } from '../../../src/core/adr/parse.ts';

const parse = (text: string) => parseAdr(text, { path: '0010-hash-keys.md', file: 'adr/0010-hash-keys.md', group: '' }).adr;

describe('parseAdr: front matter `accepts`', () => {
  it('reads a list', () => {
    expect(parse('---\nstatus: accepted\naccepts: [destructive, rename]\n---\n# Hash keys\n').accepts).toEqual(['destructive', 'rename']);
  });

  it('reads a string, split on commas and spaces', () => {
    expect(parse('---\naccepts: destructive, type-change\n---\n# Hash keys\n').accepts).toEqual(['destructive', 'type-change']);
    expect(parse('---\naccepts: destructive\n---\n# Hash keys\n').accepts).toEqual(['destructive']);
  });

  it('is empty without the key, or with an empty value', () => {
    expect(parse('# Hash keys\n\nStatus: accepted\n').accepts).toEqual([]);
    expect(parse('---\naccepts:\n---\n# Hash keys\n').accepts).toEqual([]);
  });

  it('reads the demo ADR-0010', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../../adr/0010-store-only-hashed-api-keys.md', import.meta.url), 'utf8');
    expect(parse(text).accepts).toEqual(['destructive']);
  });
});
