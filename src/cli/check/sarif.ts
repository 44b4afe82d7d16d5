// `lore check --format sarif`: a SARIF 2.1.0 log with one run, for GitHub code scanning. Each
// check id and each diagnostic code used becomes a reportingDescriptor; waived findings are
// results with a suppression (inSource for comment and docstring waivers, external for ADRs).
import type { Diagnostic, Finding, RuleFile, Severity } from '../../core/model.ts';
import { checkById } from '../../core/audit/index.ts';
import { compareCodePoints } from '../../core/text.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const areas: Record<string, string> = {
  migration: 'the Alembic migration reader',
  adr: 'the ADR reader',
  rules: 'the rules reader',
  doc: 'the guide-page reader',
  link: 'the linker',
  config: 'the source configuration',
  audit: 'the audit configuration or a waiver',
};

interface Descriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[] };
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** Repo-relative path → relative URI reference (each segment percent-encoded). */
export function pathUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function checkDescriptor(id: string, rules: RuleFile[]): Descriptor {
  const check = checkById(id);
  const enforced: string[] = [];
  for (const file of rules) {
    for (const c of file.checks) {
      if (c.check !== id || c.rule === null) continue;
      const item = file.rules.find((r) => r.label?.toLowerCase() === c.rule!.toLowerCase() || r.id === c.rule!.toLowerCase());
      const text = item ? `${item.label ?? item.id} (${item.title}) in ${file.path}` : `${c.rule} in ${file.path}`;
      if (!enforced.includes(text)) enforced.push(text);
    }
  }
  const title = check?.title ?? id;
  const help = check?.help ?? `Audit check ${id}.`;
  return {
    id,
    name: pascal(id),
    shortDescription: { text: title },
    fullDescription: { text: help },
    help: { text: `${help}${enforced.length ? ` Enforces ${enforced.join('; ')}.` : ''} Waive a finding with \`# lore: ignore[${id}] reason\` on or above the call.` },
    defaultConfiguration: { level: levels[check?.severity ?? 'warning'] },
    properties: { tags: ['lore', 'migration-audit'] },
  };
}

function diagnosticDescriptor(code: string, severity: Severity): Descriptor {
  const area = areas[code.split('/')[0]!] ?? 'Lore';
  return {
    id: code,
    name: pascal(code),
    shortDescription: { text: `${code} (reported by ${area})` },
    fullDescription: { text: `Lore could not read or resolve something (${code}); the result's message says what is wrong and what to fix.` },
    help: { text: `Reported by ${area}. Follow the message: it names the file, the line and the fix.` },
    defaultConfiguration: { level: levels[severity] },
    properties: { tags: ['lore', 'diagnostic'] },
  };
}

function location(path: string | null, line: number | null): object[] | undefined {
  if (path === null) return undefined;
  const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: pathUri(path) } };
  if (line !== null && line > 0) physicalLocation.region = { startLine: line };
  return [{ physicalLocation }];
}

export function toSarif(findings: Finding[], diagnostics: Diagnostic[], rules: RuleFile[], tool: ToolInfo): object {
  const descriptors: Descriptor[] = [];
  const index = new Map<string, number>();
  const add = (d: Descriptor): void => {
    if (index.has(d.id)) return;
    index.set(d.id, descriptors.length);
    descriptors.push(d);
  };
  for (const id of [...new Set(findings.map((f) => f.check))].sort(compareCodePoints)) add(checkDescriptor(id, rules));
  const codes = new Map<string, Severity>();
  for (const d of diagnostics) if (!codes.has(d.code)) codes.set(d.code, d.severity);
  for (const code of [...codes.keys()].sort(compareCodePoints)) add(diagnosticDescriptor(code, codes.get(code)!));

  const results: object[] = [];
  for (const f of findings) {
    const result: Record<string, unknown> = {
      ruleId: f.check,
      ruleIndex: index.get(f.check),
      level: levels[f.severity],
      message: { text: f.message },
    };
    const locations = location(f.path, f.line);
    if (locations) result.locations = locations;
    if (f.waiver) result.suppressions = [{ kind: f.waiver.by === 'adr' ? 'external' : 'inSource', justification: f.waiver.reason }];
    result.properties = { rule: f.rule, environment: f.environment, revision: f.revision };
    results.push(result);
  }
  for (const d of diagnostics) {
    const result: Record<string, unknown> = { ruleId: d.code, ruleIndex: index.get(d.code), level: levels[d.severity], message: { text: d.message } };
    const locations = location(d.path, d.line);
    if (locations) result.locations = locations;
    results.push(result);
  }

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
