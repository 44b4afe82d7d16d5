import { it } from 'vitest';
import { makeRepo, goodFiles, loadBoth, migration } from '/work/main/tests/resilience/repo.ts';
const big = '# 4. Big\n\nStatus: accepted\n\n## Context\n\n' + 'Lorem ipsum dolor sit amet, ADR-0001 consectetur. DB-001 `users`.\n'.repeat(160000);
const cases: Record<string, any> = {
  bom: { 'adr/0003-bom.md': '\uFEFF---\nstatus: accepted\n---\n# 3. Bom\n', 'rules/bom.md': '\uFEFF# R\n\n### DB-010: X\nY\n', 'content/docs/bom.md': '\uFEFF---\ntitle: Bom\n---\nx\n', 'content/migrations/versions/bbbbbbbbbbb1_bom.py': '\uFEFF' + migration('bbbbbbbbbbb1', 'aaaaaaaaaaa3') },
  crlf: { 'adr/0003-crlf.md': '---\r\nstatus: accepted\r\n---\r\n# 3. Crlf\r\n\r\n## Decision\r\nDo it.\r\nSee ADR-0042.\n', 'content/migrations/versions/bbbbbbbbbbb1_crlf.py': migration('bbbbbbbbbbb1', 'aaaaaaaaaaa3').replace(/\n/g, '\r\n'), 'content/migrations/versions/bbbbbbbbbbb2_cr.py': migration('bbbbbbbbbbb2', 'bbbbbbbbbbb1', "    op.drop_table('users')").replace(/\n/g, '\r') },
  big: { 'adr/0004-big.md': big },
  syntax: { 'content/migrations/versions/bbbbbbbbbbb1_broken.py': migration('bbbbbbbbbbb1', 'aaaaaaaaaaa3', "    op.add_column('users', sa.Column('x', sa.Text()))\n    op.drop_column('users', 'name'\n    if True\n        pass") },
  deep: { 'adr/0005-deep.md': '# 5. Deep\n\n' + '>'.repeat(10000) + ' quote\n\n' + Array.from({length: 10000}, (_, i) => ' '.repeat(i*2) + '- item').join('\n') + '\n', 'rules/deep.md': '# Deep\n\n' + '>'.repeat(10000) + ' DB-050: x\n\n' + Array.from({length: 10000}, (_, i) => ' '.repeat(i*2) + '- DB-060: item').join('\n') + '\n', 'content/docs/deep.md': '# Deep\n\n' + '>'.repeat(10000) + ' q\n' },
  dup: { 'adr/0001-again.md': '# 1. Again\n\nStatus: accepted\n', 'adr/sub/0001-use-postgresql.md': '# 1. X\n', 'content/migrations/versions/dup_aaaaaaaaaaa2.py': migration('aaaaaaaaaaa2', 'aaaaaaaaaaa1'), 'rules/MORE.md': '# More\n\n### DB-001: Dup\nX\n' },
  cyc: { 'adr/0010-a.md': '# 10. A\n\nStatus: Superseded by ADR-0011\nSupersedes: ADR-0011\n', 'adr/0011-b.md': '# 11. B\n\nStatus: accepted\nSupersedes: ADR-0010\nSuperseded-by: ADR-0010\n', 'adr/0012-self.md': '---\nsupersedes: ADR-0012\namends: [ADR-0012]\n---\n# 12. Self\n\nSee ADR-0012.\n', 'content/migrations/versions/ccccccccccc1_self.py': migration('ccccccccccc1', 'ccccccccccc1'), 'content/migrations/versions/ccccccccccc2_x.py': migration('ccccccccccc2', 'ccccccccccc3'), 'content/migrations/versions/ccccccccccc3_x.py': migration('ccccccccccc3', 'ccccccccccc2') },
};
for (const [name, files] of Object.entries(cases)) it(name, async () => {
  const root = makeRepo({ ...goodFiles, ...files });
  const t = Date.now();
  const { json } = await loadBoth(root);
  console.log(name, Date.now() - t, 'ms');
  console.log(name, JSON.stringify(json.diagnostics.filter(d => d.path === null || Object.keys(files).includes(d.path!)), null, 0));
  console.log(name, JSON.stringify(json.inputs.filter(d => Object.keys(files).includes(d.path!)), null, 0));
  if (name === 'syntax') console.log(JSON.stringify(json.migrations[0].history));
});
