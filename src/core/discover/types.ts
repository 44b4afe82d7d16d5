import type { EnvironmentSpec } from '../alembic/environment.ts';

export type SourceKind = 'adrs' | 'rules' | 'migrations' | 'docs';

/** One place discovery looked at: what it found there, or why it found nothing. */
export interface Looked {
  kind: SourceKind;
  /** Repo-relative path ('.' for the root). */
  path: string;
  found: boolean;
  /** How it was recognised, or why it does not count. */
  reason: string;
}

/** An ADR folder and the group its records get (null: derive one from the path when needed). */
export interface AdrRoot {
  path: string;
  group: string | null;
}

export interface DiscoveredSources {
  /** ADR folders, repo-relative, in the order they were found. */
  adrs: AdrRoot[];
  /** Rules files and folders, repo-relative. */
  rules: string[];
  /** Hand-written CLAUDE.md / AGENTS.md whose rules sections are read (only with `rulesFromAgentFiles`). */
  agentRules: string[];
  /** Alembic environments, named (`default` when there is one). */
  migrations: EnvironmentSpec[];
  /** Guide-page folders, repo-relative. */
  docs: string[];
}
