// A large synthetic repository for the budget tests: many ADRs and migrations, a realistic rules file.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface LargeSpec {
  adrs: number;
  migrations: number;
  rules: number;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const rev = (i: number): string => `${(0xa0000000 + i * 7919).toString(16)}beef`.slice(0, 12);

export function writeLargeRepo(spec: LargeSpec): string {
  const dir = mkdtempSync(join(tmpdir(), 'lore-large-'));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  const rules: string[] = [];
  for (let i = 1; i <= spec.rules; i++) {
    rules.push(`### DB-${pad(i, 3)}: Keep rule number ${i} in every migration that touches table group ${i % 9}\n\nRule ${i} exists because group ${i % 9} is shared by several services.\n`);
  }
  write(
    'rules/DATABASE_RULES.md',
    `---\ntitle: Database rules\napplies-to: ["content/migrations/**"]\nchecks:\n  - check: naming\n    rule: DB-001\n    table: plural_snake_case\n  - check: destructive\n    rule: DB-002\n    severity: error\n---\n\n# Database rules\n\n${rules.join('\n')}`,
  );

  for (let i = 1; i <= spec.adrs; i++) {
    const status = i % 10 === 0 ? 'rejected' : i % 13 === 0 ? 'superseded' : 'accepted';
    const cites = i % 4 === 0 ? `rules: [DB-${pad((i % spec.rules) + 1, 3)}]\n` : '';
    write(
      `adr/${pad(i, 4)}-decision-number-${i}.md`,
      `---\nstatus: ${status}\ndate: 2024-${pad((i % 12) + 1, 2)}-${pad((i % 27) + 1, 2)}\n${cites}---\n\n# Decision number ${i} about table group ${i % 9}\n\n## Context and Problem Statement\n\nTable group ${i % 9} grew past what one team can review by hand, and migrations against it started to collide.\n\n## Decision Outcome\n\nWe will route every schema change to table group ${i % 9} through option ${i}, reviewed by the owning team, and record the owner in the migration message.\n\nChosen option: "option ${i}", because it keeps the review with the people who know the data and costs one extra approval per change.\n`,
    );
  }

  for (let i = 0; i < spec.migrations; i++) {
    const down = i === 0 ? 'None' : `"${rev(i - 1)}"`;
    const table = `items_${i % 40}`;
    let up: string;
    let downBody: string;
    if (i < 40) {
      up = `op.create_table("${table}", sa.Column("id", sa.BigInteger(), primary_key=True))`;
      downBody = `op.drop_table("${table}")`;
    } else if (i % 9 === 0) {
      up = `op.drop_column("${table}", "note_${i - 1}")`;
      downBody = i % 18 === 0 ? 'raise NotImplementedError("the dropped notes are gone; restore from backup")' : `op.add_column("${table}", sa.Column("note_${i - 1}", sa.Text(), nullable=True))`;
    } else {
      up = `op.add_column("${table}", sa.Column("note_${i}", sa.Text(), nullable=True))`;
      downBody = `op.drop_column("${table}", "note_${i}")`;
    }
    write(
      `content/migrations/versions/${rev(i)}_step_${i}.py`,
      `"""step ${i} on ${table}\n\nRevision ID: ${rev(i)}\nRevises: ${i === 0 ? '' : rev(i - 1)}\nCreate Date: 2024-01-01 00:00:00\n\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "${rev(i)}"\ndown_revision = ${down}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade() -> None:\n    ${up}\n\n\ndef downgrade() -> None:\n    ${downBody}\n`,
    );
  }
  return dir;
}
