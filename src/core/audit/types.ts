// The contract between the auditor and its checks.
import type { MigrationGraph, Operation, Revision, Severity } from '../model.ts';
import type { Scope } from './catalog.ts';

export type Phase = 'upgrade' | 'downgrade';

/** What a check reports before configuration (rule, severity) and waivers are applied. */
export interface RawFinding {
  /** 1-based line of what is wrong (a column inside a call, the call itself, …), or null. */
  line: number | null;
  /** First line of the operation's call, used to find a waiver comment above it; null if none. */
  callLine: number | null;
  /** Says what is wrong and what to do instead (the rule is prefixed by the auditor). */
  message: string;
  /** Part of a check configured on its own (naming: `table`, `column`, `index`, …). */
  aspect?: string;
  /** A fixed severity that configuration does not change (notes are `info`; a certain failure is `error`). */
  severity?: Severity;
  /** For graph-level findings: the file the finding belongs to, when it is not a revision's own. */
  path?: string;
}

export type Emit = (finding: RawFinding) => void;

export interface OperationContext {
  environment: string;
  revision: Revision;
  phase: Phase;
  /** Table and column state just before this operation. */
  scope: Scope;
  /** A configured option of this check (aliases already resolved), or undefined. */
  option(key: string): unknown;
}

export interface RevisionContext {
  environment: string;
  option(key: string): unknown;
}

export interface Check {
  id: string;
  /** Severity when no rules file sets one. */
  severity: Severity;
  /** One line: what the check finds. */
  title: string;
  /** Why it matters and what to do instead (SARIF help text, README). */
  help: string;
  /** Functions whose operations the check inspects (empty for revision- or graph-level checks). */
  phases: Phase[];
  /** Option keys a rules file may set for this check: each spelling → its canonical key. */
  options?: Record<string, string>;
  /**
   * Canonical option keys that are parts of the check configured on their own: the entry that
   * sets one of them gives that part's rule and severity.
   */
  aspects?: string[];
  /** Checks one option value (canonical key); returns what is wrong with it, or null. */
  validate?(key: string, value: unknown): string | null;
  operation?(op: Operation, ctx: OperationContext, emit: Emit): void;
  revision?(rev: Revision, ctx: RevisionContext, emit: Emit): void;
  graph?(graph: MigrationGraph, emit: (revision: Revision | null, finding: RawFinding) => void): void;
}
