// Worker thread: takes migration files from the shared counter and parses them (see
// parse-pool.ts). It starts idle, loads the parser, then waits for one task.
import { parentPort } from 'node:worker_threads';
import type { WorkerTask } from './parse-pool.ts';

const { takeJobs } = await import('./parse-pool.ts');
parentPort!.once('message', (task: WorkerTask) => {
  parentPort!.postMessage(takeJobs(task.jobs, new Int32Array(task.next), true));
});
