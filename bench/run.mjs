// Benchmarks lore on the synthetic repository (bench/generate.ts): each command runs as a
// subprocess through bench/measure.mjs, 3 times; the table shows the median wall time and the
// peak RSS. Plain JavaScript; run it with Node 24 (`npm run bench`).
//
//   npm run bench                              scale 1
//   npm run bench -- --scale 1,3,10 --runs 5
//   npm run bench -- --only history
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const BENCH = fileURLToPath(new URL('.', import.meta.url));

// One line per command. `optional`: not having the command yet is reported, not a failure.
// `warm`: one unmeasured run first, so the measured runs find the parse cache of an earlier run
// (lore's default); the other rows pass --no-cache and parse every migration (a fresh checkout).
const COMMANDS = [
  { name: 'history', label: 'lore history <repo>/content/migrations/versions', args: (repo) => ['history', join(repo, 'content', 'migrations', 'versions')] },
  { name: 'check', label: 'lore check <repo> --no-cache', args: (repo) => ['check', repo, '--no-cache'] },
  { name: 'check-warm', label: 'lore check <repo> (warm cache)', args: (repo) => ['check', repo], warm: true },
  { name: 'bundle', label: 'lore bundle <repo> --no-cache', args: (repo) => ['bundle', repo, '--no-cache'], optional: true },
  { name: 'bundle-warm', label: 'lore bundle <repo> (warm cache)', args: (repo) => ['bundle', repo], warm: true, optional: true },
  { name: 'build', label: 'lore build <repo> --fresh --no-cache --out …', args: (repo, out) => ['build', repo, '--fresh', '--no-cache', '--out', out, '--bundle-dir', `${out}/bundle`], optional: true },
];

const NOT_AVAILABLE = /unknown command|not yet available/i;

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

if (!process.features?.typescript) {
  fail(`Node ${process.versions.node} cannot run TypeScript sources; run it as \`npm run bench\` (uses the project's Node 24).`);
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const scales = values.scale.split(',').map((s) => Number(s.trim()));
if (scales.some((s) => !Number.isInteger(s) || s < 1)) fail(`--scale takes positive integers, e.g. 1,3,10 (got ${values.scale})`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs takes a positive integer (got ${values.runs})`);
const only = values.only?.split(',').map((s) => s.trim());
const commands = COMMANDS.filter((c) => !only || only.includes(c.name));
if (commands.length === 0) fail(`--only matched no command; known: ${COMMANDS.map((c) => c.name).join(', ')}`);

const { GENERATOR_VERSION, STAMP } = await import(new URL('./generate.ts', import.meta.url).href);

/** Generates bench/repo/x<scale> unless an up-to-date one is there. */
function ensureRepo(scale) {
  const repo = join(BENCH, 'repo', `x${scale}`);
  const stampPath = join(repo, STAMP);
  if (existsSync(stampPath)) {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (stamp.generator === GENERATOR_VERSION && stamp.scale === scale) return repo;
  }
  process.stderr.write(`bench: generating ${repo} …\n`);
  const r = spawnSync(process.execPath, [join(BENCH, 'generate.ts'), '--scale', String(scale), '--out', repo], { stdio: 'inherit' });
  if (r.status !== 0) fail(`generating scale ${scale} failed (exit ${r.status})`);
  return repo;
}

/** One measured run: wall seconds, peak RSS (KiB), exit code and the end of stderr. */
function measureOnce(args) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(BENCH, 'measure.mjs'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const line = stderr.split('\n').reverse().find((l) => l.startsWith('LORE_BENCH '));
      const report = line ? JSON.parse(line.slice('LORE_BENCH '.length)) : null;
      done({ seconds, maxRssKiB: report?.maxRssKiB ?? null, exitCode: report?.exitCode ?? code, stderr });
    });
  });
}

/** The error message lines of a failed run's stderr, plus the first stack frames. */
function errorSummary(stderr) {
  const lines = stderr.replace(/\nLORE_BENCH .*\n?$/, '').trim().split('\n');
  const message = lines.filter((l) => !/^\s+at /.test(l)).slice(-10);
  const frames = lines.filter((l) => /^\s+at /.test(l)).slice(0, 3);
  return [...message, ...frames].join('\n');
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const rows = [];
let failed = false;
for (const scale of scales) {
  const repo = ensureRepo(scale);
  for (const cmd of commands) {
    const out = join(BENCH, 'out', `x${scale}-${cmd.name}`);
    const samples = [];
    let status = 'ok';
    let note = '';
    if (cmd.warm) {
      process.stderr.write(`bench: ${cmd.name} x${scale}: one run to fill the cache\n`);
      await measureOnce(cmd.args(repo, out));
    }
    for (let i = 0; i < runs; i++) {
      rmSync(out, { recursive: true, force: true });
      const r = await measureOnce(cmd.args(repo, out));
      // 0 = ok, 1 = `check` found problems in the repository: both are complete runs.
      if (r.exitCode === 2 && NOT_AVAILABLE.test(r.stderr)) {
        status = 'n/a';
        break;
      }
      if (r.exitCode !== 0 && r.exitCode !== 1) {
        status = 'failed';
        note = errorSummary(r.stderr);
        break;
      }
      samples.push(r);
      process.stderr.write(`bench: ${cmd.name} x${scale} run ${i + 1}/${runs}: ${r.seconds.toFixed(2)} s, ${(r.maxRssKiB / 1024).toFixed(0)} MB (exit ${r.exitCode})\n`);
    }
    rmSync(out, { recursive: true, force: true });
    if (status === 'ok') {
      rows.push([cmd.label, scale, median(samples.map((s) => s.seconds)).toFixed(2), (Math.max(...samples.map((s) => s.maxRssKiB)) / 1024).toFixed(0)]);
    } else if (status === 'n/a') {
      rows.push([cmd.label, scale, 'not available yet', '—']);
      if (!cmd.optional) failed = true;
      process.stderr.write(`bench: ${cmd.name}: not available yet\n`);
    } else {
      rows.push([cmd.label, scale, 'failed', '—']);
      failed = true;
      process.stderr.write(`bench: ${cmd.name} x${scale} failed:\n${note}\n`);
    }
  }
}

const stamp = (scale) => JSON.parse(readFileSync(join(BENCH, 'repo', `x${scale}`, STAMP), 'utf8')).counts;
const table = [
  '| command | scale | median s | peak MB |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map(([label, scale, secs, mb]) => `| \`${label}\` | ${scale} | ${secs} | ${mb} |`),
].join('\n');
const sizes = scales.map((s) => {
  const c = stamp(s);
  return `- scale ${s}: ${c.adrs} ADRs, ${c.rules} rules in ${c.ruleFiles} files, ${c.migrations} migrations over ${c.tables} tables, ${c.docs} docs`;
});
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.versions.node}`;
const report = [
  '# lore benchmark results',
  '',
  `Machine: ${machine}. Median wall time of ${runs} run(s) per command, each a fresh process`,
  '(`bench/measure.mjs`); peak MB is the largest max RSS of those runs.',
  '',
  table,
  '',
  'Repository sizes:',
  ...sizes,
  '',
].join('\n');
process.stdout.write(`${table}\n`);
writeFileSync(join(BENCH, 'results.md'), report);
process.stderr.write(`bench: wrote ${join(BENCH, 'results.md')}\n`);
process.exitCode = failed ? 1 : 0;
