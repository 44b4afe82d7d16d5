import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { layoutLanes } from '../../src/integration/data/lanes.ts';

describe('layoutLanes', () => {
  it('puts a linear history in one column', () => {
    const rows = layoutLanes([
      { revision: 'c', parents: ['b'] },
      { revision: 'b', parents: ['a'] },
      { revision: 'a', parents: [] },
    ]);
    expect(rows.map((r) => r.node)).toEqual([0, 0, 0]);
    expect(rows[0]!.incoming).toEqual([]);
    expect(rows[0]!.outgoing).toEqual([{ from: 0, to: 0 }]);
    expect(rows[1]!.incoming).toEqual([{ from: 0, to: 0 }]);
    expect(rows[2]!.outgoing).toEqual([]);
    expect(rows[2]!.after).toEqual([]);
    expect(rows.every((r) => r.width === 1)).toBe(true);
  });

  it('draws a merge of two branches and the branch point they start from', () => {
    //   m      (merge of x and y)
    //   |\
    //   x y
    //   |/
    //   b      (branch point)
    const rows = layoutLanes([
      { revision: 'm', parents: ['x', 'y'] },
      { revision: 'y', parents: ['b'] },
      { revision: 'x', parents: ['b'] },
      { revision: 'b', parents: [] },
    ]);
    const [m, y, x, b] = rows;
    expect(m!.outgoing).toEqual([
      { from: 0, to: 0 },
      { from: 0, to: 1 },
    ]);
    expect(m!.after).toEqual([0, 1]);
    // y sits in the second lane; the first passes by.
    expect(y!.node).toBe(1);
    expect(y!.through).toEqual([{ from: 0, to: 0 }]);
    // y's parent b is awaited in the second lane; x (first parent line) pulls it back to the first.
    expect(x!.node).toBe(0);
    expect(x!.outgoing).toEqual([{ from: 0, to: 0 }]);
    expect(x!.through).toEqual([{ from: 1, to: 0 }]);
    expect(x!.after).toEqual([0]);
    expect(b!.incoming).toEqual([{ from: 0, to: 0 }]);
    expect(b!.node).toBe(0);
    expect(b!.after).toEqual([]);
    expect(Math.max(...rows.map((r) => r.width))).toBe(2);
  });

  it('gives two heads two lanes and does not draw parents that are not in the history', () => {
    const rows = layoutLanes([
      { revision: 'h1', parents: ['a'] },
      { revision: 'h2', parents: ['missing'] },
      { revision: 'a', parents: [] },
    ]);
    expect(rows[0]!.node).toBe(0);
    expect(rows[1]!.node).toBe(1);
    expect(rows[1]!.outgoing).toEqual([]);
    expect(rows[1]!.after).toEqual([0]);
    expect(rows[2]!.node).toBe(0);
  });

  it('keeps every lane that continues below a row in `after`, so rows join up', () => {
    const rows = layoutLanes([
      { revision: 'a2', parents: ['a1'] },
      { revision: 'b2', parents: ['b1'] },
      { revision: 'a1', parents: ['root'] },
      { revision: 'b1', parents: ['root'] },
      { revision: 'root', parents: [] },
    ]);
    for (let i = 1; i < rows.length; i++) {
      const above = new Set(rows[i - 1]!.after);
      const entering = new Set([...rows[i]!.through.map((e) => e.from), ...rows[i]!.incoming.map((e) => e.from)]);
      expect(entering).toEqual(above);
      const leaving = new Set([...rows[i]!.through.map((e) => e.to), ...rows[i]!.outgoing.map((e) => e.to)]);
      expect(leaving).toEqual(new Set(rows[i]!.after));
    }
  });
});

describe('layoutLanes on random histories', () => {
  it('rows always join up, nodes sit inside the drawing, every drawn parent is reached', () => {
    const history = fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 1, maxLength: 40 }).map((parentPicks) =>
      // Revision i (created i-th) has parents among the revisions created before it.
      parentPicks.map((picks, i) => ({ revision: `r${i}`, parents: i === 0 ? [] : [...new Set(picks.map((p) => `r${p % i}`))] })).reverse(),
    );
    fc.assert(
      fc.property(history, (rows) => {
        const out = layoutLanes(rows);
        let above = new Set<number>();
        out.forEach((r, i) => {
          const entering = new Set([...r.through.map((e) => e.from), ...r.incoming.map((e) => e.from)]);
          expect(entering).toEqual(above);
          expect(r.node).toBeLessThan(r.width);
          for (const e of [...r.through, ...r.incoming, ...r.outgoing]) {
            expect(e.from).toBeLessThan(r.width);
            expect(e.to).toBeLessThan(r.width);
          }
          expect(r.outgoing.length).toBe(rows[i]!.parents.length);
          above = new Set(r.after);
        });
        expect(above.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
