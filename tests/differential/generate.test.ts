// The random-tree generator must be reproducible, make only valid graphs, stay clear of
// Alembic's nondeterministic situations, and keep exercising the features it promises.
import { describe, expect, it } from 'vitest';
import { generateTree, type GeneratedTree } from './generate.ts';
import { createRng, mulberry32 } from './random.ts';

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);
const trees = SEEDS.map((s) => generateTree(s));

function byId(tree: GeneratedTree): Map<string, GeneratedTree['revisions'][number]> {
  return new Map(tree.revisions.map((r) => [r.id, r]));
}

describe('random', () => {
  it('mulberry32 is reproducible and spread over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(xs.filter((x) => x < 0.5).length).toBeLessThan(600);
  });

  it('int stays within its bounds and reaches both ends', () => {
    const rng = createRng(7);
    const xs = Array.from({ length: 500 }, () => rng.int(3, 6));
    expect(new Set(xs)).toEqual(new Set([3, 4, 5, 6]));
  });
});

describe('generateTree', () => {
  it('gives the same files for the same seed and different ones for another seed', () => {
    expect(generateTree(17)).toEqual(generateTree(17));
    expect(generateTree(17).files).not.toEqual(generateTree(18).files);
  });

  it('only makes valid graphs: earlier parents and dependencies, unique ids and labels', () => {
    for (const tree of trees) {
      const seen = new Set<string>();
      const labels = new Map<string, string>();
      for (const r of tree.revisions) {
        for (const p of r.parents) expect(seen.has(p), `seed ${tree.seed}: parent ${p} of ${r.id}`).toBe(true);
        for (const d of r.dependsOn) {
          expect(seen.has(d) || labels.has(d), `seed ${tree.seed}: dependency ${d} of ${r.id}`).toBe(true);
        }
        expect(seen.has(r.id), `seed ${tree.seed}: duplicate id ${r.id}`).toBe(false);
        expect(/[@\-+:]/.test(r.id), `seed ${tree.seed}: illegal id ${r.id}`).toBe(false);
        seen.add(r.id);
        if (r.label !== null) {
          expect(labels.has(r.label), `seed ${tree.seed}: duplicate label ${r.label}`).toBe(false);
          labels.set(r.label, r.id);
        }
      }
      for (const label of labels.keys()) expect(seen.has(label), `seed ${tree.seed}: label ${label} is an id`).toBe(false);
      const names = tree.files.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('keeps labelled lineages single chains that never meet, and normalised dependencies at most one', () => {
    for (const tree of trees) {
      const revs = byId(tree);
      const children = new Map<string, string[]>();
      for (const r of tree.revisions) for (const p of r.parents) children.set(p, [...(children.get(p) ?? []), r.id]);
      const labelOwner = new Map(tree.revisions.filter((r) => r.label !== null).map((r) => [r.label as string, r.id]));
      const owner = new Map<string, string>(); // revision -> declarer whose lineage holds it
      for (const declarer of tree.revisions.filter((r) => r.label !== null)) {
        let cur: string | undefined = declarer.id;
        while (cur !== undefined) {
          expect(owner.has(cur), `seed ${tree.seed}: ${cur} is in two labelled lineages`).toBe(false);
          owner.set(cur, declarer.id);
          const kids: string[] = children.get(cur) ?? [];
          expect(kids.length, `seed ${tree.seed}: lineage of ${declarer.id} branches at ${cur}`).toBeLessThanOrEqual(1);
          cur = kids[0];
        }
      }
      const ancestors = (id: string): Set<string> => {
        const out = new Set<string>();
        const todo = [...(revs.get(id)?.parents ?? [])];
        while (todo.length > 0) {
          const x = todo.pop() as string;
          if (out.has(x)) continue;
          out.add(x);
          todo.push(...(revs.get(x)?.parents ?? []));
        }
        return out;
      };
      const resolve = (name: string): string => labelOwner.get(name) ?? name;
      for (const r of tree.revisions) {
        const below = new Set<string>();
        for (const a of ancestors(r.id)) for (const d of revs.get(a)?.dependsOn ?? []) below.add(resolve(d));
        const normalised = new Set(r.dependsOn.map(resolve).filter((d) => !below.has(d)));
        expect(normalised.size, `seed ${tree.seed}: ${r.id} has ${normalised.size} normalised dependencies`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('exercises the promised shapes across seeds', () => {
    const all = trees.flatMap((t) => t.revisions);
    const texts = trees.flatMap((t) => t.files.map((f) => f.text));
    const labelNames = new Set(all.flatMap((r) => (r.label === null ? [] : [r.label])));
    const count = (pred: (x: string) => boolean): number => texts.filter(pred).length;
    expect(all.filter((r) => r.parents.length === 2).length).toBeGreaterThan(200);
    expect(all.filter((r) => r.parents.length === 3).length).toBeGreaterThan(30);
    expect(trees.filter((t) => t.revisions.filter((r) => r.parents.length === 0).length >= 2).length).toBeGreaterThan(100);
    expect(all.filter((r) => r.dependsOn.some((d) => labelNames.has(d))).length).toBeGreaterThan(30);
    expect(all.filter((r) => r.dependsOn.some((d) => !labelNames.has(d))).length).toBeGreaterThan(300);
    expect(all.filter((r) => r.dependsOn.length === 2).length).toBeGreaterThan(100);
    expect(count((t) => /^down_revision(: [^=]+)? = \[/m.test(t))).toBeGreaterThan(300); // list merge or 1-list
    expect(count((t) => /^down_revision(: [^=]+)? = \(\s*['"]/m.test(t))).toBeGreaterThan(400); // tuple
    expect(count((t) => /^branch_labels(: [^=]+)? = ['"]/m.test(t))).toBeGreaterThan(100);
    expect(count((t) => /^branch_labels(: [^=]+)? = \(/m.test(t))).toBeGreaterThan(80);
    expect(count((t) => /^revision: str = /m.test(t))).toBeGreaterThan(2000);
    expect(count((t) => /^revision = /m.test(t))).toBeGreaterThan(2000);
    expect(count((t) => /^"""\n\nRevision ID:/m.test(t))).toBeGreaterThan(200); // empty message
    expect(count((t) => /^"""[^\n]+\n[^\n]+\n\nRevision ID:/m.test(t))).toBeGreaterThan(400); // two-line title
    const files = trees.flatMap((t) => t.files);
    expect(files.filter((f) => f.encoding === 'latin1').length).toBeGreaterThan(60);
    expect(all.filter((r) => /^[0-9a-f]+\.py$/.test(r.fileName)).length).toBeGreaterThan(80); // legacy names
    expect(files.filter((f) => f.name.startsWith('.#') || f.name.includes('/') || !f.name.endsWith('.py')).length).toBeGreaterThan(40);
    expect(all.filter((r) => /[^\x00-\x7f]/.test(r.fileName)).length).toBeGreaterThan(300);
    expect(count((t) => /^revision, down_revision = /m.test(t))).toBeGreaterThan(100);
    // File names are not in creation order, so ties in history exercise the name sort.
    const shuffled = trees.filter((t) => {
      const names = t.revisions.map((r) => r.fileName);
      return names.join('\n') !== [...names].sort().join('\n');
    });
    expect(shuffled.length).toBeGreaterThan(trees.filter((t) => t.revisions.length > 2).length * 0.8);
  });
});
