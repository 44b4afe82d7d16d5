// Seeded generator of random, VALID Alembic version folders for differential tests.
//
// Every tree is a DAG built in creation order (parents and dependencies always point at
// earlier revisions), so there are no cycles and no missing targets. It also stays clear of
// the situations where real Alembic's own output depends on Python set order
// (alembic-format.md §8.2 step 5, §8.4): at most one normalised dependency per revision, at
// most one label per revision, and a labelled lineage (the declarer and its descendants) is a
// single chain that never meets another labelled lineage.
//
// CLI: npx node tests/differential/generate.ts --seed 7 --out /tmp/tree7
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng, type Rng } from './random.ts';
import { NAME_PREFIXES, junkFiles, oddIdLiteral, reshapeVariables, trickyDocstring } from './quirks.ts';

export interface GeneratedRevision {
  id: string;
  fileName: string;
  /** Parent ids in declared order. */
  parents: string[];
  /** `depends_on` as declared (ids or labels). */
  dependsOn: string[];
  /** The label this revision declares, if any. */
  label: string | null;
}

export interface GeneratedTree {
  seed: number;
  /** In creation (topological) order. */
  revisions: GeneratedRevision[];
  /** Every file to write: the migrations plus files Alembic does not load (`__init__.py`, junk). */
  files: TreeFile[];
}

export interface TreeFile {
  /** Path relative to the versions folder (a few junk files sit in a sub-folder). */
  name: string;
  text: string;
  /** How to encode `text`; default UTF-8. */
  encoding?: 'latin1';
}

export interface GenerateOptions {
  /** Upper bound on the number of revisions (default 45, occasionally more). */
  maxRevisions?: number;
}

interface Node {
  id: string;
  parents: string[];
  deps: string[];
  resolvedDeps: string[];
  label: string | null;
  /** Id of the label declarer whose lineage (declarer + descendants) this node is in. */
  lineage: string | null;
  children: number;
  ancestors: Set<string>;
}

const LABELS = [
  'core', 'billing', 'networking', 'reporting', 'auth', 'search', 'audit', 'tenants', 'payments',
  'analytics', 'shipping', 'catalog', 'messaging', 'storage', 'invoicing', 'identity', 'inventory',
  'notifications', 'scheduling', 'ledger', 'geo', 'media', 'exports', 'webhooks',
];

const WORDS = [
  'users', 'tenants', 'invoices', 'orders', 'payments', 'accounts', 'sessions', 'audit_log',
  'preferences', 'addresses', 'products', 'prices', 'coupons', 'shipments', 'refunds', 'teams',
  'roles', 'permissions', 'api_keys', 'webhooks', 'events', 'reports', 'exports', 'documents',
];

const VERBS = ['add', 'create', 'drop', 'rename', 'backfill', 'index', 'split', 'merge', 'alter', 'extend'];

const EXTRA_MESSAGE_BITS = [
  "it's nullable for now",
  'use "utf-8" everywhere',
  '100% of rows backfilled',
  'café and naïve names',
  'per-tenant → global',
  'step 2 of 3: copy data',
  'FK to users.id',
  'see ADR-0042',
  'keep it short',
  'a (parenthesised) note',
  'tabs\tinside',
  'trailing dots...',
];

function idFactory(rng: Rng, taken: Set<string>): () => string {
  const style = rng.pick(['hex12', 'hex12', 'hex12', 'hex12', 'short', 'word', 'numeric', 'change', 'mixed']);
  let counter = rng.int(1, 40);
  return () => {
    for (;;) {
      let id: string;
      const s = style === 'mixed' ? rng.pick(['hex12', 'short', 'word', 'numeric', 'change']) : style;
      switch (s) {
        case 'short':
          id = rng.hex(rng.int(4, 8));
          break;
        case 'word':
          id = `${rng.pick(VERBS)}_${rng.pick(WORDS)}_${rng.int(1, 999)}`;
          break;
        case 'numeric':
          id = String((counter += rng.int(1, 9))).padStart(4, '0');
          break;
        case 'change':
          id = `I${rng.hex(16)}`;
          break;
        default:
          id = rng.hex(12);
      }
      if (!taken.has(id) && !LABELS.includes(id)) {
        taken.add(id);
        return id;
      }
    }
  };
}

function buildGraph(rng: Rng, n: number): Node[] {
  const nodes: Node[] = [];
  const byId = new Map<string, Node>();
  const nextId = idFactory(rng, new Set());
  const labelPool = rng.shuffle(LABELS);
  const declarerOf = new Map<string, string>(); // label -> id

  const eligible = (node: Node): boolean => node.lineage === null || node.children === 0;
  const heads = (): Node[] => nodes.filter((x) => x.children === 0 && eligible(x));

  for (let i = 0; i < n; i++) {
    const id = nextId();
    let parents: Node[] = [];
    const roll = rng.next();
    if (i === 0 || roll < 0.07) {
      parents = [];
    } else if (roll < 0.22 && heads().length >= 2) {
      const pool = rng.chance(0.85) ? heads() : nodes.filter(eligible);
      parents = rng.sample(pool, rng.chance(0.25) ? 3 : 2);
      // At most one parent may come from a labelled lineage (else the merge gets two labels).
      const seen = new Set<string>();
      parents = parents.filter((p) => p.lineage === null || (!seen.has(p.lineage) && seen.size === 0 && seen.add(p.lineage)));
      if (parents.length < 2) parents = parents.slice(0, 1);
    } else {
      const last = nodes[nodes.length - 1] as Node;
      const r = rng.next();
      if (r < 0.65 && eligible(last)) parents = [last];
      else if (r < 0.85 && heads().length > 0) parents = [rng.pick(heads())];
      else parents = [rng.pick(nodes.filter(eligible))];
    }

    const lineageParent = parents.find((p) => p.lineage !== null);
    let label: string | null = null;
    if (!lineageParent && labelPool.length > 0 && rng.chance(parents.length > 0 ? 0.08 : i === 0 ? 0.15 : 0.45)) {
      label = labelPool.pop() as string;
      declarerOf.set(label, id);
    }

    const ancestors = new Set<string>();
    for (const p of parents) {
      ancestors.add(p.id);
      for (const a of p.ancestors) ancestors.add(a);
    }

    // depends_on: one fresh dependency, optionally plus one an ancestor already declared
    // (which normalisation removes), so there is never more than one normalised dependency.
    const deps: string[] = [];
    const resolvedDeps: string[] = [];
    if (nodes.length > 0 && rng.chance(0.16)) {
      const target = rng.chance(0.5) ? rng.pick(heads().length > 0 ? heads() : nodes) : rng.pick(nodes);
      deps.push(target.label !== null && rng.chance(0.6) ? target.label : target.id);
      resolvedDeps.push(target.id);
      const declaredBelow = new Set<string>();
      for (const a of ancestors) for (const d of (byId.get(a) as Node).resolvedDeps) declaredBelow.add(d);
      const extra = [...declaredBelow].filter((d) => d !== target.id);
      if (extra.length > 0 && rng.chance(0.4)) {
        const other = byId.get(rng.pick(extra)) as Node;
        const name = other.label !== null && rng.chance(0.5) ? other.label : other.id;
        if (rng.chance(0.5)) deps.push(name);
        else deps.unshift(name);
        resolvedDeps.push(other.id);
      }
    }

    const node: Node = {
      id,
      parents: parents.map((p) => p.id),
      deps,
      resolvedDeps,
      label,
      lineage: label !== null ? id : (lineageParent?.lineage ?? null),
      children: 0,
      ancestors,
    };
    for (const p of parents) p.children++;
    nodes.push(node);
    byId.set(id, node);
  }
  return nodes;
}

// ───────────────────────────── rendering ─────────────────────────────

function pyStr(rng: Rng, s: string): string {
  return rng.chance(0.5) ? `'${s}'` : `"${s}"`;
}

function pySeq(rng: Rng, items: string[], kind: 'tuple' | 'list' | 'set'): string {
  const q = rng.chance(0.5) ? "'" : '"';
  const parts = items.map((x) => `${q}${x}${q}`);
  const [open, close] = kind === 'list' ? ['[', ']'] : kind === 'set' ? ['{', '}'] : ['(', ')'];
  if (items.length > 1 && rng.chance(0.25)) {
    return `${open}\n${parts.map((p) => `    ${p},\n`).join('')}${close}`;
  }
  if (kind === 'tuple' && items.length === 1) return `(${parts[0]},)`;
  return `${open}${parts.join(', ')}${close}`;
}

function renderDown(rng: Rng, parents: string[]): string {
  if (parents.length === 0) return rng.pick(['None', 'None', 'None', '()', '[]']);
  if (parents.length === 1) {
    const r = rng.next();
    if (r < 0.85) return pyStr(rng, parents[0] as string);
    return pySeq(rng, parents, r < 0.95 ? 'tuple' : 'list');
  }
  return pySeq(rng, parents, rng.chance(0.6) ? 'tuple' : 'list');
}

function renderDeps(rng: Rng, deps: string[]): string {
  if (deps.length === 0) return rng.pick(['None', 'None', 'None', '()']);
  if (deps.length === 1 && rng.chance(0.6)) return pyStr(rng, deps[0] as string);
  return pySeq(rng, deps, rng.chance(0.6) ? 'tuple' : 'list');
}

function renderLabels(rng: Rng, label: string | null): string {
  if (label === null) return 'None';
  const r = rng.next();
  if (r < 0.5) return pyStr(rng, label);
  return pySeq(rng, [label], r < 0.8 ? 'tuple' : r < 0.92 ? 'list' : 'set');
}

const ANNOTATIONS = {
  revision: ['str'],
  down_revision: ['Union[str, None]', 'Union[str, Sequence[str], None]', 'str | None', 'tuple[str, str] | None', 'str | Sequence[str] | None'],
  branch_labels: ['Union[str, Sequence[str], None]', 'str | Sequence[str] | None', 'None', 'tuple[str, ...] | None'],
  depends_on: ['Union[str, Sequence[str], None]', 'str | Sequence[str] | None', 'None'],
} as const;

function renderVariables(rng: Rng, node: GeneratedRevision, legacy: boolean): string {
  const style = rng.pick(['plain', 'plain', 'annotated', 'annotated', 'mixed']);
  const values: [keyof typeof ANNOTATIONS, string][] = [
    ['revision', rng.chance(0.06) ? oddIdLiteral(rng, node.id) : pyStr(rng, node.id)],
    ['down_revision', renderDown(rng, node.parents)],
    ['branch_labels', renderLabels(rng, node.label)],
    ['depends_on', renderDeps(rng, node.dependsOn)],
  ];
  const lines: string[] = [];
  for (const [name, value] of values) {
    // A legacy file has no `revision`: its id is its hex file name.
    if (name === 'revision' && legacy) continue;
    // A missing branch_labels / depends_on means "none" as well.
    if ((name === 'branch_labels' || name === 'depends_on') && value === 'None' && rng.chance(0.08)) continue;
    const annotated = style === 'annotated' || (style === 'mixed' && rng.chance(0.5));
    lines.push(annotated ? `${name}: ${rng.pick(ANNOTATIONS[name])} = ${value}` : `${name} = ${value}`);
  }
  return (rng.chance(0.2) ? reshapeVariables(rng, lines, !legacy) : lines).join('\n');
}

/** A short message; `plain` ones hold ASCII letters, digits and spaces only. */
function sentence(rng: Rng, plain = false): string {
  const verb = rng.pick(VERBS);
  const base = `${verb[0]?.toUpperCase()}${verb.slice(1)} ${rng.pick(WORDS).replace('_', ' ')}`;
  if (plain) return base;
  if (rng.chance(0.25)) return `${base}: ${rng.pick(EXTRA_MESSAGE_BITS)}`;
  if (rng.chance(0.1)) return `${base} and ${rng.pick(WORDS)}`;
  return base;
}

function createDate(rng: Rng): string {
  const pad = (x: number, w = 2): string => String(x).padStart(w, '0');
  const micro = rng.chance(0.1) ? '' : `.${pad(rng.int(0, 999999), 6)}`;
  return `${rng.int(2021, 2025)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))} ${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}${micro}`;
}

function header(rng: Rng, node: GeneratedRevision): string {
  const revises = rng.chance(0.05) ? rng.hex(12) : node.parents.join(', ');
  return `Revision ID: ${node.id}\nRevises: ${revises}\nCreate Date: ${createDate(rng)}\n`;
}

/** `top` is the docstring statement (or ''); `varsFirst` puts it below the variables. */
function renderDocstring(rng: Rng, node: GeneratedRevision): { top: string; varsFirst: boolean; latin1?: boolean } {
  if (rng.chance(0.15)) {
    const doc = trickyDocstring(rng, sentence(rng, true), header(rng, node));
    return { top: doc.source, varsFirst: false, latin1: doc.latin1 === true };
  }
  const variant = rng.pick([
    'template', 'template', 'template', 'template', 'template-multiline', 'template-empty',
    'one-line', 'single-quoted', 'with-body', 'leading-blank', 'none', 'vars-first', 'comment-first',
    'raw', 'indented-continuation', 'whitespace-line',
  ]);
  const msg = sentence(rng);
  switch (variant) {
    case 'template-multiline':
      return { top: `"""${msg}\n${sentence(rng).toLowerCase()}\n\n${header(rng, node)}\n"""`, varsFirst: false };
    case 'template-empty':
      return { top: `"""\n\n${header(rng, node)}\n"""`, varsFirst: false };
    case 'one-line':
      return { top: `"""${msg}."""`, varsFirst: false };
    case 'single-quoted':
      return { top: `'''${msg}\n\nMore detail about ${rng.pick(WORDS)}.\n'''`, varsFirst: false };
    case 'with-body':
      return {
        top: `"""${msg}\n\nWhy: ${sentence(rng).toLowerCase()}.\nDecisions: ADR-${String(rng.int(1, 300)).padStart(4, '0')}\n\n${header(rng, node)}"""`,
        varsFirst: false,
      };
    case 'leading-blank':
      return { top: `"""\n\n   ${msg}\n\n${header(rng, node)}\n"""`, varsFirst: false };
    case 'none':
      return { top: '', varsFirst: false };
    case 'vars-first':
      // The descriptive string is not the module's first statement, so it is no docstring.
      return { top: `"""${msg}\n\n${header(rng, node)}\n"""`, varsFirst: true };
    case 'comment-first':
      return { top: `# Generated by hand\n# vim: set ft=python:\n"""${msg}\n\n${header(rng, node)}\n"""`, varsFirst: false };
    case 'raw':
      return { top: `r"""${msg} matching \\d+ ids\n\n${header(rng, node)}\n"""`, varsFirst: false };
    case 'indented-continuation':
      return { top: `"""${msg}\n    and ${rng.pick(WORDS)}\n\n${header(rng, node)}\n"""`, varsFirst: false };
    case 'whitespace-line':
      // A line holding only spaces is not a paragraph break.
      return { top: `"""${msg}\n   \n${sentence(rng)}\n\n${header(rng, node)}\n"""`, varsFirst: false };
    default:
      return { top: `"""${msg}\n\n${header(rng, node)}\n"""`, varsFirst: false };
  }
}

function renderBody(rng: Rng): { up: string; down: string } {
  const table = rng.pick(WORDS);
  const column = rng.pick(['name', 'status', 'created_at', 'amount', 'email', 'locale', 'note']);
  switch (rng.int(0, 3)) {
    case 0:
      return {
        up: `    op.create_table(\n        "${table}",\n        sa.Column("id", sa.Integer(), primary_key=True),\n        sa.Column("${column}", sa.String(length=255), nullable=False),\n    )`,
        down: `    op.drop_table("${table}")`,
      };
    case 1:
      return {
        up: `    op.add_column("${table}", sa.Column("${column}", sa.Text(), nullable=True))`,
        down: `    op.drop_column("${table}", "${column}")`,
      };
    case 2:
      return {
        up: `    op.create_index(op.f("ix_${table}_${column}"), "${table}", ["${column}"], unique=False)`,
        down: `    op.drop_index(op.f("ix_${table}_${column}"), table_name="${table}")`,
      };
    default:
      return { up: '    pass', down: '    pass' };
  }
}

function renderFile(rng: Rng, node: GeneratedRevision, legacy: boolean): TreeFile {
  const doc = renderDocstring(rng, node);
  const vars = `# revision identifiers, used by Alembic.\n${renderVariables(rng, node, legacy)}`;
  const imports = 'from typing import Sequence, Union\n\nfrom alembic import op\nimport sqlalchemy as sa';
  const body = renderBody(rng);
  const parts: string[] = [];
  if (doc.latin1) parts.push('# -*- coding: latin-1 -*-');
  else if (rng.chance(0.05)) parts.push('# -*- coding: utf-8 -*-');
  if (doc.varsFirst) parts.push(imports, vars, doc.top);
  else if (doc.top !== '') parts.push(doc.top, imports, vars);
  else parts.push(imports, vars);
  parts.push(`def upgrade() -> None:\n${body.up}`, `def downgrade() -> None:\n${body.down}`);
  let text = `${parts.join('\n\n\n')}\n`;
  if (rng.chance(0.03)) text = text.replaceAll('\n', '\r\n');
  if (doc.latin1) return { name: node.fileName, text, encoding: 'latin1' };
  if (rng.chance(0.02)) text = `\ufeff${text}`; // UTF-8 byte order mark
  return { name: node.fileName, text };
}

function slug(rng: Rng): string {
  return `${rng.pick(VERBS)}_${rng.pick(WORDS)}`;
}

function fileNames(rng: Rng, ids: string[]): string[] {
  const scheme = rng.pick(['id', 'id', 'date', 'number', 'slug', 'unicode', 'mixed']);
  const taken = new Set<string>();
  const numbers = rng.shuffle(ids.map((_, i) => i + 1));
  return ids.map((id, i) => {
    const s = scheme === 'mixed' ? rng.pick(['id', 'date', 'number', 'slug', 'unicode']) : scheme;
    let name: string;
    for (let attempt = 0; ; attempt++) {
      const suffix = attempt === 0 ? '' : `_${attempt}`;
      if (s === 'date') {
        const d = createDate(rng).replace(/[-: ]/g, '_').slice(0, 16);
        name = `${d}-${id}_${slug(rng)}${suffix}.py`;
      } else if (s === 'number') name = `${String(numbers[i]).padStart(4, '0')}_${slug(rng)}${suffix}.py`;
      else if (s === 'slug') name = `${slug(rng)}${suffix}.py`;
      else if (s === 'unicode') name = `${rng.pick(NAME_PREFIXES)}${id}_${slug(rng)}${suffix}.py`;
      else name = `${id}_${slug(rng)}${suffix}.py`;
      if (!taken.has(name)) break;
    }
    taken.add(name);
    return name;
  });
}

export function generateTree(seed: number, options: GenerateOptions = {}): GeneratedTree {
  const rng = createRng(seed);
  const max = options.maxRevisions ?? (rng.chance(0.1) ? 120 : 45);
  const nodes = buildGraph(rng, rng.int(1, max));
  const names = fileNames(rng, nodes.map((x) => x.id));
  // A legacy file (no `revision` variable) is named after its lower-case hex id.
  const legacy = nodes.map((x) => /^[0-9a-f]+$/.test(x.id) && rng.chance(0.03));
  const revisions: GeneratedRevision[] = nodes.map((x, i) => ({
    id: x.id,
    fileName: legacy[i] ? `${x.id}.py` : (names[i] as string),
    parents: x.parents,
    dependsOn: x.deps,
    label: x.label,
  }));
  const files: TreeFile[] = revisions.map((r, i) => renderFile(rng, r, legacy[i] === true));
  if (rng.chance(0.2)) files.push({ name: '__init__.py', text: '' });
  if (rng.chance(0.15)) files.push(...junkFiles(rng, files));
  return { seed, revisions, files };
}

export function writeTree(tree: GeneratedTree, dir: string): void {
  for (const f of tree.files) {
    const path = join(dir, f.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.from(f.text, f.encoding ?? 'utf8'));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
  if (values.seed === undefined || values.out === undefined) {
    process.stderr.write('usage: npx node tests/differential/generate.ts --seed N --out DIR\n');
    process.exit(2);
  }
  const tree = generateTree(Number(values.seed));
  writeTree(tree, values.out);
  process.stdout.write(`seed ${tree.seed}: ${tree.revisions.length} revisions written to ${values.out}\n`);
}
