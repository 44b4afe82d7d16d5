// The four module variables of a revision file (spec §4.3–4.6): which statements set them,
// literal-only evaluation, normalisation (§7) and the load-time checks Alembic applies.

import type { Diagnostic } from '../model.ts';
import { compareCodePoints } from '../text.ts';
import {
  bodyStatements,
  children,
  commaItems,
  lineOf,
  moduleStatements,
  walk,
  spanText,
  splitOnCommas,
  src,
  stringValue,
  unparen,
  type PyModule,
  type SyntaxNode,
} from './python.ts';

export type VariableName = 'revision' | 'down_revision' | 'branch_labels' | 'depends_on';
export const VARIABLE_NAMES: readonly VariableName[] = ['revision', 'down_revision', 'branch_labels', 'depends_on'];

export type Constants = Record<string, string | string[] | null>;

/** A literal value lore can evaluate. */
export type PyValue = { kind: 'none' } | { kind: 'str'; value: string } | { kind: 'seq'; items: string[] };

export type VariableState =
  | { status: 'missing' }
  | { status: 'resolved'; value: PyValue; line: number }
  | { status: 'unresolved'; text: string; line: number; why: 'expression' | 'conditional' | 'binding' };

/** One statement that (re)binds a tracked name at module level. */
interface Binding {
  name: VariableName;
  conditional: boolean;
  line: number;
  /** Value expression (several nodes = a bare tuple); null for bindings that are not `=`. */
  value: SyntaxNode[] | null;
  /** Source text describing the binding when `value` is null or cannot be split. */
  text: string;
}

const TRACKED = new Set<string>(VARIABLE_NAMES);
const COMPOUND = new Set(['IfStatement', 'WhileStatement', 'ForStatement', 'TryStatement', 'WithStatement', 'MatchStatement']);

/** Final state of each of the four variables after the module top level would run. */
export function readVariables(mod: PyModule, constants: Constants = {}): Record<VariableName, VariableState> {
  const bindings: Binding[] = [];
  collectBindings(mod, moduleStatements(mod), false, bindings);
  const result = {} as Record<VariableName, VariableState>;
  for (const name of VARIABLE_NAMES) {
    result[name] = finalState(
      mod,
      bindings.filter((b) => b.name === name),
      constants,
    );
  }
  return result;
}

function finalState(mod: PyModule, bindings: Binding[], constants: Constants): VariableState {
  if (bindings.length === 0) return { status: 'missing' };
  let lastUnconditional = -1;
  bindings.forEach((b, i) => {
    if (!b.conditional) lastUnconditional = i;
  });
  const last = bindings[bindings.length - 1]!;
  if (lastUnconditional < bindings.length - 1) {
    return { status: 'unresolved', text: last.text, line: last.line, why: 'conditional' };
  }
  if (last.value === null) return { status: 'unresolved', text: last.text, line: last.line, why: 'binding' };
  const value = evaluate(mod, last.value, constants);
  if (value === null) return { status: 'unresolved', text: last.text, line: last.line, why: 'expression' };
  return { status: 'resolved', value, line: last.line };
}

// ───────────── which statements bind the names ─────────────

function collectBindings(mod: PyModule, statements: SyntaxNode[], conditional: boolean, out: Binding[]): void {
  for (const stmt of statements) {
    const line = lineOf(mod, stmt.from);
    const other = (nameNode: SyntaxNode | undefined | null): void => {
      if (nameNode?.name === 'VariableName' && TRACKED.has(src(mod, nameNode))) {
        out.push({ name: src(mod, nameNode) as VariableName, conditional, line, value: null, text: firstLine(src(mod, stmt)) });
      }
    };
    switch (stmt.name) {
      case 'AssignStatement':
        collectWalrus(mod, stmt, conditional, out);
        collectAssignment(mod, stmt, conditional, out);
        break;
      case 'UpdateStatement':
      case 'DeleteStatement':
        for (const n of targetNames(stmt)) other(n);
        break;
      case 'ImportStatement':
        for (const n of importedNames(mod, stmt)) other(n);
        break;
      case 'FunctionDefinition':
      case 'ClassDefinition':
        other(stmt.getChild('VariableName'));
        break;
      case 'DecoratedStatement': {
        const def = stmt.getChild('FunctionDefinition') ?? stmt.getChild('ClassDefinition');
        other(def?.getChild('VariableName'));
        break;
      }
      default:
        if (COMPOUND.has(stmt.name)) {
          for (const n of compoundHeaderNames(stmt)) {
            out.push({ name: src(mod, n) as VariableName, conditional: true, line, value: null, text: firstLine(src(mod, stmt)) });
          }
          collectWalrus(mod, stmt, true, out);
          for (const body of stmt.getChildren('Body')) collectBindings(mod, bodyStatements(body), true, out);
          const matchBody = stmt.getChild('MatchBody');
          for (const clause of matchBody?.getChildren('MatchClause') ?? []) {
            for (const body of clause.getChildren('Body')) collectBindings(mod, bodyStatements(body), true, out);
          }
        } else {
          collectWalrus(mod, stmt, conditional, out);
        }
    }
  }
  function compoundHeaderNames(stmt: SyntaxNode): SyntaxNode[] {
    const names: SyntaxNode[] = [];
    const parts = children(stmt);
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.name === 'Body') continue;
      if (p.name === 'as' && parts[i + 1]?.name === 'VariableName') names.push(parts[i + 1]!);
      if (stmt.name === 'ForStatement' && p.name === 'for') {
        for (let j = i + 1; j < parts.length && parts[j]!.name !== 'in'; j++) names.push(...variableNamesIn(parts[j]!));
      }
      if (stmt.name === 'TryStatement' && p.name === ',' && parts[i + 1]?.name === 'VariableName') names.push(parts[i + 1]!);
    }
    const matchBody = stmt.getChild('MatchBody');
    for (const clause of matchBody?.getChildren('MatchClause') ?? []) {
      for (const c of children(clause)) if (c.name !== 'Body') names.push(...patternNames(c));
    }
    return names.filter((n) => TRACKED.has(src(mod, n)));
  }
}

function patternNames(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  walk(node, (n) => {
    if ((n.name === 'CapturePattern' || n.name === 'AsPattern' || n.name === 'StarPattern') && n.lastChild?.name === 'VariableName') {
      out.push(n.lastChild);
    }
  });
  return out;
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : `${text.slice(0, nl)} …`;
}

/** Walrus (`name := …`) bindings anywhere inside a statement, function/class bodies excluded. */
function collectWalrus(mod: PyModule, stmt: SyntaxNode, conditional: boolean, out: Binding[]): void {
  walk(stmt, (n) => {
    if (n.name === 'LambdaExpression' || n.name === 'FunctionDefinition' || n.name === 'ClassDefinition') return false;
    if (n.name === 'Body' || n.name === 'MatchBody') return false;
    if (n.name === 'NamedExpression') {
      const name = n.firstChild ? src(mod, n.firstChild) : '';
      if (TRACKED.has(name)) {
        out.push({ name: name as VariableName, conditional, line: lineOf(mod, n.from), value: null, text: `${name} := …` });
      }
    }
    return true;
  });
}

function targetNames(stmt: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const c of children(stmt)) {
    if (c.name === 'UpdateOp') break;
    out.push(...variableNamesIn(c));
  }
  return out;
}

/** Names bound by a target expression (`a`, `(a, b)`, `[a, *b]`); attribute/subscript targets bind nothing. */
function variableNamesIn(node: SyntaxNode): SyntaxNode[] {
  const n = unparen(node);
  if (n.name === 'VariableName') return [n];
  if (n.name === 'TupleExpression' || n.name === 'ArrayExpression') {
    return commaItems(n).flatMap((item) => item.flatMap((c) => (c.name === '*' ? [] : variableNamesIn(c))));
  }
  return [];
}

function importedNames(mod: PyModule, stmt: SyntaxNode): SyntaxNode[] {
  const parts = children(stmt);
  const importAt = parts.findIndex((p) => p.name === 'import');
  const groups = splitOnCommas(parts.slice(importAt + 1).filter((p) => p.name !== '(' && p.name !== ')'));
  const out: SyntaxNode[] = [];
  for (const group of groups) {
    const as = group.findIndex((g) => g.name === 'as');
    const bound = as >= 0 ? group[as + 1] : group.find((g) => g.name === 'VariableName');
    if (bound && bound.name === 'VariableName' && TRACKED.has(src(mod, bound))) out.push(bound);
  }
  return out;
}

function collectAssignment(mod: PyModule, stmt: SyntaxNode, conditional: boolean, out: Binding[]): void {
  const segments: SyntaxNode[][] = [[]];
  for (const c of children(stmt)) {
    if (c.name === 'AssignOp') segments.push([]);
    else if (c.name !== 'TypeDef') segments[segments.length - 1]!.push(c);
  }
  if (segments.length < 2) return; // `name: annotation` alone binds nothing
  const value = segments[segments.length - 1]!;
  const valueNodes = value;
  const line = lineOf(mod, stmt.from);
  for (const target of segments.slice(0, -1)) {
    const items = splitOnCommas(target);
    if (items.length === 1 && !target.some((t) => t.name === ',')) {
      bindTarget(mod, items[0]!, valueNodes, conditional, line, out);
    } else {
      unpack(mod, items, valueNodes, conditional, line, out);
    }
  }
}

function bindTarget(mod: PyModule, target: SyntaxNode[], value: SyntaxNode[], conditional: boolean, line: number, out: Binding[]): void {
  const node = target.length === 1 ? unparen(target[0]!) : null;
  if (!node) {
    for (const n of target.flatMap(variableNamesIn)) push(n, null);
    return;
  }
  if (node.name === 'VariableName') {
    push(node, value);
  } else if (node.name === 'TupleExpression' || node.name === 'ArrayExpression') {
    unpack(mod, commaItems(node), value, conditional, line, out);
  }
  function push(nameNode: SyntaxNode, v: SyntaxNode[] | null): void {
    const name = src(mod, nameNode);
    if (!TRACKED.has(name)) return;
    out.push({ name: name as VariableName, conditional, line, value: v, text: spanText(mod, value) });
  }
}

/** `a, b = x, y`: element-wise when the value is a literal tuple/list of the same length. */
function unpack(mod: PyModule, targets: SyntaxNode[][], value: SyntaxNode[], conditional: boolean, line: number, out: Binding[]): void {
  const elements = sequenceElements(value);
  const starred = targets.some((t) => t[0]?.name === '*');
  if (elements && !starred && elements.length === targets.length) {
    targets.forEach((t, i) => bindTarget(mod, t, elements[i]!, conditional, line, out));
    return;
  }
  for (const t of targets) {
    for (const n of t.flatMap(variableNamesIn)) {
      if (TRACKED.has(src(mod, n))) {
        out.push({ name: src(mod, n) as VariableName, conditional, line, value: null, text: spanText(mod, value) });
      }
    }
  }
}

function sequenceElements(value: SyntaxNode[]): SyntaxNode[][] | null {
  if (value.some((v) => v.name === ',')) return splitOnCommas(value);
  if (value.length !== 1) return null;
  const n = unparen(value[0]!);
  if (n.name === 'TupleExpression' || n.name === 'ArrayExpression') return commaItems(n);
  return null;
}

// ───────────── literal-only evaluation (§4.5) ─────────────

/** Evaluates a value expression, or null when it is not a supported literal (or mapped constant). */
export function evaluate(mod: PyModule, nodes: SyntaxNode[], constants: Constants): PyValue | null {
  const mapped = lookupConstant(constants, spanText(mod, nodes));
  if (mapped !== undefined) return mapped;
  if (nodes.some((n) => n.name === ',')) return sequenceValue(mod, splitOnCommas(nodes), false, constants);
  if (nodes.length !== 1) return null;
  const node = unparen(nodes[0]!);
  if (node !== nodes[0]) {
    const inner = lookupConstant(constants, src(mod, node));
    if (inner !== undefined) return inner;
  }
  if (node.name === 'None') return { kind: 'none' };
  const str = stringValue(mod, node);
  if (str !== null) return { kind: 'str', value: str };
  if (node.name === 'TupleExpression' || node.name === 'ArrayExpression') return sequenceValue(mod, commaItems(node), false, constants);
  if (node.name === 'SetExpression') return sequenceValue(mod, commaItems(node), true, constants);
  return null;
}

function sequenceValue(mod: PyModule, items: SyntaxNode[][], isSet: boolean, constants: Constants): PyValue | null {
  const values: string[] = [];
  for (const item of items) {
    if (item.length !== 1) return null;
    const node = item[0]!;
    const str = stringValue(mod, node);
    if (str !== null) {
      values.push(str);
      continue;
    }
    const mapped = lookupConstant(constants, src(mod, node));
    if (mapped?.kind !== 'str') return null;
    values.push(mapped.value);
  }
  if (isSet) {
    const unique = [...new Set(values)];
    unique.sort(compareCodePoints);
    return { kind: 'seq', items: unique };
  }
  return { kind: 'seq', items: values };
}

function lookupConstant(constants: Constants, text: string): PyValue | undefined {
  const key = Object.hasOwn(constants, text) ? text : text.replace(/\s+/g, ' ').trim();
  if (!Object.hasOwn(constants, key)) return undefined;
  const v = constants[key];
  if (v === null || v === undefined) return { kind: 'none' };
  if (typeof v === 'string') return { kind: 'str', value: v };
  return { kind: 'seq', items: [...v] };
}

// ───────────── normalisation and load-time checks ─────────────

export interface RevisionIdentity {
  revision: string | null;
  downRevisions: string[] | null;
  dependsOn: string[];
  declaredBranchLabels: string[];
  unresolved: Record<string, string>;
  line: number | null;
  /** false when Alembic would refuse the file (no/illegal id, self-loop, no down_revision, …). */
  placeable: boolean;
  diagnostics: Diagnostic[];
}

const LEGACY_NAME = /^[0-9a-f]+\.py$/;
const ILLEGAL_ID_CHARS = ['@', '-', '+', ':'];

/** Reads, normalises and checks the revision variables of one file. */
export function readRevisionIdentity(mod: PyModule, path: string, constants: Constants = {}): RevisionIdentity {
  const vars = readVariables(mod, constants);
  const diagnostics: Diagnostic[] = [];
  const unresolved: Record<string, string> = {};
  const diag = (code: string, severity: Diagnostic['severity'], line: number | null, message: string): void => {
    diagnostics.push({ code, severity, path, line, message });
  };
  for (const name of VARIABLE_NAMES) {
    const state = vars[name];
    if (state.status !== 'unresolved') continue;
    unresolved[name] = state.text;
    diag('migration/unresolved-value', 'warning', state.line, unresolvedMessage(name, state));
  }

  const base = path.slice(path.lastIndexOf('/') + 1);
  const rev = vars.revision;
  let revision: string | null = null;
  let line: number | null = null;
  let placeable = true;
  if (rev.status === 'missing') {
    if (LEGACY_NAME.test(base)) revision = base.slice(0, -3);
    else {
      placeable = false;
      diag(
        'migration/not-a-revision',
        'error',
        null,
        `${base} is loaded by Alembic (it is a .py file in a versions folder) but defines no \`revision\` variable: move helper modules out of the versions folder, or add the revision variables`,
      );
    }
  } else if (rev.status === 'unresolved') {
    placeable = false;
    line = rev.line;
  } else {
    line = rev.line;
    if (rev.value.kind === 'str') revision = rev.value.value;
    else {
      placeable = false;
      diag('migration/illegal-revision-id', 'error', rev.line, '`revision` must be a single string: assign the revision id as a string literal');
    }
  }

  const down = vars.down_revision;
  let downRevisions: string[] | null = null;
  if (down.status === 'missing' && (rev.status !== 'missing' || revision !== null)) {
    placeable = false;
    diag(
      'migration/missing-down-revision',
      'error',
      line,
      'the file defines no `down_revision`, so Alembic cannot load it: add `down_revision = None` for a base, or the parent revision id',
    );
  } else if (down.status === 'resolved') downRevisions = toList(down.value);

  const dependsOn = vars.depends_on.status === 'resolved' ? toList(vars.depends_on.value) : [];
  const declaredBranchLabels = vars.branch_labels.status === 'resolved' ? toList(vars.branch_labels.value) : [];

  if (revision !== null) {
    const id = revision;
    if (downRevisions?.includes(revision)) {
      placeable = false;
      diag('migration/self-loop', 'error', down.status === 'resolved' ? down.line : line, `\`down_revision\` names the revision itself (${revision}): point it at the real parent`);
    }
    if (dependsOn.includes(revision)) {
      placeable = false;
      const at = vars.depends_on.status === 'resolved' ? vars.depends_on.line : line;
      diag('migration/self-loop', 'error', at, `\`depends_on\` names the revision itself (${revision}): remove it from depends_on`);
    }
    const illegal = ILLEGAL_ID_CHARS.filter((c) => id.includes(c));
    if (illegal.length > 0) {
      placeable = false;
      revision = null;
      diag(
        'migration/illegal-revision-id',
        'error',
        line,
        `revision id "${id}" contains ${illegal.map((c) => `'${c}'`).join(', ')}, which Alembic does not allow in ids: rename the revision without @ - + :`,
      );
    }
  }
  return { revision, downRevisions, dependsOn, declaredBranchLabels, unresolved, line, placeable, diagnostics };
}

/** §7: `None` → [], a string → [it], a sequence as given. */
function toList(value: PyValue): string[] {
  if (value.kind === 'none') return [];
  if (value.kind === 'str') return [value.value];
  return value.items;
}

function unresolvedMessage(name: VariableName, state: Extract<VariableState, { status: 'unresolved' }>): string {
  const effect =
    name === 'revision'
      ? 'the file is left out of the graph'
      : name === 'down_revision'
        ? 'the revision gets no parent edges'
        : `${name} is treated as empty`;
  if (state.why === 'conditional') {
    return `\`${name}\` is assigned conditionally (\`${state.text}\`), so its value depends on running the module; ${effect}. Assign it once, unconditionally, with a literal`;
  }
  if (state.why === 'binding') {
    return `\`${name}\` is bound by \`${state.text}\`, which lore cannot evaluate without running Python; ${effect}. Assign it with a literal`;
  }
  return `\`${name}\` is set to \`${state.text}\`, which lore cannot evaluate without running Python; ${effect}. Use a string literal, or map the expression to its value with \`--constant '${state.text}=VALUE'\` (or \`alembic.constants\` in lore's config)`;
}
