// Worker-thread entry of a parallel import: reads, parses and maps the file of `workerData` (a ReadPlan) and posts
// its batches to the importing thread, which acknowledges each batch it takes (see parallel-batches.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadPlan } from './mapped-batches.js';
import { postBatches } from './parallel-batches.js';

const port = parentPort!;
let unclaimed = 0;
let waiter: (() => void) | null = null;
port.on('message', () => {
  const resolve = waiter;
  waiter = null;
  if (resolve) resolve();
  else unclaimed += 1;
});
const acks = {
  wait(): Promise<void> {
    if (unclaimed > 0) {
      unclaimed -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => (waiter = resolve));
  },
};

await postBatches(workerData as ReadPlan, (message) => port.postMessage(message), acks);
