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

/** Worker threads started ahead of time, so their start-up overlaps the caller's own work. */
export interface ParserPool {
  /** Hands the plans' files to the workers (this thread keeps `mainShare` of them for `finish()`). */
  parse(plans: EnvironmentPlan[], options?: { mainShare?: number }): Parsing;
  /** Stops workers that were never given work. */
  close(): void;
}

/** Starts `threads` idle parser workers (one per spare core by default). */
export function startParserPool(threads = defaultThreads()): ParserPool {
  const here = fileURLToPath(import.meta.url);
  const workerFile = new URL(`./parse-worker${extname(here)}`, import.meta.url);
  const idle = Array.from({ length: Math.max(0, threads) }, () => spawnWorker(workerFile));
  const close = (): void => {
    for (const w of idle.splice(0)) void w.thread.terminate();
  };
  return {
    close,
    parse(plans, options = {}) {
      const jobs: Job[] = plans.flatMap((plan) => plan.loads.map((entry) => (plan.spec.constants ? { entry, constants: plan.spec.constants } : { entry })));
      const split = (results: ParsedEntry[]): ParsedEntry[][] => {
        let at = 0;
        return plans.map((plan) => results.slice(at, (at += plan.loads.length)));
      };
      const parseHere = (list: Job[]): ParsedEntry[] => list.map((job) => parseLoadEntry(job.entry, job.constants));
      const workers = idle.splice(0);
      if (jobs.length < minFilesForWorkers || workers.length === 0) {
        for (const w of workers) void w.thread.terminate();
        return { finish: async () => split(parseHere(jobs)) };
      }
      const mainCount = Math.floor(jobs.length * Math.min(Math.max(options.mainShare ?? 0, 0), 0.9));
      const workerJobs = jobs.slice(0, jobs.length - mainCount);
      const size = Math.ceil(workerJobs.length / workers.length);
      const running = Promise.all(
        workers.map((worker, i) => {
          const share = workerJobs.slice(i * size, (i + 1) * size);
          return share.length ? runJobs(worker, share) : (void worker.thread.terminate(), Promise.resolve([]));
        }),
      );
      // Keep a worker failure from surfacing as an unhandled rejection before finish() is awaited.
      running.catch(() => undefined);
      return {
        async finish() {
          const mine = parseHere(jobs.slice(jobs.length - mainCount));
          const theirs = (await running).flat();
          return split([...theirs, ...mine]);
        },
      };
    },
  };
}

/**
 * Starts parsing every plan's files in worker threads right away. `mainShare` is the fraction
 * this thread parses itself when `finish()` is called (after whatever else it has to do).
 */
export function startParsing(plans: EnvironmentPlan[], options: { mainShare?: number; threads?: number } = {}): Parsing {
  const count = plans.reduce((n, plan) => n + plan.loads.length, 0);
  const threads = count < minFilesForWorkers ? 0 : (options.threads ?? defaultThreads());
  return startParserPool(threads).parse(plans, options);
}

/** Parses every plan's files, in workers when there are many; resolves to the results per plan. */
export function parsePlans(plans: EnvironmentPlan[], threads = defaultThreads()): Promise<ParsedEntry[][]> {
  return startParsing(plans, { threads, mainShare: 0.5 }).finish();
}

interface PoolWorker {
  thread: Worker;
  /** Settles when the thread ends: its exit code, or the error that ended it. */
  ended: Promise<number | Error>;
}

function spawnWorker(file: URL): PoolWorker {
  // A larger young generation: parsing makes many short-lived objects, and scavenges dominate otherwise.
  const thread = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  // An idle worker must not keep the process alive.
  thread.unref();
  const ended = new Promise<number | Error>((resolve) => {
    thread.once('error', resolve);
    thread.once('exit', resolve);
  });
  return { thread, ended };
}

function runJobs(worker: PoolWorker, jobs: Job[]): Promise<ParsedEntry[]> {
  return new Promise((resolve, reject) => {
    worker.thread.ref();
    worker.thread.once('message', (results: ParsedEntry[]) => {
      resolve(results);
      void worker.thread.terminate();
    });
    void worker.ended.then((end) => reject(end instanceof Error ? end : new Error(`migration parser worker exited with code ${end}`)));
    worker.thread.postMessage(jobs);
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
