import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv';
import { escapeData, escapeProperty } from '../../src/cli/check/github.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/lore.mjs', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/audit-repo', import.meta.url));

function lore(args: string[], rules = 'rules') {
  const sources = ['--adrs', `${fixture}/adr`, '--rules', `${fixture}/${rules}`, '--migrations', `${fixture}/versions`, '--docs', fixture];
  const r = spawnSync(process.execPath, [bin, 'check', fixture, ...sources, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MIGRATION = 'versions/2222bbbb2222_change_users.py';

describe('lore check: text', () => {
  const r = lore([]);

  it('groups findings per migration with path:line, severity, check id and rule', () => {
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^versions\/2222bbbb2222_change_users\.py {2}\(2222bbbb2222: change users\)$/m);
    expect(r.stdout).toContain(`  ${MIGRATION}:19  error  index-lock  DB-2 (Index builds must not take 100% of a table's write lock): creates index ix_users_email on existing table users without CONCURRENTLY`);
    expect(r.stdout).toContain(`  ${MIGRATION}:22  warning  naming  DB-3 (Columns are snake_case): column name "users.displayName"`);
    // The first migration has no finding, so no group.
    expect(r.stdout).not.toContain('1111aaaa1111_create_users.py');
  });

  it('shows waived findings with their reason, and does not count them', () => {
    expect(r.stdout).toMatch(/:18 {2}error {2}destructive .*\n {4}waived \(ADR-0001 accepts destructive: Drop the legacy column\) by adr at line 6/);
    expect(r.stdout).toMatch(/:21 {2}error {2}rename .*\n {4}waived \(the API: serializer, renamed, ships in the same deploy\) by comment at line 20/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 error, 1 warning, 2 notes; 2 waived');
  });

  it('--quiet leaves out notes and waived findings', () => {
    const quiet = lore(['--quiet']);
    expect(quiet.stdout).not.toMatch(/waived \(|raw-sql|  info  /);
    expect(quiet.stdout).toContain('index-lock');
  });
});

describe('lore check: exit codes', () => {
  it('exits 1 on an unwaived error, 0 when errors are only waived or downgraded to warnings', () => {
    expect(lore([]).code).toBe(1);
    const lenient = lore([], 'rules-lenient');
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/:18 {2}error {2}destructive .*\n {4}waived/);
    expect(lore(['--fail-on', 'warning'], 'rules-lenient').code).toBe(1);
  });

  it('exits 0 on the demo', () => {
    const demo = spawnSync(process.execPath, [bin, 'check', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
    expect(demo.status).toBe(0);
    expect(JSON.parse(demo.stdout).ok).toBe(true);
  });
});

describe('lore check --format json', () => {
  it('prints { ok, summary, diagnostics, findings }', () => {
    const r = lore(['--format', 'json']);
    const out = JSON.parse(r.stdout) as { ok: boolean; summary: Record<string, number>; diagnostics: unknown[]; findings: { check: string; severity: string; rule: string | null; path: string; line: number; waiver: { by: string; reason: string } | null }[] };
    expect(Object.keys(out)).toEqual(['ok', 'summary', 'diagnostics', 'findings']);
    expect(out.ok).toBe(false);
    expect(out.summary).toEqual({ errors: 1, warnings: 1, infos: 2, waived: 2, findings: 6, diagnostics: 0, files: 1 });
    expect(out.findings.map((f) => [f.line, f.check, f.rule, f.waiver?.by ?? null])).toEqual([
      [18, 'destructive', 'db-1', 'adr'],
      [19, 'index-lock', 'db-2', null],
      [21, 'rename', 'db-1', 'comment'],
      [22, 'naming', 'db-3', null],
      [23, 'raw-sql', null, null],
      [27, 'downgrade', null, null],
    ]);
    expect(out.findings.every((f) => f.path === MIGRATION)).toBe(true);
  });
});

describe('lore check --format github', () => {
  it('escapes data and properties as GitHub requires', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('prints one workflow command per unwaived finding', () => {
    const r = lore(['--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(4);
    expect(lines[0]).toBe(
      `::error file=${MIGRATION},line=19,title=lore index-lock (DB-2)::DB-2 (Index builds must not take 100%25 of a table's write lock): creates index ix_users_email on existing table users without CONCURRENTLY, blocking writes to the table while it runs; create it with postgresql_concurrently=True inside op.get_context().autocommit_block().`,
    );
    expect(lines[1]).toMatch(/^::warning file=.*,line=22,title=lore naming \(DB-3\)::/);
    expect(lines[2]).toMatch(/^::notice file=.*,line=23,title=lore raw-sql::/);
    expect(r.stdout).not.toContain('destructive'); // waived
  });
});

type Sarif = {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[]; suppressions?: { kind: string; justification: string }[] }[];
  }[];
};

describe('lore check --format sarif', () => {
  const r = lore(['--format', 'sarif']);
  const log = JSON.parse(r.stdout) as Sarif;

  it('is valid against the official SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(`${repo}/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json`, 'utf8')) as Record<string, unknown>;
    // The schema is draft-04 (`id`); Ajv 8 reads it as `$id` without the draft-04 meta-schema. One of
    // its patterns is not valid with the `u` flag, hence unicodeRegExp: false.
    const { id, $schema: _meta, ...rest } = schema;
    const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile({ $id: id, ...rest });
    const ok = validate(log);
    expect(validate.errors ?? null).toBeNull();
    expect(ok).toBe(true);
    // The validator does reject what the schema forbids.
    const bad = structuredClone(log);
    (bad.runs[0]!.results[0] as { level: string }).level = 'fatal';
    expect(validate(bad)).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    // The demo's log too (suppressions of every kind, diagnostics-free).
    const demo = spawnSync(process.execPath, [bin, 'check', '--format', 'sarif'], { cwd: repo, encoding: 'utf8' });
    expect(validate(JSON.parse(demo.stdout))).toBe(true);
  });

  it('has the structure the spec requires for what it emits', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('lore');
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(() => new URL(run.tool.driver.informationUri)).not.toThrow();
    const ids = run.tool.driver.rules.map((d) => d.id);
    expect(ids).toEqual(['destructive', 'downgrade', 'index-lock', 'naming', 'raw-sql', 'rename']);
    for (const d of run.tool.driver.rules) {
      expect(d.shortDescription.text.length).toBeGreaterThan(0);
      expect(d.help.text.length).toBeGreaterThan(0);
    }
    expect(run.tool.driver.rules.find((d) => d.id === 'index-lock')!.help.text).toMatch(/Enforces DB-2 \(Index builds must not take 100% of a table's write lock\) in rules\/DB\.md/);
    for (const res of run.results) {
      expect(['error', 'warning', 'note', 'none']).toContain(res.level);
      expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.message.text.length).toBeGreaterThan(0);
      const loc = res.locations![0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toBe(MIGRATION);
      expect(loc.region!.startLine).toBeGreaterThan(0);
      for (const s of res.suppressions ?? []) expect(['inSource', 'external']).toContain(s.kind);
    }
  });

  it('marks waived findings as suppressed with the reason', () => {
    const suppressed = log.runs[0]!.results.filter((res) => res.suppressions).map((res) => [res.ruleId, res.suppressions]);
    expect(suppressed).toEqual([
      ['destructive', [{ kind: 'external', justification: 'ADR-0001 accepts destructive: Drop the legacy column' }]],
      ['rename', [{ kind: 'inSource', justification: 'the API: serializer, renamed, ships in the same deploy' }]],
    ]);
    expect(log.runs[0]!.results.map((res) => res.level)).toEqual(['error', 'error', 'error', 'warning', 'note', 'note']);
  });

  it('reports diagnostics as results of their own code', () => {
    const broken = fileURLToPath(new URL('../core/fixtures/linked', import.meta.url));
    const out = spawnSync(process.execPath, [bin, 'check', broken, '--adrs', `${broken}/adr`, '--migrations', `${broken}/versions`, '--format', 'sarif'], { cwd: repo, encoding: 'utf8' });
    const sarif = JSON.parse(out.stdout) as Sarif;
    const run = sarif.runs[0]!;
    const unresolved = run.results.find((res) => res.ruleId === 'link/unresolved')!;
    expect(unresolved.level).toBe('error');
    expect(unresolved.locations![0]!.physicalLocation.artifactLocation.uri).toBe('adr/0002-add-replicas.md');
    expect(run.tool.driver.rules.map((d) => d.id)).toContain('link/unresolved');
    expect(out.status).toBe(1);
  });
});
