// The configuration schema: `lore.config.json`, `lore.config.mjs`, `--config FILE`, and the options
// of the Astro integration `lore(options)` are all this one shape.
import type { BundleOptionsInput } from '../bundle/options.ts';
import type { Severity } from '../model.ts';

/** One path or a list of paths (relative to the config file's folder). */
export type PathList = string | string[];

/** An audit check entry, the same shape as a rules file's `checks:` entries. */
export interface AuditCheckEntry {
  check: string;
  /** The rule label or id the check enforces (`DB-011`). */
  rule?: string;
  severity?: Severity | 'off';
  /** Check options, e.g. naming templates. */
  [option: string]: unknown;
}

export interface LoreSiteConfig {
  /** Site title (header, `<title>` suffix). */
  title?: string;
  /** One sentence about the knowledge base (home page, default meta description). */
  description?: string;
  /** Base path the site is served under (`/handbook/`). */
  base?: string;
  /** The site's address (`https://org.github.io`): absolute URLs in sitemap.xml, and the bundle's site links. */
  url?: string;
  /** Web address of the repository's files (`https://github.com/org/repo/blob/main/`). */
  repoUrl?: string;
  /** Build the Pagefind search index (default true). */
  search?: boolean;
  /** Fail the build on a link to a page or anchor that does not exist (default true). */
  checkLinks?: boolean;
}

export interface LoreConfig {
  /** JSON schema reference for editors; ignored. */
  $schema?: string;
  /** Where the knowledge lives. Each kind given here replaces discovery for that kind. */
  sources?: {
    /** ADR folders. */
    adrs?: PathList;
    /** Rules files or folders of them. */
    rules?: PathList;
    /** Alembic versions folders, alembic.ini files, or folders holding an alembic.ini / env.py. */
    migrations?: PathList;
    /** Guide-page folders. */
    docs?: PathList;
  };
  alembic?: {
    /** Values of non-literal expressions in revision variables (`settings.CORE_BRANCH` → `core`). */
    constants?: Record<string, string | string[] | null>;
  };
  audit?: {
    /** Check configuration, on top of what the rules files declare. */
    checks?: AuditCheckEntry[];
  };
  /** The agent bundle (`lore bundle`). */
  bundle?: BundleOptionsInput;
  /** The knowledge site (`lore build`, the Astro integration). */
  site?: LoreSiteConfig;
  /** Also read the rules sections of a hand-written CLAUDE.md / AGENTS.md (outside Lore's block). */
  rulesFromAgentFiles?: boolean;
}

// ───────────── The schema as data, for the validator ─────────────

export type Spec =
  | { type: 'string'; expect?: string; check?: (value: string) => string | null }
  | { type: 'boolean' }
  | { type: 'count' }
  | { type: 'paths' }
  | { type: 'constants' }
  | { type: 'nullable'; of: Spec }
  | { type: 'object'; keys: Record<string, Spec> }
  | { type: 'checks' };

const str: Spec = { type: 'string' };
const bool: Spec = { type: 'boolean' };
const count: Spec = { type: 'count' };
const budget: Spec = { type: 'object', keys: { maxLines: count, maxBytes: count } };
const httpUrl: Spec = {
  type: 'string',
  expect: 'an http(s) address',
  check: (v) => (/^https?:\/\/[^/\s]/i.test(v) ? null : 'an http(s) address such as https://db.example.com/'),
};

export const configSpec: Spec = {
  type: 'object',
  keys: {
    $schema: str,
    sources: { type: 'object', keys: { adrs: { type: 'paths' }, rules: { type: 'paths' }, migrations: { type: 'paths' }, docs: { type: 'paths' } } },
    alembic: { type: 'object', keys: { constants: { type: 'constants' } } },
    audit: { type: 'object', keys: { checks: { type: 'checks' } } },
    bundle: {
      type: 'object',
      keys: {
        outputs: { type: 'object', keys: { claude: bool, agents: bool, scoped: bool, llms: bool } },
        budget,
        scopedBudget: budget,
        commands: { type: 'object', keys: { generate: str, upgrade: str, downgrade: str, merge: str, check: str } },
        recentMigrations: count,
        siteUrl: { type: 'nullable', of: httpUrl },
      },
    },
    site: {
      type: 'object',
      keys: {
        title: str,
        description: str,
        base: {
          type: 'string',
          check: (v) => (v.startsWith('/') && !/[?#]/.test(v) ? null : 'a path that starts with /, such as /handbook/'),
        },
        url: httpUrl,
        repoUrl: httpUrl,
        search: bool,
        checkLinks: bool,
      },
    },
    rulesFromAgentFiles: bool,
  },
};

export const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;
