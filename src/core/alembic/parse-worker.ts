// Worker thread: parses a share of an environment's migration files (see parse-pool.ts).
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { Constants, LoadEntry } from './environment.ts';

// Reuse the compiled (type-stripped) modules of earlier runs before importing the parser.
enableCompileCache?.();
const { parseLoadEntry } = await import('./environment.ts');
const { jobs } = workerData as { jobs: { entry: LoadEntry; constants?: Constants }[] };
parentPort!.postMessage(jobs.map((job) => parseLoadEntry(job.entry, job.constants)));
