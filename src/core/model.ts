// The knowledge model: every type that readers produce and renderers consume.
// All paths are repo-relative with `/` separators unless a comment says otherwise.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Namespaced code, e.g. `migration/missing-parent`, `adr/bad-front-matter`, `link/unresolved`. */
  code: string;
  severity: Severity;
  /** Relative path (see the producer), or null for findings that belong to no file. */
  path: string | null;
  /** 1-based line, or null for file- or graph-level findings. */
  line: number | null;
  /** Says what is wrong and what to do about it. */
  message: string;
}

// ───────────────────────────── Alembic ─────────────────────────────

/** How `downgrade()` is written. */
export type DowngradeShape =
  | { kind: 'missing' }
  | { kind: 'empty'; line: number } // only `pass` / a docstring / `...`
  | { kind: 'one-way'; line: number; reason: string | null } // raise NotImplementedError(...) (or another raise)
  | { kind: 'operations'; line: number };

export interface ColumnSpec {
  name: string;
  /** Source text of the type argument, e.g. `sa.String(length=255)`; null when absent. */
  type: string | null;
  /** Literal `nullable=` if given (`True`/`False`), else null. `primary_key=True` implies false. */
  nullable: boolean | null;
  primaryKey: boolean;
  /** Source text of `server_default=`, or null. */
  serverDefault: string | null;
  /** `sa.ForeignKey("parent.id")` target text (`parent.id`), or null. */
  foreignKey: string | null;
  line: number;
}

export type OperationKind =
  | 'create_table'
  | 'drop_table'
  | 'rename_table'
  | 'add_column'
  | 'drop_column'
  | 'alter_column'
  | 'create_index'
  | 'drop_index'
  | 'create_foreign_key'
  | 'create_unique_constraint'
  | 'create_primary_key'
  | 'create_check_constraint'
  | 'create_exclude_constraint'
  | 'drop_constraint'
  | 'create_table_comment'
  | 'drop_table_comment'
  | 'bulk_insert'
  | 'execute'
  | 'other';

export interface Operation {
  kind: OperationKind;
  /** The method name as called (`create_table`, `sync_enum_values`, …). */
  call: string;
  /** Target table (for batch ops: the `with op.batch_alter_table(...)` table); null when unknown. */
  table: string | null;
  schema: string | null;
  /** Column touched by add/drop/alter_column; columns of create_index / constraints in `columns`. */
  column: string | null;
  /** Columns defined by create_table / add_column. */
  columnSpecs: ColumnSpec[];
  /** Column names listed by create_index / unique / primary key / foreign key (local side). */
  columns: string[];
  /** rename_table's new name, or alter_column's `new_column_name`. */
  newName: string | null;
  /** Index or constraint name (`op.f("x")` unwrapped), or null. */
  name: string | null;
  /** create_foreign_key: the referent (parent) table. */
  referent: string | null;
  /** Keyword arguments as source text, e.g. `{ nullable: "False", type_: "sa.Text()" }`. */
  kwargs: Record<string, string>;
  /** op.execute: the SQL text when it is a literal (or `sa.text("…")`), else null. */
  sql: string | null;
  /** 1-based line of the call. */
  line: number;
  /** Called on a `batch_alter_table` alias. */
  batch: boolean;
  /** Inside `with op.get_context().autocommit_block():`. */
  autocommit: boolean;
  /** Name of the module-level helper function the call sits in, when reached through one. */
  via: string | null;
}

export interface MigrationComment {
  line: number;
  text: string; // without the leading `#` and surrounding whitespace
}

/** What reading one migration file gives, before the graph is built. */
export interface ParsedRevisionFile {
  /** Relative path (relative to the location base chosen by the caller). */
  path: string;
  /** null when the file could not be placed (no/unresolved/illegal revision). */
  revision: string | null;
  /** null when `down_revision` is unresolved (unknown, not empty). */
  downRevisions: string[] | null;
  dependsOn: string[];
  /** Labels as declared in this file (sorted when declared as a set). */
  declaredBranchLabels: string[];
  message: string;
  longdoc: string;
  /** 1-based line where the docstring literal starts, or null when there is none. */
  docLine: number | null;
  /** Source text of unresolved values, by variable name. */
  unresolved: Record<string, string>;
  /** 1-based line of the `revision` assignment, for diagnostics. */
  line: number | null;
  /** Header block (informational only). */
  header: { revisionId: string | null; revises: string[] | null; createDate: string | null };
  /** `Create Date` parsed leniently to `YYYY-MM-DD` / `YYYY-MM-DDTHH:MM:SS`, else null. */
  createDate: string | null;
  upgrade: Operation[];
  downgrade: Operation[];
  downgradeShape: DowngradeShape;
  /** `# …` comments anywhere in the file (for references and waivers). */
  comments: MigrationComment[];
  /** false when the file is out of the graph (decode/syntax error, not a revision, …). */
  loadable: boolean;
  diagnostics: Diagnostic[];
}

export interface Revision {
  revision: string;
  path: string;
  downRevisions: string[];
  dependsOn: string[];
  /** After propagation, sorted. */
  branchLabels: string[];
  declaredBranchLabels: string[];
  message: string;
  longdoc: string;
  docLine: number | null;
  isHead: boolean;
  isBase: boolean;
  isBranchPoint: boolean;
  isMergePoint: boolean;
  /** Head with no dependents. */
  isRealHead: boolean;
  /** Parents dropped because they do not exist (drawn as orphaned). */
  orphaned: boolean;
  unresolved: Record<string, string>;
  createDate: string | null;
  line: number | null;
  upgrade: Operation[];
  downgrade: Operation[];
  downgradeShape: DowngradeShape;
  comments: MigrationComment[];
  /** Children (by parent edges), in load order. */
  children: string[];
}

export interface MigrationGraph {
  /** Environment name (`default` for a single one; otherwise from its folder / ini section). */
  name: string;
  /** The script_location (or versions folder) relative to the repo root. */
  path: string;
  /** Version locations scanned, repo-relative, in order. */
  locations: string[];
  /** Configured locations that do not exist. */
  missingLocations: string[];
  revisions: Revision[];
  heads: string[];
  bases: string[];
  branchPoints: string[];
  mergePoints: string[];
  /** `alembic history` order, newest first. */
  history: string[];
  historyLines: string[];
  ignoredFiles: string[];
  diagnostics: Diagnostic[];
}

// ───────────────────────────── ADRs ─────────────────────────────

export type AdrStatus = 'accepted' | 'proposed' | 'draft' | 'rejected' | 'deprecated' | 'superseded' | 'unknown';

export interface AdrSection {
  /** Heading text as written. */
  heading: string;
  /** Normalized role: context | decision | consequences | options | status | other. */
  role: 'context' | 'decision' | 'consequences' | 'options' | 'status' | 'other';
  level: number;
  line: number;
  /** Markdown source of the section body (without its heading). */
  markdown: string;
}

export interface Adr {
  /** Path relative to the ADR root, or to its group's folder (conformance field); see `file` for the repo-relative path. */
  path: string;
  /** Repo-relative path of the file. */
  file: string;
  /** Path-derived id (conformance rule 2), e.g. `0004-keep-billing-history`. */
  id: string;
  /** ADR group (sub-folder / ADR root name); '' for the main root. */
  group: string;
  number: number | null;
  title: string;
  status: AdrStatus;
  statusRaw: string | null;
  date: string | null;
  deciders: string[];
  tags: string[];
  supersedes: string[];
  supersededBy: string[];
  amends: string[];
  amendedBy: string[];
  /** Front-matter `migrations:` / `rules:` / `tables:` references as written. */
  declared: { migrations: string[]; rules: string[]; tables: string[] };
  /** Front matter `accepts:`: audit check ids this decision accepts for the migrations that cite it. */
  accepts: string[];
  sections: AdrSection[];
  /** One sentence saying what was decided. */
  summary: string;
  /** Markdown body without front matter. */
  body: string;
  /** 1-based line where the body starts in the file (after front matter). */
  bodyLine: number;
}

// ───────────────────────────── Rules ─────────────────────────────

export interface RuleItem {
  /** Stable id, e.g. `db-001` or `table-names-are-plural-snake-case`. */
  id: string;
  /** Label as written (`DB-001`), or null. */
  label: string | null;
  title: string;
  /** Markdown text of the rule (without the heading). */
  text: string;
  line: number;
  /** Heading path above the rule (section titles). */
  section: string[];
}

export interface RuleFile {
  path: string;
  title: string;
  appliesTo: string[];
  priority: number | null;
  /** Audit configuration declared by the file (front matter `checks:` or a ```lore-checks block). */
  checks: RuleCheckConfig[];
  rules: RuleItem[];
  body: string;
  /** 1-based line where `body` starts in the file (after front matter). */
  bodyLine: number;
}

export interface RuleCheckConfig {
  check: string;
  rule: string | null;
  severity: Severity | 'off' | null;
  options: Record<string, unknown>;
  line: number | null;
}

// ───────────────────────────── Links ─────────────────────────────

/** `adr:<id>`, `rule:<id>`, `rules-file:<path>`, `migration:<env>/<revision>`, `table:<name>`, `doc:<path>`. */
export type Ref = string;

export type LinkKind =
  | 'supersedes'
  | 'amends'
  | 'implements' // migration → adr
  | 'cites' // rule → adr, adr → rule, adr → adr mention, migration → rule
  | 'touches' // migration → table
  | 'mentions'; // adr/rule → table, migration, etc.

export interface Link {
  from: Ref;
  to: Ref;
  kind: LinkKind;
  source: { path: string; line: number | null };
  /** The reference as written. */
  text: string;
}

// ───────────────────────────── Tables ─────────────────────────────

export type TableEventKind =
  | 'created'
  | 'dropped'
  | 'renamed'
  | 'column-added'
  | 'column-dropped'
  | 'column-altered'
  | 'column-renamed'
  | 'index-created'
  | 'index-dropped'
  | 'constraint-added'
  | 'constraint-dropped'
  | 'data'
  | 'other';

export interface TableEvent {
  kind: TableEventKind;
  environment: string;
  revision: string;
  /** Operation index within `upgrade`. */
  operation: number;
  column: string | null;
  detail: string;
  line: number;
  path: string;
}

export interface TableColumn {
  name: string;
  type: string | null;
  nullable: boolean | null;
}

export interface TableHistory {
  name: string;
  /** Names this table had before renames (oldest first). */
  formerNames: string[];
  /** false when the last event drops it. */
  exists: boolean;
  /** Columns as the migrations leave them (best effort). */
  columns: TableColumn[];
  events: TableEvent[];
}

// ───────────────────────────── Audit ─────────────────────────────

export interface Waiver {
  /** `comment`: `# lore: ignore[check] reason`; `docstring`: a migration-level line; `adr`: a cited ADR that accepts the check. */
  by: 'comment' | 'docstring' | 'adr';
  reason: string;
  /** The ADR that accepts the change, for `by: 'adr'`. */
  ref: Ref | null;
  line: number | null;
}

/** A migration that breaks (or, waived, is allowed to break) a written rule. */
export interface Finding {
  /** Stable check id, e.g. `destructive`, `index-lock`, `naming`. */
  check: string;
  severity: Severity;
  /** Rule id the check enforces (`db-011`), or null when no rule claims it. */
  rule: string | null;
  environment: string;
  revision: string | null;
  path: string;
  line: number | null;
  /** Names the rule and says what to do instead. */
  message: string;
  waiver: Waiver | null;
}

// ───────────────────────────── Inputs and the whole ─────────────────────────────

export type InputKind = 'adr' | 'rules' | 'migration' | 'doc' | 'config' | 'other';
export type InputOutcome = 'read' | 'ignored' | 'not-an-adr' | 'error';

export interface InputFile {
  path: string;
  kind: InputKind;
  outcome: InputOutcome;
  /** What became of it, in a few words (`ADR 0004`, `revision a1b2c3`, `index file`). */
  note: string;
}

/** A guide page (content/docs). */
export interface DocPage {
  path: string;
  /** Path below the docs folder without extension (`review-workflow`). */
  slug: string;
  title: string;
  description: string | null;
  body: string;
  bodyLine: number;
}

export interface Knowledge {
  /** Absolute repo root. Never printed in outputs. */
  root: string;
  rules: RuleFile[];
  adrs: Adr[];
  docs: DocPage[];
  migrations: MigrationGraph[];
  tables: TableHistory[];
  links: Link[];
  /** Audit findings, waived ones included (marked). */
  findings: Finding[];
  diagnostics: Diagnostic[];
  inputs: InputFile[];
}
