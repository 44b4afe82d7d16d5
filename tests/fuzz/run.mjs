// `npm run fuzz`: the fuzzers of tests/fuzz with many runs per property (default 20,000;
// `npm run fuzz -- 100000`, or LORE_FUZZ_RUNS). LORE_FUZZ_SEED=<seed> replays a failure.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = process.argv[2] ?? process.env.LORE_FUZZ_RUNS ?? '20000';
if (!/^\d+$/.test(runs)) {
  process.stderr.write(`usage: npm run fuzz -- [runs]   (got ${runs})\n`);
  process.exit(2);
}
const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const started = Date.now();
const r = spawnSync(process.execPath, [vitest, 'run', 'tests/fuzz'], { stdio: 'inherit', env: { ...process.env, LORE_FUZZ_RUNS: runs } });
process.stdout.write(`\n${runs} runs per property in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(r.status ?? 1);
