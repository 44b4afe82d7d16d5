import { describe, it, expect } from 'vitest';
import type { AdrSection } from '../../../src/core/model.ts';
import { clampText, firstParagraph, firstSentence, summarize } from '../../../src/core/adr/summary.ts';

const section = (role: AdrSection['role'], markdown: string, heading: string = role): AdrSection => ({
  heading,
  role,
  level: 2,
  line: 1,
  markdown,
});

describe('firstSentence', () => {
  it.each([
    ['We will use Postgres. It is boring.', 'We will use Postgres.'],
    ['Chosen option: "Alembic", because it works. More.', 'Chosen option: "Alembic", because it works.'],
    ['Use tools, e.g. Alembic. Done.', 'Use tools, e.g. Alembic.'],
    ['Version 1.5 is fine. Yes.', 'Version 1.5 is fine.'],
    ['Is this it? Yes.', 'Is this it?'],
    ['We said "stop." Then left.', 'We said "stop."'],
    ['No full stop at all', 'No full stop at all'],
  ])('%j', (text, sentence) => {
    expect(firstSentence(text)).toBe(sentence);
  });
});

describe('clampText', () => {
  it('cuts at a word boundary with an ellipsis, within the limit', () => {
    const text = 'word '.repeat(60).trim();
    const out = clampText(text, 200);
    expect([...out].length).toBeLessThanOrEqual(200);
    expect(out.endsWith('word…')).toBe(true);
    expect(clampText('short', 200)).toBe('short');
  });
});

describe('firstParagraph', () => {
  it('turns markdown into plain text', () => {
    expect(firstParagraph('## H\n\nUse **[Postgres](https://x)** and `JSONB` <!-- c --> _now_.\n')).toBe(
      'Use Postgres and JSONB now.',
    );
  });

  it('reads the first list item when the section starts with a list, skipping code', () => {
    expect(firstParagraph('```\ncode\n```\n\n* First item\n* Second\n')).toBe('First item');
  });
});

describe('summarize', () => {
  const base = { bodyWithoutMetadata: () => '', declared: null, title: 'The title' };

  it('takes the first sentence of the Decision section', () => {
    const sections = [section('context', 'Because. Reasons.'), section('decision', 'We will use [RLS](x.md) everywhere. Then more.')];
    expect(summarize({ ...base, sections })).toBe('We will use RLS everywhere.');
  });

  it('prefers a front-matter summary', () => {
    expect(summarize({ ...base, sections: [section('decision', 'We will.')], declared: 'Money is `BIGINT` cents.' })).toBe(
      'Money is BIGINT cents.',
    );
  });

  it('falls back to an Abstract section, then to the body, then to the title', () => {
    expect(summarize({ ...base, sections: [section('other', 'Archive old tenants. More.', 'Abstract')] })).toBe(
      'Archive old tenants.',
    );
    expect(summarize({ ...base, sections: [], bodyWithoutMetadata: () => '\n\nNotes from the review. More.\n' })).toBe(
      'Notes from the review.',
    );
    expect(summarize({ ...base, sections: [section('decision', '')] })).toBe('The title');
  });

  it('keeps long sentences to 200 characters', () => {
    const long = `We will ${'really '.repeat(50)}do it.`;
    const out = summarize({ ...base, sections: [section('decision', long)] });
    expect([...out].length).toBeLessThanOrEqual(200);
    expect(out.endsWith('…')).toBe(true);
    expect(out.startsWith('We will really')).toBe(true);
  });
});
