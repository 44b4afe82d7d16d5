// Parsing migrations is the costliest part of reading a repository (a real Python grammar per
// file), and it is independent per file: spread it over worker threads while the main thread
// reads the ADRs and rules.
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { parseKey, type ParseCache } from '../parse-cache.ts';
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

/** `bytes`: the file's content when the cache lookup read it (so it is not read twice). */
type Job = { entry: LoadEntry; constants?: Constants; bytes?: Uint8Array };

export interface Parsing {
  /** Parses this thread's share, then waits for the workers: results per plan, in `plan.loads` order. */
  finish(): Promise<ParsedEntry[][]>;
}

/** Worker threads started ahead of time, so their start-up overlaps the caller's own work. */
export interface ParserPool {
  /** Hands the plans' files to the workers (this thread keeps `mainShare` of them for `finish()`). */
  parse(plans: EnvironmentPlan[], options?: { mainShare?: number; cache?: ParseCache | null }): Parsing;
  /** Stops workers that were never given work. */
  close(): void;
}

/**
 * A pool of `threads` parser workers (one per spare core by default). Eager: they start now and
 * load the parser while the caller works; lazy: they start when there turn out to be enough files.
 */
export function startParserPool(threads = defaultThreads(), options: { eager?: boolean } = {}): ParserPool {
  const here = fileURLToPath(import.meta.url);
  const workerFile = new URL(`./parse-worker${extname(here)}`, import.meta.url);
  const spawn = (): PoolWorker[] => Array.from({ length: Math.max(0, threads) }, () => spawnWorker(workerFile));
  const idle = options.eager === false ? [] : spawn();
  const close = (): void => {
    for (const w of idle.splice(0)) void w.thread.terminate();
  };
  return {
    close,
    parse(plans, parseOptions = {}) {
      const { jobs, collect } = cachedJobs(plans, parseOptions.cache ?? null);
      const parseHere = (list: Job[]): ParsedEntry[] => list.map((job) => parseLoadEntry(job.entry, job.constants, job.bytes));
      const workers = options.eager === false && jobs.length >= minFilesForWorkers ? spawn() : idle.splice(0);
      if (jobs.length < minFilesForWorkers || workers.length === 0) {
        for (const w of workers) void w.thread.terminate();
        return { finish: async () => collect(parseHere(jobs)) };
      }
      const mainCount = Math.floor(jobs.length * Math.min(Math.max(parseOptions.mainShare ?? 0, 0), 0.9));
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
          return collect([...theirs, ...mine]);
        },
      };
    },
  };
}

/**
 * The jobs still to parse once the cache has answered, and how to put their results (in the
 * same order) together with the cached ones, per plan. Fresh results are stored in the cache.
 */
function cachedJobs(plans: EnvironmentPlan[], cache: ParseCache | null): { jobs: Job[]; collect(parsed: ParsedEntry[]): ParsedEntry[][] } {
  const all: Job[] = plans.flatMap((plan) => plan.loads.map((entry) => (plan.spec.constants ? { entry, constants: plan.spec.constants } : { entry })));
  const results: (ParsedEntry | undefined)[] = new Array(all.length);
  const keys: (string | null)[] = new Array(all.length).fill(null);
  if (cache) all.forEach((job, i) => (results[i] = lookUp(cache, job, (key) => (keys[i] = key))));
  const todo = all.map((_, i) => i).filter((i) => results[i] === undefined);
  return {
    jobs: todo.map((i) => all[i]!),
    collect(parsed) {
      todo.forEach((at, j) => {
        results[at] = parsed[j]!;
        if (cache && keys[at] !== null) cache.set(keys[at]!, parsed[j]!);
      });
      let at = 0;
      return plans.map((plan) => results.slice(at, (at += plan.loads.length)) as ParsedEntry[]);
    },
  };
}

/** Parses every plan's files on this thread (cached results reused). */
export function parsePlansHere(plans: EnvironmentPlan[], cache: ParseCache | null = null): ParsedEntry[][] {
  const { jobs, collect } = cachedJobs(plans, cache);
  return collect(jobs.map((job) => parseLoadEntry(job.entry, job.constants, job.bytes)));
}

/** A job's cached result; reports the job's key (null for a file that cannot be read: it is parsed, to report that). */
function lookUp(cache: ParseCache, job: Job, keyed: (key: string) => void): ParsedEntry | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(job.entry.real);
  } catch {
    return undefined;
  }
  const key = parseKey('migration', bytes, job.entry.shown, job.constants ?? null);
  keyed(key);
  const hit = cache.get(key) as ParsedEntry | undefined;
  if (hit === undefined) job.bytes = bytes;
  return hit;
}

/**
 * Starts parsing every plan's files in worker threads right away. `mainShare` is the fraction
 * this thread parses itself when `finish()` is called (after whatever else it has to do).
 */
export function startParsing(plans: EnvironmentPlan[], options: { mainShare?: number; threads?: number; cache?: ParseCache | null } = {}): Parsing {
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
