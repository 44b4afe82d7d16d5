// How long the fuzzers run: a short pass in `npm test`, thousands of runs in `npm run fuzz`
// (LORE_FUZZ_RUNS, set by tests/fuzz/run.mjs). LORE_FUZZ_SEED replays a reported failure.
import type { Parameters } from 'fast-check';

const scale = Number(process.env.LORE_FUZZ_RUNS ?? '0');

/** fast-check parameters: `short` runs normally, `LORE_FUZZ_RUNS` runs in a long session. */
export function fuzzParams<T>(short: number): Parameters<T> {
  const seed = process.env.LORE_FUZZ_SEED;
  return {
    numRuns: scale > 0 ? scale : short,
    ...(seed ? { seed: Number(seed) } : {}),
    // A long session shows its throughput; a failure always prints its seed and counterexample.
    verbose: scale > 0 ? 1 : 0,
  };
}

/** A per-test time limit that grows with the number of runs. */
export function fuzzTimeout(short: number, msPerRun: number): number {
  return scale > 0 ? Math.max(short, scale * msPerRun) : short;
}
