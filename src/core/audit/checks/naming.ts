// naming: tables plural snake_case, columns snake_case, foreign-key columns `<parent_singular>_id`
// (a role prefix such as `actor_user_id` is fine), index names `ix_{table}_{column}`, optional
// templates for unique / foreign-key / check / primary-key constraint names, and identifiers no
// longer than PostgreSQL's 63 bytes. Only upgrade() is checked: a downgrade restores old names.
import type { Operation } from '../../model.ts';
import type { Check, Emit, OperationContext } from '../types.ts';
import { isPlural, plural, singular, toSnakeCase } from '../inflect.ts';
import { parseTemplate, renderTemplate, templateSource, type Template, type TemplateValues } from '../templates.ts';

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ROLE = /^(?:[a-z0-9]+_)+$/;
const encoder = new TextEncoder();

const TEMPLATE_ASPECTS = ['foreign-key', 'index', 'unique', 'foreign-key-name', 'check-constraint', 'primary-key'] as const;
type TemplateAspect = (typeof TEMPLATE_ASPECTS)[number];
const DEFAULT_TEMPLATES: Partial<Record<TemplateAspect, string>> = {
  'foreign-key': '{referent_singular}_{referent_column}',
  index: 'ix_{table}_{column}',
};
const WHAT: Record<TemplateAspect, string> = {
  'foreign-key': 'foreign-key column',
  index: 'index',
  unique: 'unique constraint',
  'foreign-key-name': 'foreign key',
  'check-constraint': 'check constraint',
  'primary-key': 'primary key',
};

const templates = new Map<string, Template | null>();
function template(text: string): Template | null {
  let t = templates.get(text);
  if (t === undefined) {
    const parsed = parseTemplate(text);
    t = 'error' in parsed ? null : parsed;
    templates.set(text, t);
  }
  return t;
}

const isOff = (v: unknown): boolean => v === false || v === null || (typeof v === 'string' && ['off', 'false', 'none', ''].includes(v.trim().toLowerCase()));

function byteLength(name: string): number {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(name) ? name.length : encoder.encode(name).length;
}

/** `organizations.id` / `billing.organizations.id` → table and column. */
function target(fk: string): { table: string; column: string } | null {
  const parts = fk.split('.');
  if (parts.length < 2) return null;
  return { table: parts[parts.length - 2]!, column: parts[parts.length - 1]! };
}

class Naming {
  readonly ctx: OperationContext;
  readonly emit: Emit;
  readonly op: Operation;

  constructor(ctx: OperationContext, emit: Emit, op: Operation) {
    this.ctx = ctx;
    this.emit = emit;
    this.op = op;
  }

  maxLength(): number {
    const v = this.ctx.option('max-length');
    return typeof v === 'number' && v > 0 ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : 63;
  }

  length(name: string, line: number, aspect: string, what: string): void {
    const bytes = byteLength(name);
    const max = this.maxLength();
    if (bytes <= max) return;
    this.emit({
      line,
      callLine: this.op.line,
      aspect,
      message: `${what} name "${name}" is ${bytes} bytes; PostgreSQL cuts identifiers to ${max} bytes, so two long names can end up the same. Shorten it.`,
    });
  }

  table(name: string | null, line: number): void {
    if (name === null) return;
    this.length(name, line, 'table', 'table');
    const style = this.ctx.option('table') ?? 'plural_snake_case';
    if (isOff(style)) return;
    const snake = SNAKE.test(name);
    const wantPlural = style === 'plural_snake_case';
    if (snake && (!wantPlural || isPlural(name))) return;
    const base = toSnakeCase(name);
    const suggestion = base ? (wantPlural ? plural(singular(base)) : base) : '';
    const wanted = wantPlural ? 'plural snake_case' : 'snake_case';
    const fix = suggestion && suggestion !== name ? `name it like "${suggestion}"` : 'use lower-case ASCII words joined by underscores, the last one plural';
    this.emit({ line, callLine: this.op.line, aspect: 'table', message: `table name "${name}" is not ${wanted}; ${fix}.` });
  }

  column(table: string | null, name: string | null, line: number): void {
    if (name === null) return;
    this.length(name, line, 'column', 'column');
    const style = this.ctx.option('column') ?? 'snake_case';
    if (isOff(style) || SNAKE.test(name)) return;
    const where = table ? `${table}.${name}` : name;
    const suggestion = toSnakeCase(name);
    const fix = suggestion && suggestion !== name ? `name it "${suggestion}"` : 'use lower-case ASCII words joined by underscores';
    this.emit({ line, callLine: this.op.line, aspect: 'column', message: `column name "${where}" is not snake_case; ${fix}.` });
  }

  /** The configured (or default) template of an aspect, or null when off / not configured. */
  template(aspect: TemplateAspect): Template | null {
    const v = this.ctx.option(aspect) ?? DEFAULT_TEMPLATES[aspect];
    if (typeof v !== 'string' || isOff(v)) return null;
    return template(v.trim());
  }

  foreignKeyColumn(table: string | null, column: string, referent: { table: string; column: string | null }, line: number): void {
    const t = this.template('foreign-key');
    if (!t) return;
    const values: TemplateValues = { table, column, referent: referent.table, referent_singular: singular(referent.table), referent_column: referent.column };
    const wanted = renderTemplate(t, values);
    // Any role in front is fine: `actor_user_id` → users.id.
    if (wanted !== null) {
      if (column === wanted || (column.endsWith(`_${wanted}`) && ROLE.test(column.slice(0, -wanted.length)))) return;
    } else if (new RegExp(`^(?:[a-z0-9]+_)*${templateSource(t, values)}$`).test(column)) return;
    const where = table ? `${table}.${column}` : column;
    const points = `${referent.table}${referent.column ? `.${referent.column}` : ''}`;
    const fix = wanted ? `name it "${wanted}" (a role may go in front: "<role>_${wanted}")` : `name it after ${t.text}`;
    this.emit({ line, callLine: this.op.line, aspect: 'foreign-key', message: `foreign-key column "${where}" references ${points}; ${fix}.` });
  }

  name(aspect: TemplateAspect, name: string | null, values: TemplateValues): void {
    if (name === null) return;
    this.length(name, this.op.line, aspect, WHAT[aspect]);
    const t = this.template(aspect);
    if (!t) return;
    const wanted = renderTemplate(t, values);
    if (wanted !== null ? name === wanted : new RegExp(`^${templateSource(t, values)}$`).test(name)) return;
    this.emit({
      line: this.op.line,
      callLine: this.op.line,
      aspect,
      message: `${WHAT[aspect]} name "${name}" does not follow ${t.text}${wanted ? `; name it "${wanted}"` : ''}.`,
    });
  }
}

function columnValues(op: Operation): Pick<TemplateValues, 'column' | 'column_0'> {
  const plain = op.columns.length > 0 && op.columns.every((c) => IDENTIFIER.test(c));
  return { column: plain ? op.columns.join('_') : null, column_0: plain ? op.columns[0]! : null };
}

export const naming: Check = {
  id: 'naming',
  severity: 'warning',
  title: 'Breaks a naming convention',
  help: 'Tables are plural snake_case, columns snake_case, a foreign-key column is named after its parent table in the singular (`organization_id`; a role may go in front: `actor_user_id`), index names follow `ix_{table}_{column}`, and constraint names follow their templates when configured. PostgreSQL cuts identifiers longer than 63 bytes.',
  phases: ['upgrade'],
  options: {
    table: 'table',
    column: 'column',
    'foreign-key': 'foreign-key',
    index: 'index',
    ix: 'index',
    unique: 'unique',
    uq: 'unique',
    'foreign-key-name': 'foreign-key-name',
    fk: 'foreign-key-name',
    'check-constraint': 'check-constraint',
    ck: 'check-constraint',
    'primary-key': 'primary-key',
    pk: 'primary-key',
    'max-length': 'max-length',
  },
  aspects: ['table', 'column', ...TEMPLATE_ASPECTS],
  validate(key, value) {
    if (isOff(value)) return null;
    if (key === 'max-length') {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
      return Number.isInteger(n) && n > 0 ? null : 'must be a positive whole number of bytes';
    }
    if (typeof value !== 'string') return 'must be text';
    if (key === 'table') return ['plural_snake_case', 'snake_case'].includes(value) ? null : 'must be plural_snake_case, snake_case or off';
    if (key === 'column') return value === 'snake_case' ? null : 'must be snake_case or off';
    const parsed = parseTemplate(value.trim());
    return 'error' in parsed ? parsed.error : null;
  },
  operation(op, ctx, emit) {
    const n = new Naming(ctx, emit, op);
    switch (op.kind) {
      case 'create_table':
      case 'add_column':
        if (op.kind === 'create_table') n.table(op.table, op.line);
        for (const c of op.columnSpecs) {
          n.column(op.table, c.name, c.line);
          const ref = c.foreignKey ? target(c.foreignKey) : null;
          if (ref) n.foreignKeyColumn(op.table, c.name, ref, c.line);
        }
        return;
      case 'rename_table':
        n.table(op.newName, op.line);
        return;
      case 'alter_column':
        if (op.newName !== null) n.column(op.table, op.newName, op.line);
        return;
      case 'create_index':
        n.name('index', op.name, { table: op.table, ...columnValues(op) });
        return;
      case 'create_unique_constraint':
        n.name('unique', op.name, { table: op.table, ...columnValues(op) });
        return;
      case 'create_primary_key':
        n.name('primary-key', op.name, { table: op.table, ...columnValues(op) });
        return;
      case 'create_check_constraint':
        n.name('check-constraint', op.name, { table: op.table });
        return;
      case 'create_foreign_key':
        n.name('foreign-key-name', op.name, { table: op.table, ...columnValues(op), referent: op.referent, referent_singular: op.referent ? singular(op.referent) : null });
        if (op.referent && op.columns.length === 1 && IDENTIFIER.test(op.columns[0]!)) {
          n.foreignKeyColumn(op.table, op.columns[0]!, { table: op.referent, column: null }, op.line);
        }
        return;
      default:
        return;
    }
  },
};
