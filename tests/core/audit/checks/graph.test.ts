import { describe, expect, it } from 'vitest';
import { base, pathOf, run } from '../helpers.ts';

describe('graph', () => {
  it('reports unlabelled multiple heads as a finding', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb' }, { rev: 'cccccccccccc', down: 'aaaaaaaaaaaa' }]);
    const [f] = r.of('graph');
    expect(f?.severity).toBe('error');
    expect(f?.path).toBe('versions');
    expect(f?.revision).toBeNull();
    expect(f?.message).toMatch(/unmerged heads.*migration\/multiple-heads/);
  });

  it('reports a missing parent on the file that names it', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb', down: 'ffffffffffff' }]);
    expect(r.of('graph').map((f) => [f.path, f.revision])).toEqual([[pathOf('bbbbbbbbbbbb'), 'bbbbbbbbbbbb']]);
    expect(r.of('graph')[0]!.message).toMatch(/ffffffffffff/);
  });

  it('accepts one head, and heads that each carry their own branch label', () => {
    expect(run([base, { rev: 'bbbbbbbbbbbb' }]).of('graph')).toEqual([]);
    const labelled = run([
      { ...base, labels: "('core',)" },
      { rev: 'bbbbbbbbbbbb', down: null, labels: "('billing',)" },
    ]);
    expect(labelled.of('graph')).toEqual([]);
  });
});
