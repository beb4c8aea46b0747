/**
 * `check` over many files in worker threads. Each worker runs this same bundle (dist/cli.js: no
 * second copy of the checker in the package) with a FileChecker of its own, and takes small
 * batches of files as it finishes the previous one, so a slow card does not hold up the others.
 * Results come back with their index and are put in the order of the plan: the output is the
 * same as checking in one thread.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createBundledRegistry } from '../core/schemas/bundled';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { FileChecker, type CheckedFile, type CheckerOptions, type CheckTarget } from './checkPaths';

/** Below this many files per worker, starting a worker (loading the bundle) costs more than it saves. */
const FILES_PER_WORKER = 12;
const MAX_WORKERS = 8;
/** Files handed to a worker at a time. */
const BATCH = 4;

/** `--concurrency`: a number of workers, `auto` (by the file count and the machine) or `off`. */
export type Concurrency = number | 'auto' | 'off';

/** How many workers to start for `files` files to check (0: check them in this thread). */
export function workerCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off' || files < 2) return 0;
  if (concurrency !== 'auto') return Math.min(concurrency, files);
  // The main thread only hands out files, so a core is left to it. One worker beside an idle
  // main thread gains nothing: on two cores `auto` checks in this thread (measured: two workers
  // there took more wall time than one thread, as V8 already runs its compiler and GC beside it).
  const count = Math.min(availableParallelism() - 1, MAX_WORKERS, Math.floor(files / FILES_PER_WORKER));
  return count >= 2 ? count : 0;
}

interface WorkerOptions extends CheckerOptions {
  cardwrightCheckWorker: true;
}

type ToWorker = { batch: { index: number; target: CheckTarget }[] };
type FromWorker = { results: { index: number; checked: CheckedFile }[] } | { error: string };

export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerOptions> | null)?.cardwrightCheckWorker === true;
}

/** Checks `targets` in `count` workers; the results in the order of `targets`. */
export function checkInWorkers(
  targets: readonly CheckTarget[],
  count: number,
  checking: CheckerOptions = {},
): Promise<CheckedFile[]> {
  const results: CheckedFile[] = new Array<CheckedFile>(targets.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (error?: Error): void => {
      for (const worker of workers) void worker.terminate();
      workers.length = 0;
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker): void => {
      const batch: ToWorker['batch'] = [];
      while (batch.length < BATCH && next < targets.length) {
        batch.push({ index: next, target: targets[next] as CheckTarget });
        next++;
      }
      if (batch.length > 0) worker.postMessage({ batch } satisfies ToWorker);
    };
    const options: WorkerOptions = { ...checking, cardwrightCheckWorker: true };
    for (let started = 0; started < count; started++) {
      const worker = new Worker(__filename, { workerData: options, execArgv: process.execArgv });
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if ('error' in message) return finish(new Error(message.error));
        for (const { index, checked } of message.results) results[index] = checked;
        done += message.results.length;
        if (done === targets.length) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (done < targets.length && workers.includes(worker))
          finish(new Error(`a check worker stopped (exit code ${code})`));
      });
      feed(worker);
    }
  });
}

/** The worker's side: a checker of its own, fed batches by the main thread until terminated. */
export function runCheckWorker(): void {
  const options = workerData as WorkerOptions;
  const checker = new FileChecker(nodeFileSystem, createBundledRegistry(), options);
  const port = parentPort;
  if (!port) return;
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    queue = queue.then(async () => {
      try {
        const results: { index: number; checked: CheckedFile }[] = [];
        for (const { index, target } of message.batch) results.push({ index, checked: await checker.check(target) });
        port.postMessage({ results } satisfies FromWorker);
      } catch (error) {
        port.postMessage({
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies FromWorker);
      }
    });
  });
}
