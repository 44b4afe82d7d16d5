// Relations between records that cannot be: circles, two records with one id, and the lines
// that name them.
import { describe, expect, it } from 'vitest';
import { linkKnowledge } from '../../src/core/links.ts';
import { parseAdr } from '../../src/core/adr/parse.ts';
import type { Adr } from '../../src/core/model.ts';

function adr(path: string, text: string, group = ''): Adr {
  return parseAdr(text, { path, file: `adr/${path}`, group }).adr;
}

function link(adrs: Adr[]) {
  return linkKnowledge({ rules: [], adrs, docs: [], migrations: [], tables: new Map(), exists: () => false });
}

describe('ADR relations', () => {
  it('reports a supersede cycle on every record in it, at the declaring line', () => {
    const r = link([
      adr('0001-a.md', '# 1. A\n\nSupersedes: ADR-0002\n'),
      adr('0002-b.md', '# 2. B\n\nStatus: accepted\nSupersedes: ADR-0003\n'),
      adr('0003-c.md', '# 3. C\n\nSupersedes: ADR-0001\n'),
      adr('0004-d.md', '# 4. D\n\nSupersedes: ADR-0001\n'),
    ]);
    const cycles = r.diagnostics.filter((d) => d.code === 'adr/supersede-cycle').map((d) => [d.path, d.line]);
    expect(cycles).toEqual([
      ['adr/0001-a.md', 3],
      ['adr/0002-b.md', 4],
      ['adr/0003-c.md', 3],
    ]);
    expect(r.diagnostics.find((d) => d.code === 'adr/supersede-cycle')!.message).toMatch(/ADR-0001 supersedes ADR-0002/);
  });

  it('reports a cycle made of "supersedes" and "superseded by", and an amends cycle', () => {
    const r = link([adr('0001-a.md', '# 1. A\n\nStatus: Superseded by ADR-0002\n'), adr('0002-b.md', '# 2. B\n\nStatus: Superseded by ADR-0001\n')]);
    expect(r.diagnostics.filter((d) => d.code === 'adr/supersede-cycle')).toHaveLength(2);
    const a = link([adr('0001-a.md', '# 1. A\n\nAmends: ADR-0002\n'), adr('0002-b.md', '# 2. B\n\nAmends: ADR-0001\n')]);
    expect(a.diagnostics.filter((d) => d.code === 'adr/amend-cycle').map((d) => d.path)).toEqual(['adr/0001-a.md', 'adr/0002-b.md']);
  });

  it('does not report a chain', () => {
    const r = link([adr('0001-a.md', '# 1. A\n\nStatus: Superseded by ADR-0002\n'), adr('0002-b.md', '# 2. B\n\nSupersedes: ADR-0001\n'), adr('0003-c.md', '# 3. C\n\nSupersedes: ADR-0002\n')]);
    expect(r.diagnostics).toEqual([]);
  });

  it('puts a self-reference on the line that declares it, not on the first mention', () => {
    const r = link([adr('0005-self.md', '# 5. Self\n\nSee ADR-0005 first.\n\nSupersedes: ADR-0005\nAmends: ADR-0005\n')]);
    expect(r.diagnostics.filter((d) => d.code === 'adr/self-reference').map((d) => d.line)).toEqual([5, 6]);
  });

  it('reports two records with the same id', () => {
    const r = link([adr('0001-x.md', '# 1. X\n'), adr('0001-x.markdown', '# 1. X again\n')]);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'adr/duplicate-id', path: 'adr/0001-x.markdown', line: null }));
    const grouped = link([adr('0001-x.md', '# 1. X\n', 'a'), adr('0001-x.md', '# 1. X\n', 'b')]);
    expect(grouped.diagnostics.filter((d) => d.code === 'adr/duplicate-id')).toEqual([]);
  });
});
