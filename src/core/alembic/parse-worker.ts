// Worker thread: parses a share of an environment's migration files (see parse-pool.ts). It starts
// idle, loads the parser, then waits for one list of jobs.
import { enableCompileCache } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { Constants, LoadEntry } from './environment.ts';

// Reuse the compiled (type-stripped) modules of earlier runs before importing the parser.
enableCompileCache?.();
const { parseLoadEntry } = await import('./environment.ts');
parentPort!.once('message', (jobs: { entry: LoadEntry; constants?: Constants; bytes?: Uint8Array }[]) => {
  parentPort!.postMessage(jobs.map((job) => parseLoadEntry(job.entry, job.constants, job.bytes)));
});
