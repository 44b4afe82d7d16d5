// Zero-config discovery: where a repository keeps its ADRs, rules, migrations and guide pages,
// and what was looked for and not found (with the reason).
import { resolve } from 'node:path';
import type { Diagnostic } from '../model.ts';
import type { FolderListings } from '../fs/listing.ts';
import { discoverAdrs } from './adrs.ts';
import { discoverDocs } from './docs.ts';
import { discoverMigrations } from './migrations.ts';
import { discoverAgentRules, discoverRules } from './rules.ts';
import { RepoTree } from './tree.ts';
import type { DiscoveredSources, Looked, SourceKind } from './types.ts';

export type { AdrRoot, DiscoveredSources, Looked, SourceKind } from './types.ts';
export { discoverAdrs, ADR_FOLDERS } from './adrs.ts';
export { discoverAgentRules, discoverRules, RULES_FOLDERS } from './rules.ts';
export { discoverMigrations } from './migrations.ts';
export { discoverDocs, DOCS_FOLDERS } from './docs.ts';
export { RepoTree, MAX_DEPTH, SKIPPED_DIRS } from './tree.ts';

export interface DiscoverOptions {
  /** Read the rules sections of hand-written CLAUDE.md / AGENTS.md files too. */
  rulesFromAgentFiles?: boolean;
  /** Only these kinds (default: all four). */
  kinds?: SourceKind[];
  /** Repo-relative folders and files already read as ADRs or rules (kept out of the guide pages). */
  exclude?: string[];
  /** Folder listings shared with the rest of the run (the version-location scan reads the same folders). */
  listings?: FolderListings;
}

export interface Discovery {
  sources: DiscoveredSources;
  looked: Looked[];
  diagnostics: Diagnostic[];
}

export function discoverSources(root: string, options: DiscoverOptions = {}): Discovery {
  const tree = new RepoTree(resolve(root), options.listings);
  const kinds = new Set<SourceKind>(options.kinds ?? ['adrs', 'rules', 'migrations', 'docs']);
  const sources: DiscoveredSources = { adrs: [], rules: [], agentRules: [], migrations: [], docs: [] };
  const looked: Looked[] = [];
  const diagnostics: Diagnostic[] = [];
  if (kinds.has('adrs')) {
    const r = discoverAdrs(tree);
    sources.adrs = r.roots;
    looked.push(...r.looked);
    diagnostics.push(...r.diagnostics);
  }
  if (kinds.has('rules')) {
    const r = discoverRules(tree, { rulesFromAgentFiles: options.rulesFromAgentFiles ?? false });
    sources.rules = r.rules;
    sources.agentRules = r.agentRules;
    looked.push(...r.looked);
  } else if (options.rulesFromAgentFiles) {
    const r = discoverAgentRules(tree, { rulesFromAgentFiles: true });
    sources.agentRules = r.agentRules;
    looked.push(...r.looked.filter((l) => l.found));
  }
  if (kinds.has('migrations')) {
    const r = discoverMigrations(tree);
    sources.migrations = r.environments;
    looked.push(...r.looked);
    diagnostics.push(...r.diagnostics);
  }
  if (kinds.has('docs')) {
    const exclude = [...(options.exclude ?? []), ...sources.adrs.map((a) => a.path), ...sources.rules];
    const r = discoverDocs(tree, exclude);
    sources.docs = r.docs;
    looked.push(...r.looked);
  }
  return { sources, looked, diagnostics };
}
