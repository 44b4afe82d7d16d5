// Parsing migrations is the costliest part of reading a repository (a real Python grammar per
// file), and it is independent per file: spread it over worker threads while the main thread
// reads the ADRs and rules.
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  finishEnvironment,
  parseLoadEntry,
  planEnvironment,
  type Constants,
  type EnvironmentGraph,
  type EnvironmentPlan,
  type EnvironmentSpec,
  type LoadEntry,
  type ParsedEntry,
} from './environment.ts';

/** Below this many files a worker's start-up costs more than it saves. */
export const minFilesForWorkers = 400;

type Job = { entry: LoadEntry; constants?: Constants };

export interface Parsing {
  /** Parses this thread's share, then waits for the workers: results per plan, in `plan.loads` order. */
  finish(): Promise<ParsedEntry[][]>;
}

/**
 * Starts parsing every plan's files in worker threads right away. `mainShare` is the fraction
 * this thread parses itself when `finish()` is called (after whatever else it has to do).
 */
export function startParsing(plans: EnvironmentPlan[], options: { mainShare?: number; threads?: number } = {}): Parsing {
  const jobs: Job[] = plans.flatMap((plan) => plan.loads.map((entry) => (plan.spec.constants ? { entry, constants: plan.spec.constants } : { entry })));
  const split = (results: ParsedEntry[]): ParsedEntry[][] => {
    let at = 0;
    return plans.map((plan) => results.slice(at, (at += plan.loads.length)));
  };
  const parseHere = (list: Job[]): ParsedEntry[] => list.map((job) => parseLoadEntry(job.entry, job.constants));
  const threads = options.threads ?? defaultThreads();
  if (jobs.length < minFilesForWorkers || threads < 1) return { finish: async () => split(parseHere(jobs)) };
  const mainCount = Math.floor(jobs.length * Math.min(Math.max(options.mainShare ?? 0, 0), 0.9));
  const workerJobs = jobs.slice(0, jobs.length - mainCount);
  const size = Math.ceil(workerJobs.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => workerJobs.slice(i * size, (i + 1) * size)).filter((s) => s.length);
  const here = fileURLToPath(import.meta.url);
  const workerFile = new URL(`./parse-worker${extname(here)}`, import.meta.url);
  const running = Promise.all(shares.map((share) => runWorker(workerFile, share)));
  // Keep a worker failure from surfacing as an unhandled rejection before finish() is awaited.
  running.catch(() => undefined);
  return {
    async finish() {
      const mine = parseHere(jobs.slice(jobs.length - mainCount));
      const theirs = (await running).flat();
      return split([...theirs, ...mine]);
    },
  };
}

/** Parses every plan's files, in workers when there are many; resolves to the results per plan. */
export function parsePlans(plans: EnvironmentPlan[], threads = defaultThreads()): Promise<ParsedEntry[][]> {
  return startParsing(plans, { threads, mainShare: 0.5 }).finish();
}

function runWorker(file: URL, jobs: Job[]): Promise<ParsedEntry[]> {
  return new Promise((resolve, reject) => {
    // A larger young generation: parsing makes many short-lived objects, and scavenges dominate otherwise.
    const worker = new Worker(file, { workerData: { jobs }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    worker.once('message', (results: ParsedEntry[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`migration parser worker exited with code ${code}`));
    });
  });
}

/** One worker per spare core (the main thread reads ADRs and rules meanwhile), at least one. */
function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

/** `readEnvironment`, with the files parsed in worker threads when there are many. */
export async function readEnvironmentAsync(spec: EnvironmentSpec, pathBase: string): Promise<EnvironmentGraph> {
  const plan = planEnvironment(spec, pathBase);
  const [results] = await parsePlans([plan]);
  return finishEnvironment(plan, results!);
}
