import { describe, it, expect } from 'vitest';
import {
  linkTargetId,
  referencesFromItem,
  referencesInText,
  relationsInText,
} from '../../../src/core/adr/relations.ts';

describe('relationsInText', () => {
  it('reads superseded-by links as ids resolved against the file', () => {
    const r = relationsInText('Superseded by [ADR-0005](0005-split.md)', 'billing/0002-x.md');
    expect(r.supersededBy).toEqual(['billing/0005-split']);
    expect(r.supersedes).toEqual([]);
  });

  it('knows the misspellings and "replaced by" / "replaces"', () => {
    expect(relationsInText('⌛️ Superceded by [3. X](003-x.md)', '002-y.md').supersededBy).toEqual(['003-x']);
    expect(relationsInText('SUPERSEEDED by ADR-025', 'a.md').supersededBy).toEqual(['ADR-025']);
    expect(relationsInText('supersceded by adr 7', 'a.md').supersededBy).toEqual(['ADR-7']);
    expect(relationsInText('Replaced by ADR_0009', 'a.md').supersededBy).toEqual(['ADR-0009']);
    expect(relationsInText('Supercedes ADR-1 and ADR-2', 'a.md').supersedes).toEqual(['ADR-1', 'ADR-2']);
    expect(relationsInText('superseeds ADR-3', 'a.md').supersedes).toEqual(['ADR-3']);
    expect(relationsInText('Replaces [old](../old/0001-a.md#why)', 'new/0002.md').supersedes).toEqual(['old/0001-a']);
  });

  it('reads amends and amended by the same way', () => {
    const r = relationsInText('Accepted; amends [ADR 4](0004-x.md); amended by ADR-0009', 'a.md');
    expect(r.amends).toEqual(['0004-x']);
    expect(r.amendedBy).toEqual(['ADR-0009']);
    expect(r.supersedes).toEqual([]);
  });

  it('ends a list at a semicolon, the line end or the next phrase', () => {
    const r = relationsInText('supersedes ADR-1; then ADR-2\nADR-3 superseded by ADR-4, replaces ADR-5', 'a.md');
    expect(r.supersedes).toEqual(['ADR-1', 'ADR-5']);
    expect(r.supersededBy).toEqual(['ADR-4']);
  });

  it('takes links before ADR tokens, and never bare numbers', () => {
    expect(relationsInText('Superseded by [ADR-0005](0005-a.md) and ADR-0006', 'a.md').supersededBy).toEqual(['0005-a']);
    expect(relationsInText('superseded by the 2024 redesign', 'a.md').supersededBy).toEqual([]);
  });

  it('does not read phrases inside link text', () => {
    const r = relationsInText('Superseded by [Replaced by Kafka](0009-kafka.md)', 'a.md');
    expect(r.supersededBy).toEqual(['0009-kafka']);
    expect(r.supersedes).toEqual([]);
  });

  it('removes duplicates keeping the first', () => {
    expect(relationsInText('supersedes ADR-1, ADR-2, adr 1', 'a.md').supersedes).toEqual(['ADR-1', 'ADR-2']);
  });

  it('matches phrases as whole words', () => {
    expect(relationsInText('this unsupersedes ADR-1', 'a.md').supersedes).toEqual([]);
  });
});

describe('referencesFromItem', () => {
  it('keeps a front-matter item that is neither a link nor an ADR token as text', () => {
    expect(referencesFromItem('ADR-0004', 'a.md')).toEqual(['ADR-0004']);
    expect(referencesFromItem('[x](sub/0004-y.md)', 'a.md')).toEqual(['sub/0004-y']);
    expect(referencesFromItem(' use-postgres ', 'a.md')).toEqual(['use-postgres']);
    expect(referencesFromItem('  ', 'a.md')).toEqual([]);
  });
});

describe('linkTargetId', () => {
  it('only takes .md targets and drops anchors', () => {
    expect(linkTargetId('0005-a.md#context', 'x.md')).toBe('0005-a');
    expect(linkTargetId('<0005 a.md>', 'x.md')).toBe('0005 a');
    expect(linkTargetId('0005%20a.md', 'x.md')).toBe('0005 a');
    expect(linkTargetId('https://example.com/page', 'x.md')).toBeNull();
    expect(linkTargetId('image.png', 'x.md')).toBeNull();
  });

  it('uses the file name of URLs and root-absolute paths', () => {
    expect(linkTargetId('https://example.com/adr/0007-b.md', 'x.md')).toBe('0007-b');
    expect(linkTargetId('/docs/adr/0007-b.md', 'sub/x.md')).toBe('0007-b');
  });

  it('resolves ./ and ../ relative to the referencing file', () => {
    expect(linkTargetId('./0002-b.md', 'g/0001-a.md')).toBe('g/0002-b');
    expect(linkTargetId('../0002-b.md', 'g/0001-a.md')).toBe('0002-b');
  });
});

describe('referencesInText', () => {
  it('writes ADR tokens with the digits as written', () => {
    expect(referencesInText('ADR 025 and adr-0123', 'a.md')).toEqual(['ADR-025', 'ADR-0123']);
  });
});
