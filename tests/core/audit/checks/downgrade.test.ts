import { describe, expect, it } from 'vitest';
import { base, lineOf, run } from '../helpers.ts';

const change = "op.add_column('users', sa.Column('nickname', sa.Text(), nullable=True))";

describe('downgrade', () => {
  it('flags a missing downgrade() as an error, at file level', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb', upgrade: change, downgrade: null }]);
    expect(r.of('downgrade').map((f) => [f.line, f.severity])).toEqual([[null, 'error']]);
  });

  it('flags a downgrade() that is only `pass` when upgrade() changes something', () => {
    const r = run([base, { rev: 'bbbbbbbbbbbb', upgrade: change, downgrade: 'pass' }]);
    expect(r.of('downgrade').map((f) => [f.line, f.severity])).toEqual([[lineOf(r.sources, 'bbbbbbbbbbbb', 'def downgrade')  , 'error']]);
  });

  it('notes a one-way migration with a reason (info) and flags one without', () => {
    const withReason = run([base, { rev: 'bbbbbbbbbbbb', upgrade: change, downgrade: 'raise NotImplementedError("nicknames cannot be restored")' }]);
    expect(withReason.of('downgrade').map((f) => f.severity)).toEqual(['info']);
    expect(withReason.of('downgrade')[0]!.message).toMatch(/nicknames cannot be restored/);
    const bare = run([base, { rev: 'bbbbbbbbbbbb', upgrade: change, downgrade: 'raise NotImplementedError()' }]);
    expect(bare.of('downgrade').map((f) => f.severity)).toEqual(['error']);
  });

  it('accepts an empty downgrade() of a merge or no-op revision, and a real downgrade()', () => {
    const r = run([
      base,
      { rev: 'bbbbbbbbbbbb', upgrade: change, downgrade: "op.drop_column('users', 'nickname')" },
      { rev: 'cccccccccccc', down: 'aaaaaaaaaaaa', upgrade: 'pass', downgrade: 'pass' },
      { rev: 'dddddddddddd', down: ['bbbbbbbbbbbb', 'cccccccccccc'], upgrade: 'pass', downgrade: 'pass' },
    ]);
    expect(r.of('downgrade')).toEqual([]);
  });
});
