// Parsing migrations is the costliest part of reading a repository (a real Python grammar per
// file), and it is independent per file: spread it over worker threads while the main thread
// reads the ADRs and rules. The files are not split up front: every thread takes the next file
// from a shared counter, so a thread that is busy elsewhere (or slow to start) simply takes fewer.
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
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

/**
 * One file to parse. `bytes`: its content when the cache lookup read it already; `key`: true when
 * the parser must also work out the file's cache key (the cache was empty, so nobody looked it up).
 */
export type ParseJob = { entry: LoadEntry; constants?: Constants; bytes?: Uint8Array; key?: boolean };

/**
 * A job's outcome: the parse, and the cache key when the job asked for it (null: unreadable). A
 * worker sends a keyed parse as JSON text: the caller needs that text for the cache anyway, and
 * making it is then not left to the main thread.
 */
export type ParseOutcome = { parsed: ParsedEntry; key?: string | null } | { json: string; key: string };

/** What a worker is sent: every job, and the shared counter all threads take the next job from. */
export interface WorkerTask {
  jobs: ParseJob[];
  next: SharedArrayBuffer;
}

/** What a worker sends back: `[index, outcome, index, outcome, …]` for the jobs it took. */
export type WorkerResult = (number | ParseOutcome)[];

export interface Parsing {
  /** Parses files on this thread too until none is left, then waits for the workers: results per plan, in `plan.loads` order. */
  finish(): Promise<ParsedEntry[][]>;
}

/** Worker threads started ahead of time, so their start-up overlaps the caller's own work. */
export interface ParserPool {
  /** Hands the plans' files to the workers; this thread joins in when `finish()` is called. */
  parse(plans: EnvironmentPlan[], options?: { cache?: ParseCache | null }): Parsing;
  /** Stops workers that were never given work. */
  close(): void;
}

/** Parses one job (reading the file unless its bytes came with it). Never throws. */
export function runJob(job: ParseJob): ParseOutcome {
  if (!job.key) return { parsed: parseLoadEntry(job.entry, job.constants, job.bytes) };
  let bytes: Uint8Array;
  try {
    bytes = job.bytes ?? readFileSync(job.entry.real);
  } catch {
    // parseLoadEntry reads it again, to report why it cannot be read.
    return { parsed: parseLoadEntry(job.entry, job.constants), key: null };
  }
  return { parsed: parseLoadEntry(job.entry, job.constants, bytes), key: migrationKey(job, bytes) };
}

/** Takes jobs from the shared counter until there are none left: `[index, outcome, …]`; `asText`: keyed parses as JSON. */
export function takeJobs(jobs: ParseJob[], next: Int32Array, asText = false): WorkerResult {
  const out: WorkerResult = [];
  for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) {
    const outcome = runJob(jobs[i]!);
    out.push(i, asText && 'parsed' in outcome && outcome.key ? { json: JSON.stringify(outcome.parsed), key: outcome.key } : outcome);
  }
  return out;
}

const migrationKey = (job: ParseJob, bytes: Uint8Array): string => parseKey('migration', bytes, job.entry.shown, job.constants ?? null);

/**
 * A pool of `threads` parser workers (one per spare core by default). Eager: they start now and
 * load the parser while the caller works; lazy: they start when there turn out to be enough files.
 */
export function startParserPool(threads = defaultThreads(), options: { eager?: boolean } = {}): ParserPool {
  const spawn = (): PoolWorker[] => Array.from({ length: Math.max(0, threads) }, () => spawnWorker());
  const idle = options.eager === false ? [] : spawn();
  const close = (): void => {
    for (const w of idle.splice(0)) void w.thread.terminate();
  };
  return {
    close,
    parse(plans, parseOptions = {}) {
      const { jobs, collect } = cachedJobs(plans, parseOptions.cache ?? null);
      const workers = options.eager === false && jobs.length >= minFilesForWorkers ? spawn() : idle.splice(0);
      if (jobs.length < minFilesForWorkers || workers.length === 0) {
        for (const w of workers) void w.thread.terminate();
        return { finish: async () => collect(jobs.map(runJob)) };
      }
      const next = new SharedArrayBuffer(4);
      const task: WorkerTask = { jobs, next };
      const running = Promise.allSettled(workers.map((worker) => runTask(worker, task)));
      return {
        async finish() {
          const outcomes: (ParseOutcome | undefined)[] = new Array(jobs.length);
          const fill = (result: WorkerResult): void => {
            for (let j = 0; j < result.length; j += 2) outcomes[result[j] as number] = result[j + 1] as ParseOutcome;
          };
          fill(takeJobs(jobs, new Int32Array(next)));
          for (const settled of await running) if (settled.status === 'fulfilled') fill(settled.value);
          // A worker that died took its files with it: parse them here.
          return collect(outcomes.map((o, i) => o ?? runJob(jobs[i]!)));
        },
      };
    },
  };
}

/**
 * The jobs still to parse once the cache has answered, and how to put their outcomes (in the same
 * order) together with the cached results, per plan. Fresh results are stored in the cache.
 */
function cachedJobs(plans: EnvironmentPlan[], cache: ParseCache | null): { jobs: ParseJob[]; collect(outcomes: ParseOutcome[]): ParsedEntry[][] } {
  const all: ParseJob[] = plans.flatMap((plan) => plan.loads.map((entry) => (plan.spec.constants ? { entry, constants: plan.spec.constants } : { entry })));
  const results: (ParsedEntry | undefined)[] = new Array(all.length);
  const keys: (string | null)[] = new Array(all.length).fill(null);
  // An empty cache has nothing to find: whoever parses a file works out its key, in parallel.
  if (cache && cache.size === 0) for (const job of all) job.key = true;
  else if (cache) all.forEach((job, i) => (results[i] = lookUp(cache, job, (key) => (keys[i] = key))));
  const todo = all.map((_, i) => i).filter((i) => results[i] === undefined);
  return {
    jobs: todo.map((i) => all[i]!),
    collect(outcomes) {
      todo.forEach((at, j) => {
        const outcome = outcomes[j]!;
        if ('json' in outcome) {
          results[at] = JSON.parse(outcome.json) as ParsedEntry;
          if (cache?.setJson) cache.setJson(outcome.key, outcome.json);
          else cache?.set(outcome.key, results[at]);
          return;
        }
        results[at] = outcome.parsed;
        const stored = outcome.key ?? keys[at];
        if (cache && stored) cache.set(stored, outcome.parsed);
      });
      let at = 0;
      return plans.map((plan) => results.slice(at, (at += plan.loads.length)) as ParsedEntry[]);
    },
  };
}

/** Parses every plan's files on this thread (cached results reused). */
export function parsePlansHere(plans: EnvironmentPlan[], cache: ParseCache | null = null): ParsedEntry[][] {
  const { jobs, collect } = cachedJobs(plans, cache);
  return collect(jobs.map(runJob));
}

/** A job's cached result; reports the job's key (null for a file that cannot be read: it is parsed, to report that). */
function lookUp(cache: ParseCache, job: ParseJob, keyed: (key: string) => void): ParsedEntry | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(job.entry.real);
  } catch {
    return undefined;
  }
  const key = migrationKey(job, bytes);
  keyed(key);
  const hit = cache.get(key) as ParsedEntry | undefined;
  if (hit === undefined) job.bytes = bytes;
  return hit;
}

/** Parses every plan's files, in workers when there are many; resolves to the results per plan. */
export function parsePlans(plans: EnvironmentPlan[], threads = defaultThreads()): Promise<ParsedEntry[][]> {
  const count = plans.reduce((n, plan) => n + plan.loads.length, 0);
  return startParserPool(count < minFilesForWorkers ? 0 : threads).parse(plans).finish();
}

/** Parses `jobs` in one fresh worker thread, all of them (no other thread takes any). */
export function parseInWorker(jobs: ParseJob[]): Promise<WorkerResult> {
  return runTask(spawnWorker(), { jobs, next: new SharedArrayBuffer(4) });
}

interface PoolWorker {
  thread: Worker;
  /** Settles when the thread ends: its exit code, or the error that ended it. */
  ended: Promise<number | Error>;
}

function spawnWorker(): PoolWorker {
  const file = new URL(`./parse-worker${extname(new URL(import.meta.url).pathname)}`, import.meta.url);
  // A plain-JavaScript bootstrap turns on Node's compile cache before the worker's own
  // TypeScript module loads: otherwise every worker starts Node's type stripper (~150 ms).
  const bootstrap = `require('node:module').enableCompileCache?.(); import(${JSON.stringify(file.href)});`;
  // A larger young generation: parsing makes many short-lived objects, and scavenges dominate otherwise.
  const thread = new Worker(bootstrap, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  // An idle worker must not keep the process alive.
  thread.unref();
  const ended = new Promise<number | Error>((resolve) => {
    thread.once('error', resolve);
    thread.once('exit', resolve);
  });
  return { thread, ended };
}

function runTask(worker: PoolWorker, task: WorkerTask): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    worker.thread.ref();
    worker.thread.once('message', (result: WorkerResult) => {
      resolve(result);
      void worker.thread.terminate();
    });
    void worker.ended.then((end) => reject(end instanceof Error ? end : new Error(`migration parser worker exited with code ${end}`)));
    worker.thread.postMessage(task);
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
