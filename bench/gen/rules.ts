// rules/: 20 rule files of 10–20 rules each. File 1 uses `DB-0NN` labels and configures the
// audits; the others use `RNN-MMM` labels (`### R07-012: Title`).
import type { Rng } from '../../tests/differential/random.ts';
import { pad, paragraph, slugify } from './prose.ts';
import { COLUMN_NAMES, RULE_TOPICS, RULE_VERBS } from './words.ts';

export interface RuleSet {
  files: { path: string; text: string }[];
  /** Every rule label, e.g. `DB-003`, `R07-012`. */
  labels: string[];
  /** The `DB-0NN` labels only. */
  dbLabels: string[];
}

const DB_RULE_COUNT = 16;

// Which audit enforces which DB rule (the rule numbers must exist in file 1).
const CHECKS: [string, number, string, string?][] = [
  ['raw-sql', 1, 'warning'],
  ['graph', 2, 'error'],
  ['downgrade', 3, 'error'],
  ['naming', 4, 'warning', 'table: plural_snake_case'],
  ['naming', 5, 'warning', 'column: snake_case'],
  ['naive-datetime', 6, 'error'],
  ['naming', 8, 'warning', 'index: "ix_{table}_{column}"'],
  ['destructive', 11, 'error'],
  ['type-change', 11, 'warning'],
  ['not-null-without-default', 12, 'error'],
  ['index-lock', 13, 'warning'],
  ['constraint-validate', 14, 'warning'],
];

function ruleTitle(rng: Rng, tables: readonly string[]): string {
  const verb = rng.pick(RULE_VERBS);
  const what = rng.chance(0.5) ? `\`${rng.pick(tables)}\`` : `every \`${rng.pick(COLUMN_NAMES)}\` column`;
  const tail = rng.pick([
    'before it reaches production',
    'in the same migration that creates it',
    'with an accepted ADR',
    'and say why in the migration message',
    'per tenant',
    'only through Alembic',
  ]);
  return `${verb} ${what} ${tail}`;
}

function ruleBody(rng: Rng, tables: readonly string[]): string[] {
  const lines = paragraph(rng, tables, 1, 3);
  if (rng.chance(0.3)) {
    const t = rng.pick(tables);
    lines.push('', '```python', `op.create_index(op.f("ix_${t}_${rng.pick(COLUMN_NAMES)}"), "${t}", ["tenant_id"])`, '```');
  }
  if (rng.chance(0.4)) lines.push('', `**Why:** ${paragraph(rng, tables, 1, 1).join(' ')}`);
  return lines;
}

export function generateRules(rng: Rng, tables: readonly string[]): RuleSet {
  const files: { path: string; text: string }[] = [];
  const labels: string[] = [];
  const dbLabels: string[] = [];
  for (let f = 1; f <= 20; f++) {
    const topic = RULE_TOPICS[f - 1] as string;
    const count = f === 1 ? DB_RULE_COUNT : rng.int(10, 20);
    const front = [
      '---',
      `title: ${topic} rules`,
      `applies-to: ["content/migrations/**", "app/${slugify(topic)}/**"]`,
      `priority: ${f}`,
    ];
    if (f === 1) {
      front.push('checks:');
      for (const [check, rule, severity, option] of CHECKS) {
        front.push(`  - check: ${check}`, `    rule: DB-${pad(rule, 3)}`, `    severity: ${severity}`);
        if (option !== undefined) front.push(`    ${option}`);
      }
    }
    front.push('---');
    const body: string[] = ['', `# ${topic} rules`, '', ...paragraph(rng, tables, 2, 3), ''];
    const sections = rng.int(2, 4);
    const perSection = Math.ceil(count / sections);
    for (let i = 1; i <= count; i++) {
      if ((i - 1) % perSection === 0) body.push(`## ${topic}: part ${Math.floor((i - 1) / perSection) + 1}`, '');
      const label = f === 1 ? `DB-${pad(i, 3)}` : `R${pad(f, 2)}-${pad(i, 3)}`;
      labels.push(label);
      if (f === 1) dbLabels.push(label);
      body.push(`### ${label}: ${ruleTitle(rng, tables)}`, '', ...ruleBody(rng, tables), '');
    }
    files.push({ path: `rules/${pad(f, 2)}-${slugify(topic)}.md`, text: `${[...front, ...body].join('\n').trimEnd()}\n` });
  }
  return { files, labels, dbLabels };
}
