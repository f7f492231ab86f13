// Run the reading half of an import (mapped-batches.ts) in a worker thread, so a big file's parsing and typing use the
// second core while the main thread writes to SQLite. A few batches may be in flight at once: enough to keep both
// threads busy, few enough that memory stays flat whatever the file size.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PracticeSyncError, type ErrorCode } from '../errors.js';
import { mappedBatches, type MappedBatch, type ReadPlan } from './mapped-batches.js';

/** Files at least this big are read in a worker; smaller ones are done before a worker would have started. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

/** Batches the worker may post before the main thread has taken the first of them. */
export const IN_FLIGHT = 4;

export type Parallelism = 'auto' | 'always' | 'never';

/** What the worker posts: a batch, the end, or what went wrong. */
export type WorkerMessage =
  | { kind: 'batch'; batch: MappedBatch }
  | { kind: 'end' }
  | { kind: 'error'; code: ErrorCode | null; message: string; context?: Record<string, unknown> };

/** The compiled worker script; absent when running from the TypeScript sources (the tests), which then read inline. */
const WORKER_SCRIPT = new URL('./read-worker.js', import.meta.url);

export function canReadInWorker(): boolean {
  return WORKER_SCRIPT.protocol === 'file:' && fs.existsSync(fileURLToPath(WORKER_SCRIPT));
}

export function readBatches(plan: ReadPlan, size: number, parallel: Parallelism = 'auto'): AsyncGenerator<MappedBatch> {
  const useWorker = parallel === 'always' || (parallel === 'auto' && size >= PARALLEL_MIN_BYTES && canReadInWorker());
  return useWorker ? workerBatches(plan) : mappedBatches(plan);
}

async function* workerBatches(plan: ReadPlan): AsyncGenerator<MappedBatch> {
  const worker = new Worker(WORKER_SCRIPT, { workerData: plan });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the import's reader thread stopped with code ${code}`);
    notify();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.kind === 'end') return;
      if (message.kind === 'error') {
        throw message.code ? new PracticeSyncError(message.code, message.message, message.context) : new Error(message.message);
      }
      worker.postMessage('ack');
      yield message.batch;
    }
  } finally {
    // Stopped early (a failure while writing) or finished: either way the worker has nothing more to do.
    await worker.terminate();
  }
}

/** The worker's side: read the plan's file and post its batches, never more than IN_FLIGHT ahead of the main thread. */
export async function postBatches(plan: ReadPlan, post: (message: WorkerMessage) => void, acks: { wait(): Promise<void> }): Promise<void> {
  try {
    let inFlight = 0;
    for await (const batch of mappedBatches(plan)) {
      while (inFlight >= IN_FLIGHT) {
        await acks.wait();
        inFlight -= 1;
      }
      post({ kind: 'batch', batch });
      inFlight += 1;
    }
    post({ kind: 'end' });
  } catch (error) {
    if (error instanceof PracticeSyncError) post({ kind: 'error', code: error.code, message: error.message, context: error.context });
    else post({ kind: 'error', code: null, message: error instanceof Error ? error.message : String(error) });
  }
}
