// content/migrations/versions/: one Alembic graph with many branches and merges and a single
// final head, whose op.* bodies replay a consistent catalog of tables.
import type { Rng } from '../../tests/differential/random.ts';
import { pad, slugify } from './prose.ts';
import { adrRef } from './adrs.ts';
import { COLUMN_NAMES } from './words.ts';

interface Table {
  columns: Map<string, string>; // name -> sa type source
  indexes: Set<string>; // indexed column names
}

interface Op {
  up: string[];
  down: string[];
  message: string;
}

interface Node {
  id: string;
  parents: string[];
}

const MAX_OPEN_HEADS = 8;
const FIRST_SECOND = 1_420_070_400; // 2015-01-01T00:00:00Z

function typeFor(rng: Rng, column: string): string {
  if (column.endsWith('_at')) return 'sa.DateTime(timezone=True)';
  if (column.startsWith('is_')) return 'sa.Boolean()';
  if (['amount_cents', 'quantity', 'position', 'priority', 'retries', 'version', 'score', 'weight'].includes(column)) {
    return rng.chance(0.5) ? 'sa.Integer()' : 'sa.BigInteger()';
  }
  if (column === 'payload') return 'postgresql.JSONB(astext_type=sa.Text())';
  if (column === 'description' || column === 'note') return 'sa.Text()';
  return `sa.String(length=${rng.pick([32, 64, 120, 255])})`;
}

function singular(table: string): string {
  return table.replace(/ies$/, 'y').replace(/(sses|xes|ches|shes)$/, (m) => m.slice(0, -2)).replace(/s$/, '');
}

function createTable(rng: Rng, name: string, catalog: Map<string, Table>): Op {
  const table: Table = { columns: new Map([['id', 'sa.BigInteger()']]), indexes: new Set() };
  const lines = [`    op.create_table(`, `        '${name}',`, `        sa.Column('id', sa.BigInteger(), nullable=False),`];
  const existing = [...catalog.keys()];
  if (existing.length > 0 && rng.chance(0.6)) {
    const parent = rng.pick(existing);
    const fk = `${singular(parent)}_id`;
    table.columns.set(fk, 'sa.BigInteger()');
    lines.push(`        sa.Column('${fk}', sa.BigInteger(), sa.ForeignKey('${parent}.id', ondelete='CASCADE'), nullable=False),`);
  }
  for (const column of rng.sample(COLUMN_NAMES, rng.int(2, 7))) {
    const type = typeFor(rng, column);
    table.columns.set(column, type);
    const nullable = rng.chance(0.5) ? 'True' : 'False';
    lines.push(`        sa.Column('${column}', ${type}, nullable=${nullable}),`);
  }
  table.columns.set('created_at', 'sa.DateTime(timezone=True)');
  lines.push(
    `        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),`,
    `        sa.PrimaryKeyConstraint('id', name=op.f('pk_${name}')),`,
    '    )',
  );
  catalog.set(name, table);
  return { up: lines, down: [`    op.drop_table('${name}')`], message: `create ${name} table` };
}

/** One change to an existing table, or null when the chosen table offers nothing to do. */
function changeTable(rng: Rng, name: string, table: Table): Op | null {
  const columns = [...table.columns.keys()].filter((c) => c !== 'id');
  const roll = rng.next();
  if (roll < 0.35) {
    const column = COLUMN_NAMES.find((c) => !table.columns.has(c) && rng.chance(0.3));
    if (column === undefined) return null;
    const type = typeFor(rng, column);
    table.columns.set(column, type);
    const def = rng.chance(0.4) ? `, server_default=${type.startsWith('sa.Boolean') ? 'sa.false()' : "''"}, nullable=False` : ', nullable=True';
    return {
      up: [`    op.add_column('${name}', sa.Column('${column}', ${type}${def}))`],
      down: [`    op.drop_column('${name}', '${column}')`],
      message: `add ${column} to ${name}`,
    };
  }
  if (roll < 0.6) {
    const column = columns.find((c) => !table.indexes.has(c) && rng.chance(0.4));
    if (column === undefined) return null;
    table.indexes.add(column);
    const ix = `ix_${name}_${column}`;
    if (rng.chance(0.5)) {
      return {
        up: [
          '    with op.get_context().autocommit_block():',
          `        op.create_index(op.f('${ix}'), '${name}', ['${column}'], unique=False, postgresql_concurrently=True)`,
        ],
        down: [
          '    with op.get_context().autocommit_block():',
          `        op.drop_index(op.f('${ix}'), table_name='${name}', postgresql_concurrently=True)`,
        ],
        message: `index ${name} by ${column}`,
      };
    }
    return {
      up: [`    op.create_index(op.f('${ix}'), '${name}', ['${column}'], unique=${rng.chance(0.2) ? 'True' : 'False'})`],
      down: [`    op.drop_index(op.f('${ix}'), table_name='${name}')`],
      message: `index ${name} by ${column}`,
    };
  }
  if (roll < 0.8) {
    const column = columns.find((c) => table.columns.get(c)?.startsWith('sa.String') && rng.chance(0.5));
    if (column !== undefined) {
      const old = table.columns.get(column) as string;
      table.columns.set(column, 'sa.String(length=512)');
      return {
        up: [`    op.alter_column('${name}', '${column}', existing_type=${old}, type_=sa.String(length=512), existing_nullable=True)`],
        down: [`    op.alter_column('${name}', '${column}', existing_type=sa.String(length=512), type_=${old}, existing_nullable=True)`],
        message: `widen ${name}.${column}`,
      };
    }
    const other = rng.pick(columns);
    return {
      up: [`    op.alter_column('${name}', '${other}', existing_type=${table.columns.get(other)}, nullable=False)`],
      down: [`    op.alter_column('${name}', '${other}', existing_type=${table.columns.get(other)}, nullable=True)`],
      message: `make ${name}.${other} not null`,
    };
  }
  if (roll < 0.9) {
    const column = columns.find((c) => c !== 'created_at' && !c.endsWith('_id') && !table.indexes.has(c) && rng.chance(0.3));
    if (column === undefined) return null;
    const type = table.columns.get(column) as string;
    table.columns.delete(column);
    return {
      up: [`    op.drop_column('${name}', '${column}')`],
      down: [`    op.add_column('${name}', sa.Column('${column}', ${type}, nullable=True))`],
      message: `drop ${column} from ${name}`,
    };
  }
  const column = rng.pick(columns);
  return {
    up: [`    op.execute("UPDATE ${name} SET ${column} = ${column} WHERE ${column} IS NOT NULL")`],
    down: ['    pass'],
    message: `backfill ${name}.${column}`,
  };
}

function buildGraph(rng: Rng, count: number): Node[] {
  const ids = new Set<string>();
  const newId = (): string => {
    let id = rng.hex(12);
    while (ids.has(id)) id = rng.hex(12);
    ids.add(id);
    return id;
  };
  const nodes: Node[] = [{ id: newId(), parents: [] }];
  let heads = [nodes[0]?.id as string];
  for (let i = 1; i < count; i++) {
    const remaining = count - i;
    const id = newId();
    let parents: string[];
    if (heads.length > 1 && (remaining <= heads.length - 1 || rng.chance(0.07))) {
      parents = rng.sample(heads, remaining > heads.length + 1 && rng.chance(0.15) ? 3 : 2);
    } else if (heads.length < MAX_OPEN_HEADS && remaining > heads.length + 10 && rng.chance(0.07)) {
      // Branch off a recent revision that is not a head.
      parents = [rng.pick(nodes.slice(-30)).id];
    } else {
      parents = [rng.chance(0.6) ? (heads[0] as string) : rng.pick(heads)];
    }
    heads = [...heads.filter((h) => !parents.includes(h)), id];
    nodes.push({ id, parents });
  }
  return nodes;
}

function pyValue(parents: string[]): string {
  if (parents.length === 0) return 'None';
  if (parents.length === 1) return `'${parents[0]}'`;
  return `(${parents.map((p) => `'${p}'`).join(', ')})`;
}

export function generateMigrations(rng: Rng, count: number, tableNames: readonly string[], citable: number[], ruleLabels: string[]): { path: string; text: string }[] {
  const graph = buildGraph(rng, count);
  const catalog = new Map<string, Table>();
  const uncreated = [...tableNames];
  const files: { path: string; text: string }[] = [];
  graph.forEach((node, i) => {
    const ops: Op[] = [];
    if (node.parents.length < 2) {
      const createShare = uncreated.length / Math.max(1, (count - i) * 0.7);
      if (uncreated.length > 0 && (catalog.size < 3 || rng.chance(Math.max(0.15, createShare)))) {
        ops.push(createTable(rng, uncreated.shift() as string, catalog));
      }
      const wanted = ops.length === 0 ? rng.int(1, 3) : rng.int(0, 1);
      const names = [...catalog.keys()];
      const focus = rng.pick(names);
      for (let k = 0, tries = 0; k < wanted && tries < 10; tries++) {
        const name = rng.chance(0.7) ? focus : rng.pick(names);
        const op = changeTable(rng, name, catalog.get(name) as Table);
        if (op !== null) {
          ops.push(op);
          k++;
        }
      }
    }
    const message =
      node.parents.length > 1
        ? rng.chance(0.5) ? 'merge heads' : `merge ${node.parents.join(' and ')}`
        : `${ops[0]?.message ?? 'no-op'}${ops.length > 1 ? `, plus ${ops.length - 1} related change${ops.length > 2 ? 's' : ''}` : ''}`;
    const second = FIRST_SECOND + Math.floor((i * 10 * 365 * 86_400) / count) + rng.int(0, 3599);
    const when = new Date(second * 1000).toISOString();
    const createDate = `${when.slice(0, 10)} ${when.slice(11, 19)}.${pad(rng.int(0, 999_999), 6)}`;
    const trailers: string[] = [];
    if (citable.length > 0 && rng.chance(0.3)) trailers.push(`Decisions: ${rng.sample(citable, rng.int(1, 2)).map(adrRef).join(', ')}`);
    if (rng.chance(0.1)) trailers.push(`Rules: ${rng.sample(ruleLabels, rng.int(1, 2)).join(', ')}`);
    const doc = [`"""${message}`, '', `Revision ID: ${node.id}`, `Revises: ${node.parents.join(', ')}`, `Create Date: ${createDate}`, ...trailers, '', '"""'];
    const annotated = rng.chance(0.4);
    const imports = annotated
      ? ['from typing import Sequence, Union', '', 'from alembic import op', 'import sqlalchemy as sa', 'from sqlalchemy.dialects import postgresql']
      : ['from alembic import op', 'import sqlalchemy as sa', 'from sqlalchemy.dialects import postgresql'];
    const vars = annotated
      ? [
          `revision: str = '${node.id}'`,
          `down_revision: Union[str, Sequence[str], None] = ${pyValue(node.parents)}`,
          'branch_labels: Union[str, Sequence[str], None] = None',
          'depends_on: Union[str, Sequence[str], None] = None',
        ]
      : [`revision = '${node.id}'`, `down_revision = ${pyValue(node.parents)}`, 'branch_labels = None', 'depends_on = None'];
    const ret = annotated ? ' -> None' : '';
    const up = ops.length === 0 ? ['    pass'] : ops.flatMap((o) => o.up);
    const down = ops.length === 0 ? ['    pass'] : [...ops].reverse().flatMap((o) => o.down);
    const text = [
      ...doc,
      ...imports,
      '',
      '',
      '# revision identifiers, used by Alembic.',
      ...vars,
      '',
      '',
      `def upgrade()${ret}:`,
      ...up,
      '',
      '',
      `def downgrade()${ret}:`,
      ...down,
      '',
    ].join('\n');
    const slug = slugify(message, 40).replaceAll('-', '_');
    const name = rng.chance(0.2) ? `${createDate.slice(0, 16).replace(/[-: ]/g, '_')}-${node.id}_${slug}.py` : `${node.id}_${slug}.py`;
    files.push({ path: `content/migrations/versions/${name}`, text });
  });
  return files;
}
