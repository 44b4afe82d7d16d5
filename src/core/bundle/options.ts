// What `lore bundle` writes, and how much: every knob with its default.

export interface BundleCommands {
  /** Generates a migration draft from the models; `<message>` is where the agent puts its summary. */
  generate: string;
  /** Applies migrations to the local database. */
  upgrade: string;
  /** Reverts the last migration on the local database. */
  downgrade: string;
  /** Joins two heads with a merge revision. */
  merge: string;
  /** Audits migrations against the rules. */
  check: string;
}

export interface BundleOutputs {
  /** `CLAUDE.md` at the repository root. */
  claude: boolean;
  /** `AGENTS.md` at the repository root. */
  agents: boolean;
  /** A directory-scoped file next to each migrations environment (only when it has migrations). */
  scoped: boolean;
  /** `llms.txt`, `llms-full.txt` and the `.md` twin of every page, written by the site build (not by `renderBundle`). */
  llms: boolean;
}

export interface BundleBudget {
  /** Most lines of a root file (CLAUDE.md / AGENTS.md). */
  maxLines: number;
  /** Most UTF-8 bytes of a root file. */
  maxBytes: number;
}

export interface BundleOptions {
  outputs: BundleOutputs;
  budget: BundleBudget;
  /** Budget of each directory-scoped file (read only when working in that folder, so larger). */
  scopedBudget: BundleBudget;
  commands: BundleCommands;
  /** How many of the newest migrations each environment lists. */
  recentMigrations: number;
  /** Base URL of the published site (`https://db.example.com/`), or null when there is none. */
  siteUrl: string | null;
}

/** Partial options as a caller or a config file gives them. */
export interface BundleOptionsInput {
  outputs?: Partial<BundleOutputs>;
  budget?: Partial<BundleBudget>;
  scopedBudget?: Partial<BundleBudget>;
  commands?: Partial<BundleCommands>;
  recentMigrations?: number;
  siteUrl?: string | null;
}

export const defaultBundleOptions: BundleOptions = {
  outputs: { claude: true, agents: true, scoped: true, llms: true },
  budget: { maxLines: 200, maxBytes: 32768 },
  scopedBudget: { maxLines: 800, maxBytes: 65536 },
  commands: {
    generate: 'flask db migrate -m "<message>"',
    upgrade: 'flask db upgrade',
    downgrade: 'flask db downgrade',
    merge: 'flask db merge heads',
    check: 'npx lore check',
  },
  recentMigrations: 10,
  siteUrl: null,
};

export function resolveBundleOptions(input: BundleOptionsInput = {}): BundleOptions {
  const d = defaultBundleOptions;
  const count = (n: number | undefined, fallback: number): number => (n !== undefined && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback);
  return {
    outputs: { ...d.outputs, ...input.outputs },
    budget: {
      maxLines: count(input.budget?.maxLines, d.budget.maxLines),
      maxBytes: count(input.budget?.maxBytes, d.budget.maxBytes),
    },
    scopedBudget: {
      maxLines: count(input.scopedBudget?.maxLines, d.scopedBudget.maxLines),
      maxBytes: count(input.scopedBudget?.maxBytes, d.scopedBudget.maxBytes),
    },
    commands: { ...d.commands, ...input.commands },
    recentMigrations: count(input.recentMigrations, d.recentMigrations),
    siteUrl: input.siteUrl === undefined || input.siteUrl === null || input.siteUrl.trim() === '' ? null : input.siteUrl.trim(),
  };
}
