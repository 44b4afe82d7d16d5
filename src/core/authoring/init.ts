// `lore init`: what a repository already has, what to add (an ADR folder with a template and a
// first record when there is none; a configuration only when discovery would not find the sources
// as they are), and the next steps. Pure: the caller gathers the state and writes the edits.
import type { Looked, SourceKind } from '../discover/types.ts';
import type { FileEdit } from './edits.ts';
import { renderAdr, type AdrFormat } from './format.ts';
import { DEFAULT_SCHEME, nextName } from './naming.ts';

export interface InitState {
  /** What discovery finds with no options and no configuration. */
  discovered: Looked[];
  /** Sources asked for on the command line, repo-relative, per kind. */
  requested: Partial<Record<SourceKind, string[]>>;
  /** Repo-relative path of an existing configuration file, or null. */
  configFile: string | null;
  /** Whether a repo-relative path exists (never written over). */
  exists: (path: string) => boolean;
  /** Today, `YYYY-MM-DD`. */
  date: string;
  /** Format of the first record (default MADR). */
  format?: AdrFormat;
}

export interface InitPlan {
  edits: FileEdit[];
  /** Sources found (discovered, or asked for and present). */
  found: Looked[];
  /** Kinds with nothing found, and the places looked at. */
  missing: { kind: SourceKind; looked: Looked[] }[];
  /** The configuration written, or that would be needed (when one exists already, it is not touched). */
  config: { path: string; content: string; written: boolean } | null;
  /** The ADR folder created, or null. */
  createdAdrFolder: string | null;
  nextSteps: string[];
}

export const DEFAULT_ADR_FOLDER = 'docs/adr';
export const CONFIG_FILE = 'lore.config.json';

const KINDS: SourceKind[] = ['adrs', 'rules', 'migrations', 'docs'];

export function planInit(state: InitState): InitPlan {
  const format = state.format ?? 'madr';
  const edits: FileEdit[] = [];
  const foundBy = (kind: SourceKind): Looked[] => state.discovered.filter((l) => l.kind === kind && l.found);

  // The ADR folder: the one asked for, else the discovered one, else docs/adr (created).
  let createdAdrFolder: string | null = null;
  const askedAdr = state.requested.adrs?.[0];
  const adrFolder = askedAdr ?? foundBy('adrs')[0]?.path ?? null;
  const emptyCandidate = state.discovered.find((l) => l.kind === 'adrs' && !l.found && l.reason === 'holds no ADR files')?.path;
  if (adrFolder === null || (askedAdr !== undefined && !state.exists(askedAdr))) {
    const dir = askedAdr ?? emptyCandidate ?? DEFAULT_ADR_FOLDER;
    createdAdrFolder = dir;
    const first = nextName(DEFAULT_SCHEME, [], 'Record architecture decisions', state.date);
    const add = (name: string, content: string): void => {
      const path = `${dir}/${name}`;
      if (!state.exists(path)) edits.push({ path, content, create: true });
    };
    add('template.md', templateText(format));
    add(first.name, firstRecord(format, state.date));
  }

  // A configuration only for sources discovery would not find where they are.
  const discoveredPaths = (kind: SourceKind): string[] => foundBy(kind).map((l) => l.path);
  const unseen: Partial<Record<SourceKind, string[]>> = {};
  for (const kind of KINDS) {
    const asked = state.requested[kind];
    if (!asked?.length) continue;
    const known = new Set(discoveredPaths(kind));
    if (kind === 'adrs' && createdAdrFolder !== null && isUsualAdrFolder(createdAdrFolder)) known.add(createdAdrFolder);
    if (asked.some((p) => !known.has(p)) || asked.length !== known.size) unseen[kind] = asked;
  }
  let config: InitPlan['config'] = null;
  if (Object.keys(unseen).length) {
    const sources: Record<string, string | string[]> = {};
    for (const kind of KINDS) {
      const list = unseen[kind];
      if (list) sources[kind] = list.length === 1 ? list[0]! : list;
    }
    const content = `${JSON.stringify({ sources }, null, 2)}\n`;
    const path = state.configFile ?? CONFIG_FILE;
    const written = state.configFile === null && !state.exists(CONFIG_FILE);
    if (written) edits.push({ path, content, create: true });
    config = { path, content, written };
  }

  const found: Looked[] = [];
  const missing: InitPlan['missing'] = [];
  for (const kind of KINDS) {
    const asked = state.requested[kind];
    if (asked?.length) {
      for (const p of asked) found.push({ kind, path: p, found: state.exists(p) || p === createdAdrFolder, reason: 'given' });
      continue;
    }
    const hits = foundBy(kind);
    if (hits.length) found.push(...hits);
    else if (!(kind === 'adrs' && createdAdrFolder)) {
      missing.push({ kind, looked: state.discovered.filter((l) => l.kind === kind) });
    }
  }
  return { edits, found, missing, config, createdAdrFolder, nextSteps: nextSteps(createdAdrFolder ?? adrFolder ?? DEFAULT_ADR_FOLDER) };
}

const USUAL = new Set(['docs/adr', 'docs/adrs', 'doc/adr', 'docs/decisions', 'docs/architecture/decisions', 'doc/architecture/decisions', 'adr', 'adrs', 'decisions', 'architecture/decisions', '.decisions']);
const isUsualAdrFolder = (p: string): boolean => USUAL.has(p);

function firstRecord(format: AdrFormat, date: string): string {
  const text = renderAdr(format, { title: 'Record architecture decisions', number: 1, date, status: 'accepted', supersedes: null });
  const context =
    'Decisions about the database and the code around it are made in reviews, chats and meetings, and their reasons are lost when people move on. Coding agents that write migrations need those reasons too.';
  const decision = 'We will record every significant decision as an Architecture Decision Record in this folder, one Markdown file per decision, numbered in order. A record is never rewritten once accepted: a later record supersedes it.';
  return text
    .replace(/\{Describe the situation[^}]*\}|\{The forces at play[^}]*\}|\{Describe the context[^}]*\}/, context)
    .replace(/We will \{the decision, in one plain sentence\}\./, decision)
    .replace(/\{What becomes easier[^}]*\}/, 'Everyone, people and agents, can read why the schema is what it is. Writing a record takes a few minutes per decision.')
    .replace(/^([*-]) \{option 1\}$/m, '$1 Architecture Decision Records in the repository')
    .replace(/^([*-]) \{option 2\}$/m, '$1 Decisions kept in wiki pages and chat threads')
    .replace(/Chosen option: "\{option\}", because \{the reason\}\./, `Chosen option: "Architecture Decision Records in the repository", because they are reviewed and versioned with the code. ${decision}`)
    .replace(/\n### Consequences\n\n\* Good, because \{…\}\n\* Bad, because \{…\}\n/, '\n### Consequences\n\n* Good, because the reasons stay next to the schema they explain.\n* Bad, because each decision costs a few minutes of writing.\n');
}

function templateText(format: AdrFormat): string {
  const record = renderAdr(format, { title: '{Short title: the decision, in a few words}', number: null, date: '{YYYY-MM-DD}', status: 'proposed', supersedes: null });
  const how = 'Copy this file to the next number (or run `lore new adr "Title"`), then replace every {placeholder}.';
  if (format === 'madr') return record.replace('---\n', `---\n# ${how}\n`).replace('status: proposed', 'status: "{proposed | accepted | rejected | deprecated | superseded by ADR-NNNN}"').replace('date: {YYYY-MM-DD}', 'date: "{YYYY-MM-DD}"');
  return `<!-- ${how} -->\n${record}`;
}

function nextSteps(adrFolder: string): string[] {
  return [
    'npx lore inspect                 what Lore found where',
    'npx lore check                   audit the migrations against the rules (exit 1 on errors)',
    'npx lore bundle                  write CLAUDE.md and AGENTS.md for coding agents',
    'npx lore build                   build the knowledge site into dist/',
    `npx lore new adr "Title"         write the next decision record in ${adrFolder}/`,
  ];
}

/** A GitHub Actions job that gates pull requests (printed by `lore init`). */
export const CI_SNIPPET = `# .github/workflows/lore.yml
name: lore
on: [pull_request]
jobs:
  lore:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: { fetch-depth: 0 }
      - uses: actions/setup-node@v4
        with: { node-version: 24 }
      - run: npm ci
      - run: npx lore check --format github
      - run: npx lore bundle --check`;
