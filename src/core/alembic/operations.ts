// `op.*` calls in upgrade() / downgrade() (spec §11), for summaries, and how downgrade() is written.

import type { ColumnSpec, DowngradeShape, Operation, OperationKind } from '../model.ts';
import {
  bodyStatements,
  calleeTail,
  children,
  commaItems,
  dottedName,
  lineOf,
  moduleStatements,
  readCall,
  spanText,
  splitOnCommas,
  src,
  stringValue,
  unparen,
  walk,
  type CallParts,
  type PyModule,
  type SyntaxNode,
} from './python.ts';

export interface MigrationFunctions {
  upgrade: Operation[];
  downgrade: Operation[];
  downgradeShape: DowngradeShape;
}

/** `op.<name>` methods that are helpers, not schema operations. */
const NOT_OPERATIONS = new Set([
  'f',
  'get_bind',
  'get_context',
  'inline_literal',
  'run_async',
  'invoke',
  'batch_alter_table',
  'implementation_for',
  'register_operation',
]);

interface Signature {
  kind: OperationKind;
  /** Parameter names in order; `a|b` lists accepted keyword spellings (older Alembic names). */
  params: string[];
  batch: string[];
}

const SIGNATURES: Record<string, Signature> = {
  create_table: { kind: 'create_table', params: ['table_name|name'], batch: [] },
  drop_table: { kind: 'drop_table', params: ['table_name|name'], batch: [] },
  rename_table: { kind: 'rename_table', params: ['old_table_name', 'new_table_name'], batch: [] },
  add_column: { kind: 'add_column', params: ['table_name', 'column'], batch: ['column'] },
  drop_column: { kind: 'drop_column', params: ['table_name', 'column_name'], batch: ['column_name'] },
  alter_column: { kind: 'alter_column', params: ['table_name', 'column_name'], batch: ['column_name'] },
  create_index: { kind: 'create_index', params: ['index_name|name', 'table_name', 'columns'], batch: ['index_name|name', 'columns'] },
  drop_index: { kind: 'drop_index', params: ['index_name|name', 'table_name'], batch: ['index_name|name'] },
  create_foreign_key: {
    kind: 'create_foreign_key',
    params: ['constraint_name|name', 'source_table|source', 'referent_table|referent', 'local_cols', 'remote_cols'],
    batch: ['constraint_name|name', 'referent_table|referent', 'local_cols', 'remote_cols'],
  },
  create_unique_constraint: {
    kind: 'create_unique_constraint',
    params: ['constraint_name|name', 'table_name|source|table', 'columns|local_cols'],
    batch: ['constraint_name|name', 'columns|local_cols'],
  },
  create_primary_key: {
    kind: 'create_primary_key',
    params: ['constraint_name|name', 'table_name', 'columns|cols'],
    batch: ['constraint_name|name', 'columns|cols'],
  },
  create_check_constraint: {
    kind: 'create_check_constraint',
    params: ['constraint_name|name', 'table_name|source|table', 'condition'],
    batch: ['constraint_name|name', 'condition'],
  },
  create_exclude_constraint: { kind: 'create_exclude_constraint', params: ['constraint_name|name', 'table_name'], batch: ['constraint_name|name'] },
  drop_constraint: { kind: 'drop_constraint', params: ['constraint_name|name', 'table_name', 'type_'], batch: ['constraint_name|name', 'type_'] },
  create_table_comment: { kind: 'create_table_comment', params: ['table_name', 'comment'], batch: ['comment'] },
  drop_table_comment: { kind: 'drop_table_comment', params: ['table_name'], batch: [] },
  bulk_insert: { kind: 'bulk_insert', params: ['table', 'rows'], batch: ['table', 'rows'] },
  execute: { kind: 'execute', params: ['sqltext|sql'], batch: ['sqltext|sql'] },
};

/** Positional parameters after which `*elements` / `*columns` follow. */
const VARARG_AFTER: Partial<Record<OperationKind, number>> = { create_table: 1, create_exclude_constraint: 2 };

const SCHEMA_ITEMS = new Set(['ForeignKey', 'Sequence', 'Computed', 'Identity', 'CheckConstraint', 'DefaultClause', 'FetchedValue', 'Index', 'UniqueConstraint']);

interface BatchTarget {
  table: string | null;
  schema: string | null;
}

interface Scope {
  batch: Map<string, BatchTarget>;
  autocommit: boolean;
  via: string | null;
  /** Functions currently being walked (guards against recursion). */
  stack: string[];
  /** Latest simple assignments seen in the function (`name = <expr>`). */
  locals: Map<string, SyntaxNode>;
}

interface Context {
  mod: PyModule;
  /** Dotted names that refer to Alembic's `op` proxy (`op`, `o`, `alembic.op`). */
  opNames: Set<string>;
  functions: Map<string, SyntaxNode>;
  moduleValues: Map<string, SyntaxNode>;
  out: Operation[];
  /** Module-level functions reached from the walked entry point (directly or through helpers). */
  reached: Set<string>;
}

/** Operations of `upgrade()` and `downgrade()` plus the shape of `downgrade()`. */
export function readMigrationFunctions(mod: PyModule): MigrationFunctions {
  const functions = new Map<string, SyntaxNode>();
  const moduleValues = new Map<string, SyntaxNode>();
  for (const stmt of moduleStatements(mod)) {
    const def = stmt.name === 'DecoratedStatement' ? stmt.getChild('FunctionDefinition') : stmt;
    if (def?.name === 'FunctionDefinition') {
      const name = def.getChild('VariableName');
      if (name) functions.set(src(mod, name), def);
    }
    if (stmt.name === 'AssignStatement') recordAssignment(mod, stmt, moduleValues);
  }
  const opNames = findOpNames(mod);
  const read = (entry: 'upgrade' | 'downgrade'): Operation[] => {
    const ctx: Context = { mod, opNames, functions, moduleValues, out: [], reached: new Set() };
    const def = functions.get(entry);
    if (!def) return ctx.out;
    walkFunction(ctx, def, { batch: new Map(), autocommit: false, via: null, stack: [entry], locals: new Map() });
    for (const name of dispatchTargets(def, entry, functions)) {
      if (ctx.reached.has(name)) continue;
      walkFunction(ctx, functions.get(name)!, { batch: new Map(), autocommit: false, via: name, stack: [entry, name], locals: new Map() });
    }
    return ctx.out;
  };
  return { upgrade: read('upgrade'), downgrade: read('downgrade'), downgradeShape: downgradeShape(mod, functions) };
}

/** Multi-database templates: `def upgrade(engine_name)` dispatching to `upgrade_<name>()`. */
function dispatchTargets(def: SyntaxNode, entry: string, functions: Map<string, SyntaxNode>): string[] {
  if (!def.getChild('ParamList')?.getChild('VariableName')) return [];
  return [...functions.keys()].filter((name) => name.startsWith(`${entry}_`) && name.length > entry.length + 1);
}

function findOpNames(mod: PyModule): Set<string> {
  const names = new Set(['op']);
  walk(mod.top, (n) => {
    if (n.name !== 'ImportStatement') return true;
    const parts = children(n);
    const importAt = parts.findIndex((p) => p.name === 'import');
    const from = parts[0]?.name === 'from' ? spanText(mod, parts.slice(1, importAt)) : null;
    for (const group of splitOnCommas(parts.slice(importAt + 1).filter((p) => p.name !== '(' && p.name !== ')'))) {
      const as = group.findIndex((g) => g.name === 'as');
      const imported = (as >= 0 ? group.slice(0, as) : group).map((g) => src(mod, g)).join('');
      const alias = as >= 0 && group[as + 1] ? src(mod, group[as + 1]!) : null;
      if (from === 'alembic' && imported === 'op') names.add(alias ?? 'op');
      if (from === null && imported === 'alembic.op') names.add(alias ?? 'alembic.op');
      if (from === null && imported === 'alembic') names.add(`${alias ?? 'alembic'}.op`);
    }
    return false;
  });
  return names;
}

function recordAssignment(mod: PyModule, stmt: SyntaxNode, into: Map<string, SyntaxNode>): void {
  const parts = children(stmt);
  const ops = parts.filter((p) => p.name === 'AssignOp');
  const target = parts[0];
  if (ops.length !== 1 || target?.name !== 'VariableName') return;
  const value = parts[parts.length - 1];
  if (value && value !== ops[0] && parts.indexOf(value) === parts.indexOf(ops[0]!) + 1) into.set(src(mod, target), value);
}

function walkFunction(ctx: Context, def: SyntaxNode, scope: Scope): void {
  const body = def.getChild('Body');
  if (body) walkNode(ctx, body, scope);
}

function walkNode(ctx: Context, node: SyntaxNode, scope: Scope): void {
  switch (node.name) {
    case 'WithStatement':
      walkWith(ctx, node, scope);
      return;
    case 'AssignStatement':
      recordAssignment(ctx.mod, node, scope.locals);
      break;
    case 'CallExpression':
      if (visitCall(ctx, node, scope)) return;
      break;
  }
  for (let c = node.firstChild; c; c = c.nextSibling) walkNode(ctx, c, scope);
}

function walkWith(ctx: Context, node: SyntaxNode, scope: Scope): void {
  const body = node.getChild('Body');
  // Flatten `with (a as b, c as d):` (lezer parses the parentheses as an expression).
  const header: SyntaxNode[] = [];
  for (const c of children(node)) {
    if (c === body || c.name === 'with' || c.name === 'async' || c.type.isError) continue;
    if (c.name === 'ParenthesizedExpression' && src(ctx.mod, c).startsWith('(') && !c.lastChild?.name.startsWith(')')) {
      header.push(...children(c).filter((x) => x.name !== '(' && !x.type.isError));
    } else header.push(c);
  }
  const inner: Scope = { ...scope, batch: new Map(scope.batch) };
  for (const item of splitOnCommas(header)) {
    const expr = item[0];
    if (!expr) continue;
    const as = item.findIndex((i) => i.name === 'as');
    const alias = as >= 0 && item[as + 1]?.name === 'VariableName' ? src(ctx.mod, item[as + 1]!) : null;
    const call = readCall(ctx.mod, unparen(expr));
    const method = call ? opMethod(ctx, call.callee) : null;
    if (call && method === 'batch_alter_table') {
      const table = resolveString(ctx, argument(call, ['table_name'], 0), scope);
      const schema = resolveString(ctx, call.keywords.get('schema') ?? null, scope);
      if (alias) inner.batch.set(alias, { table, schema });
    } else if (call && calleeTail(ctx.mod, unparen(expr)) === 'autocommit_block') {
      inner.autocommit = true;
    }
    walkNode(ctx, expr, scope);
  }
  if (body) walkNode(ctx, body, inner);
}

/** The `op` method a callee names (`op.add_column` → `add_column`), or null. */
function opMethod(ctx: Context, callee: SyntaxNode): string | null {
  if (callee.name !== 'MemberExpression') return null;
  const prop = callee.lastChild;
  const object = callee.firstChild;
  if (prop?.name !== 'PropertyName' || !object) return null;
  const base = dottedName(ctx.mod, object);
  return base !== null && ctx.opNames.has(base) ? src(ctx.mod, prop) : null;
}

/** Records an operation or follows a helper; returns true when the node's children were handled. */
function visitCall(ctx: Context, node: SyntaxNode, scope: Scope): boolean {
  const call = readCall(ctx.mod, node);
  if (!call) return false;
  const { callee } = call;
  const method = opMethod(ctx, callee);
  if (method !== null) {
    if (!NOT_OPERATIONS.has(method)) ctx.out.push(buildOperation(ctx, method, call, node, scope, null));
    return false;
  }
  if (callee.name === 'MemberExpression' && callee.firstChild?.name === 'VariableName' && callee.lastChild?.name === 'PropertyName') {
    const target = scope.batch.get(src(ctx.mod, callee.firstChild));
    const method = src(ctx.mod, callee.lastChild);
    if (target && !NOT_OPERATIONS.has(method)) {
      ctx.out.push(buildOperation(ctx, method, call, node, scope, target));
      return false;
    }
  }
  if (callee.name === 'VariableName') {
    const name = src(ctx.mod, callee);
    const def = ctx.functions.get(name);
    if (def && !scope.stack.includes(name)) {
      for (let c = node.firstChild; c; c = c.nextSibling) walkNode(ctx, c, scope);
      ctx.reached.add(name);
      walkFunction(ctx, def, helperScope(ctx, name, def, call, scope));
      return true;
    }
  }
  return false;
}

/**
 * The helper's scope: parameters bound to the caller's arguments, so that `_add(batch_op)` sees the
 * batch alias and `_audit("users")` resolves `table` inside the helper.
 */
function helperScope(ctx: Context, name: string, def: SyntaxNode, call: CallParts, scope: Scope): Scope {
  const inner: Scope = { batch: new Map(), autocommit: scope.autocommit, via: name, stack: [...scope.stack, name], locals: new Map() };
  const params = def.getChild('ParamList');
  const items = params ? commaItems(params) : [];
  const names = items.map((item) => (item[0]?.name === 'VariableName' ? src(ctx.mod, item[0]) : ''));
  items.forEach((item, i) => {
    const eq = item.findIndex((p) => p.name === 'AssignOp');
    if (names[i] && eq >= 0 && item[eq + 1]) inner.locals.set(names[i]!, item[eq + 1]!);
  });
  const bind = (param: string | undefined, arg: SyntaxNode): void => {
    if (!param) return;
    const alias = arg.name === 'VariableName' ? scope.batch.get(src(ctx.mod, arg)) : undefined;
    if (alias) inner.batch.set(param, alias);
    else {
      const bound = followNames(ctx, arg, scope);
      if (bound) inner.locals.set(param, bound);
    }
  };
  if (!call.starred) call.positional.forEach((arg, i) => bind(names[i], arg));
  for (const [key, value] of call.keywords) if (names.includes(key)) bind(key, value);
  return inner;
}

/** Follows `name` → its bound expression until it is not a bound name; null for unknown names. */
function followNames(ctx: Context, node: SyntaxNode, scope: Scope): SyntaxNode | null {
  let n = unparen(node);
  for (let depth = 0; n.name === 'VariableName' && depth < 8; depth++) {
    const bound = lookup(ctx, src(ctx.mod, n), scope);
    if (!bound) return null;
    n = unparen(bound);
  }
  return n.name === 'VariableName' ? null : n;
}

function argument(call: CallParts, names: string[], index: number): SyntaxNode | null {
  for (const name of names) {
    const kw = call.keywords.get(name);
    if (kw) return kw;
  }
  return index >= 0 ? (call.positional[index] ?? null) : null;
}

function buildOperation(ctx: Context, method: string, call: CallParts, node: SyntaxNode, scope: Scope, batch: BatchTarget | null): Operation {
  const { mod } = ctx;
  const sig = SIGNATURES[method];
  const params = sig ? (batch ? sig.batch : sig.params) : [];
  const arg = (param: string): SyntaxNode | null => {
    const index = params.findIndex((p) => p.split('|').includes(param));
    const spellings = index >= 0 ? params[index]!.split('|') : [param];
    return argument(call, spellings, index);
  };
  const str = (param: string): string | null => resolveString(ctx, arg(param), scope);
  const kwargs: Record<string, string> = {};
  for (const k of call.keywordList) kwargs[k.name] = src(mod, k.value);

  const op: Operation = {
    kind: sig?.kind ?? 'other',
    call: method,
    table: batch ? batch.table : null,
    schema: batch ? batch.schema : resolveString(ctx, call.keywords.get('schema') ?? null, scope),
    column: null,
    columnSpecs: [],
    columns: [],
    newName: null,
    name: null,
    referent: null,
    kwargs,
    sql: null,
    line: lineOf(mod, node.from),
    batch: batch !== null,
    autocommit: scope.autocommit,
    via: scope.via,
  };
  const tableParam = params.find((p) => /^(table_name|old_table_name|source_table)/.test(p));
  if (!batch && tableParam) op.table = str(tableParam.split('|')[0]!);
  if (!batch && !sig) op.table = resolveString(ctx, call.keywords.get('table_name') ?? null, scope);

  const varargs = (): SyntaxNode[] => call.positional.slice(VARARG_AFTER[op.kind]! - (batch ? 1 : 0));
  switch (op.kind) {
    case 'create_table':
      op.columnSpecs = tableColumns(ctx, varargs(), scope);
      break;
    case 'rename_table':
      op.newName = str('new_table_name');
      break;
    case 'add_column': {
      const spec = columnSpec(ctx, arg('column'), scope);
      if (spec) {
        op.columnSpecs = [spec];
        op.column = spec.name;
      }
      break;
    }
    case 'drop_column':
      op.column = str('column_name');
      break;
    case 'alter_column':
      op.column = str('column_name');
      op.newName = resolveString(ctx, call.keywords.get('new_column_name') ?? null, scope);
      break;
    case 'create_index':
    case 'create_unique_constraint':
    case 'create_primary_key':
      op.name = str('index_name') ?? str('constraint_name');
      op.columns = columnList(ctx, arg('columns'), scope);
      break;
    case 'drop_index':
      op.name = str('index_name');
      break;
    case 'create_foreign_key':
      op.name = str('constraint_name');
      op.referent = str('referent_table');
      op.columns = columnList(ctx, arg('local_cols'), scope);
      if (!batch) op.schema = resolveString(ctx, call.keywords.get('source_schema') ?? null, scope);
      break;
    case 'create_check_constraint':
    case 'drop_constraint':
      op.name = str('constraint_name');
      break;
    case 'create_exclude_constraint':
      op.name = str('constraint_name');
      op.columns = varargs().flatMap((el) => {
        const n = unparen(el);
        const first = n.name === 'TupleExpression' ? commaItems(n)[0]?.[0] : undefined;
        const col = first ? resolveString(ctx, first, scope) : null;
        return col === null ? [] : [col];
      });
      break;
    case 'bulk_insert': {
      const target = tableObject(ctx, arg('table'), scope);
      if (!batch) op.table = target.table;
      op.schema = batch ? op.schema : target.schema;
      break;
    }
    case 'execute':
      op.sql = sqlText(ctx, arg('sqltext'), scope, 0);
      break;
  }
  return op;
}

/** A string from a literal, `op.f("…")`, or a variable holding one; null when unknown. */
function resolveString(ctx: Context, node: SyntaxNode | null, scope: Scope, depth = 0): string | null {
  if (!node || depth > 8) return null;
  const n = unparen(node);
  const literal = stringValue(ctx.mod, n);
  if (literal !== null) return literal;
  if (n.name === 'VariableName') {
    const bound = lookup(ctx, src(ctx.mod, n), scope);
    return bound ? resolveString(ctx, bound, scope, depth + 1) : null;
  }
  const call = readCall(ctx.mod, n);
  if (call && call.positional.length >= 1) {
    const method = opMethod(ctx, call.callee);
    const tail = calleeTail(ctx.mod, n);
    if (method === 'f' || (method === null && (tail === 'f' || tail === 'conv'))) return resolveString(ctx, call.positional[0]!, scope, depth + 1);
  }
  return null;
}

function lookup(ctx: Context, name: string, scope: Scope): SyntaxNode | null {
  return scope.locals.get(name) ?? ctx.moduleValues.get(name) ?? null;
}

/** Column names from `["a", "b"]`, `("a",)` or `"a"`; expressions are kept as source text. */
function columnList(ctx: Context, node: SyntaxNode | null, scope: Scope, depth = 0): string[] {
  if (!node || depth > 8) return [];
  const n = unparen(node);
  if (n.name === 'ArrayExpression' || n.name === 'TupleExpression') {
    return commaItems(n).flatMap((item) => {
      if (item.length !== 1) return [];
      return [resolveString(ctx, item[0]!, scope) ?? src(ctx.mod, item[0]!)];
    });
  }
  const single = resolveString(ctx, n, scope);
  if (single !== null) return [single];
  if (n.name === 'VariableName') {
    const bound = lookup(ctx, src(ctx.mod, n), scope);
    return bound ? columnList(ctx, bound, scope, depth + 1) : [];
  }
  return [];
}

function isCallTo(ctx: Context, node: SyntaxNode, names: Set<string> | string): boolean {
  const tail = node.name === 'CallExpression' ? calleeTail(ctx.mod, node) : null;
  if (tail === null) return false;
  return typeof names === 'string' ? tail === names : names.has(tail);
}

function pyBool(ctx: Context, node: SyntaxNode | undefined): boolean | null {
  if (!node || node.name !== 'Boolean') return null;
  return src(ctx.mod, node) === 'True';
}

/** `sa.Column("name", Type, sa.ForeignKey("t.id"), nullable=False, …)` → ColumnSpec. */
function columnSpec(ctx: Context, node: SyntaxNode | null, scope: Scope): ColumnSpec | null {
  const n = node ? unparen(node) : null;
  if (!n || !isCallTo(ctx, n, 'Column')) return null;
  const call = readCall(ctx.mod, n)!;
  const rest = [...call.positional];
  let name = resolveString(ctx, call.keywords.get('name') ?? null, scope);
  if (name === null && rest[0]) {
    name = resolveString(ctx, rest[0], scope);
    if (name !== null) rest.shift();
  }
  if (name === null) return null;
  let type: string | null = null;
  let foreignKey: string | null = null;
  for (const item of rest) {
    const inner = unparen(item);
    if (isCallTo(ctx, inner, 'ForeignKey')) {
      const target = readCall(ctx.mod, inner)!.positional[0];
      foreignKey ??= target ? (resolveString(ctx, target, scope) ?? src(ctx.mod, target)) : null;
    } else if (!isCallTo(ctx, inner, SCHEMA_ITEMS) && type === null) {
      type = src(ctx.mod, item);
    }
  }
  const typeKw = call.keywords.get('type_');
  if (type === null && typeKw) type = src(ctx.mod, typeKw);
  const primaryKey = pyBool(ctx, call.keywords.get('primary_key')) === true;
  const nullable = pyBool(ctx, call.keywords.get('nullable'));
  const serverDefault = call.keywords.get('server_default');
  return {
    name,
    type,
    nullable: nullable ?? (primaryKey ? false : null),
    primaryKey,
    serverDefault: serverDefault ? src(ctx.mod, serverDefault) : null,
    foreignKey,
    line: lineOf(ctx.mod, n.from),
  };
}

/** Columns of `op.create_table`, with table-level primary/foreign key constraints applied. */
function tableColumns(ctx: Context, items: SyntaxNode[], scope: Scope): ColumnSpec[] {
  const specs: ColumnSpec[] = [];
  const constraints: SyntaxNode[] = [];
  for (const item of items) {
    const spec = columnSpec(ctx, item, scope);
    if (spec) specs.push(spec);
    else constraints.push(unparen(item));
  }
  const byName = new Map(specs.map((s) => [s.name, s]));
  for (const c of constraints) {
    const call = readCall(ctx.mod, c);
    if (!call) continue;
    if (isCallTo(ctx, c, 'PrimaryKeyConstraint')) {
      for (const arg of call.positional) {
        const spec = byName.get(resolveString(ctx, arg, scope) ?? '');
        if (!spec) continue;
        spec.primaryKey = true;
        spec.nullable ??= false;
      }
    } else if (isCallTo(ctx, c, 'ForeignKeyConstraint')) {
      const local = columnList(ctx, call.keywords.get('columns') ?? call.positional[0] ?? null, scope);
      const remote = columnList(ctx, call.keywords.get('refcolumns') ?? call.positional[1] ?? null, scope);
      local.forEach((col, i) => {
        const spec = byName.get(col);
        if (spec && spec.foreignKey === null && remote[i] !== undefined) spec.foreignKey = remote[i]!;
      });
    }
  }
  return specs;
}

/** `bulk_insert`'s table: `sa.table("name", …)` / `sa.Table("name", metadata, …)`, inline or via a variable. */
function tableObject(ctx: Context, node: SyntaxNode | null, scope: Scope, depth = 0): BatchTarget {
  const none = { table: null, schema: null };
  if (!node || depth > 8) return none;
  const n = unparen(node);
  if (n.name === 'VariableName') {
    const bound = lookup(ctx, src(ctx.mod, n), scope);
    return bound ? tableObject(ctx, bound, scope, depth + 1) : none;
  }
  const call = readCall(ctx.mod, n);
  if (call && opMethod(ctx, call.callee) === 'create_table') {
    return { table: resolveString(ctx, argument(call, ['table_name', 'name'], 0), scope), schema: resolveString(ctx, call.keywords.get('schema') ?? null, scope) };
  }
  if (!call || (!isCallTo(ctx, n, 'table') && !isCallTo(ctx, n, 'Table'))) return none;
  return {
    table: resolveString(ctx, call.keywords.get('name') ?? call.positional[0] ?? null, scope),
    schema: resolveString(ctx, call.keywords.get('schema') ?? null, scope),
  };
}

/** SQL of `op.execute`: a literal, `sa.text("…")`, `textwrap.dedent("…")`, or a variable holding one. */
function sqlText(ctx: Context, node: SyntaxNode | null, scope: Scope, depth: number): string | null {
  if (!node || depth > 8) return null;
  const n = unparen(node);
  const literal = stringValue(ctx.mod, n);
  if (literal !== null) return literal;
  if (n.name === 'VariableName') {
    const bound = lookup(ctx, src(ctx.mod, n), scope);
    return bound ? sqlText(ctx, bound, scope, depth + 1) : null;
  }
  const call = readCall(ctx.mod, n);
  const tail = calleeTail(ctx.mod, n);
  if (!call) return null;
  if ((tail === 'bindparams' || tail === 'execution_options') && call.callee.name === 'MemberExpression' && call.callee.firstChild) {
    return sqlText(ctx, call.callee.firstChild, scope, depth + 1);
  }
  if (!call.positional[0]) return null;
  if (tail === 'text' || tail === 'literal_column') return sqlText(ctx, call.positional[0], scope, depth + 1);
  if (tail === 'dedent') {
    const inner = sqlText(ctx, call.positional[0], scope, depth + 1);
    return inner === null ? null : dedent(inner);
  }
  return null;
}

/** Python's `textwrap.dedent`: remove the common leading whitespace of non-blank lines. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let margin: string | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (margin === null || indent.startsWith(margin)) margin ??= indent;
    else if (margin.startsWith(indent)) margin = indent;
    else {
      let i = 0;
      while (i < margin.length && i < indent.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  return lines.map((line) => (line.trim() === '' ? line.replace(/^[ \t]+$/, '') : line.slice(margin?.length ?? 0))).join('\n');
}

// ───────────── downgrade() shape ─────────────

function downgradeShape(mod: PyModule, functions: Map<string, SyntaxNode>): DowngradeShape {
  const def = functions.get('downgrade');
  if (!def) return { kind: 'missing' };
  const line = lineOf(mod, def.from);
  const own = bodyShape(mod, def);
  const params = def.getChild('ParamList');
  const targets = params?.getChild('VariableName') ? dispatchTargets(def, 'downgrade', functions) : [];
  if (targets.length === 0 || own.kind !== 'operations') return own.kind === 'operations' ? { kind: 'operations', line } : own;
  const shapes = targets.map((name) => bodyShape(mod, functions.get(name)!));
  const oneWay = shapes.find((s) => s.kind === 'one-way');
  if (oneWay) return oneWay;
  if (shapes.every((s) => s.kind === 'empty')) return { kind: 'empty', line };
  return { kind: 'operations', line };
}

function bodyShape(mod: PyModule, def: SyntaxNode): DowngradeShape {
  const line = lineOf(mod, def.from);
  const body = def.getChild('Body');
  const statements = body ? bodyStatements(body) : [];
  const meaningful = statements.filter((s) => !isFiller(mod, s));
  if (meaningful.length === 0) return { kind: 'empty', line };
  const raise = statements.find((s) => s.name === 'RaiseStatement');
  if (raise) return { kind: 'one-way', line: lineOf(mod, raise.from), reason: raiseReason(mod, raise) };
  return { kind: 'operations', line };
}

/** `pass`, `...` or a bare string (a docstring or a string used as a comment). */
function isFiller(mod: PyModule, stmt: SyntaxNode): boolean {
  if (stmt.name === 'PassStatement') return true;
  if (stmt.name !== 'ExpressionStatement') return false;
  const expr = stmt.firstChild;
  if (!expr || expr.nextSibling) return false;
  return expr.name === 'Ellipsis' || stringValue(mod, expr) !== null;
}

/** `raise NotImplementedError("reason")` → the decoded reason; other forms → null. */
function raiseReason(mod: PyModule, raise: SyntaxNode): string | null {
  const exc = children(raise)[1];
  const call = exc ? readCall(mod, exc) : null;
  const first = call?.positional[0] ?? call?.keywords.get('msg') ?? null;
  return first ? stringValue(mod, first) : null;
}
