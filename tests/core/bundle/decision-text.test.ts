import { describe, expect, it } from 'vitest';
import { decisionText, paragraphs } from '../../../src/core/bundle/decision-text.ts';
import type { Adr, AdrSection } from '../../../src/core/model.ts';

function adr(sections: [AdrSection['role'], string][], over: Partial<Adr> = {}): Adr {
  return {
    path: '0001-x.md', file: 'adr/0001-x.md', id: '0001-x', group: '', number: 1, title: 'Use X', status: 'accepted', statusRaw: 'accepted', date: null,
    deciders: [], tags: [], supersedes: [], supersededBy: [], amends: [], amendedBy: [], declared: { migrations: [], rules: [], tables: [] }, accepts: [],
    sections: sections.map(([role, markdown], i) => ({ heading: role, role, level: 2, line: i * 10 + 1, markdown })),
    summary: 'Use X.', body: '', bodyLine: 1, ...over,
  } as Adr;
}

describe('decisionText', () => {
  it('takes the decision sentence without "We will", and the MADR "Chosen option …, because" clause as the why', () => {
    const t = decisionText(adr([
      ['context', 'Things broke.\n\nHow do we fix them?'],
      ['decision', 'We will store money as `BIGINT` cents.\n\nChosen option: "integer cents", because integer sums cannot drift.\n\n### Consequences\n\n* Good, because reasons.'],
    ]));
    expect(t).toEqual({ summary: 'Store money as `BIGINT` cents.', why: 'integer sums cannot drift.' });
  });

  it('splits a because inside the decision sentence', () => {
    const t = decisionText(adr([['decision', 'We will keep one shared schema for all tenants, because per-tenant databases multiply every migration.']]));
    expect(t).toEqual({ summary: 'Keep one shared schema for all tenants.', why: 'per-tenant databases multiply every migration.' });
  });

  it('falls back to the last statement of the context that stands alone, skipping questions and "None of these…"', () => {
    const t = decisionText(adr([
      ['context', 'First paragraph.\n\nNone of these reached production. The agent never saw our rules. Should we let it?'],
      ['decision', 'We will not let agents apply migrations.\n\n- because in a list item does not count'],
    ]));
    expect(t).toEqual({ summary: 'Do not let agents apply migrations.', why: 'The agent never saw our rules.' });
  });

  it('shortens long text, dropping asides first and never leaving a code span open', () => {
    const long = `We will record every decision (${'`0002-use-alembic-migrations-not-create-all.md`'}) in one Markdown file per decision under the adr folder, numbered sequentially and never reused, reviewed in the same pull request as the code that follows from it.`;
    const t = decisionText(adr([['decision', long]]));
    expect(t.summary).not.toContain('0002-use');
    expect([...t.summary!].length).toBeLessThanOrEqual(160);
    expect((t.summary!.match(/`/g) ?? []).length % 2).toBe(0);
  });

  it('uses the summary field when there is no decision section, and null when nothing says why', () => {
    const t = decisionText(adr([], { summary: 'We will use X for everything.' }));
    expect(t).toEqual({ summary: 'Use X for everything.', why: null });
  });
});

describe('paragraphs', () => {
  it('keeps prose paragraphs before the first sub-heading, skipping lists, quotes and code', () => {
    expect(paragraphs('One\ntwo.\n\n- item\n  more\n\n> quote\n\n```\ncode\n```\n\nThree [link](x.md).\n\n## Next\n\nFour.')).toEqual(['One two.', 'Three link.']);
  });
});
