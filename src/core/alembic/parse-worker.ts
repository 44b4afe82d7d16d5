// Worker thread: parses a share of an environment's migration files (see parse-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { parseLoadEntry, type Constants, type LoadEntry } from './environment.ts';

const { jobs } = workerData as { jobs: { entry: LoadEntry; constants?: Constants }[] };
parentPort!.postMessage(jobs.map((job) => parseLoadEntry(job.entry, job.constants)));
