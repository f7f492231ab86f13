// Worker-thread entry of a streamed claims report (stream-claims.ts): takes chunks of claims (json-chunks.ts), posts back
// each one computed and encoded, in the order they came; takes back the memory of bytes written, to fill again.
import { parentPort, workerData } from 'node:worker_threads';
import { PracticeSyncError } from '../errors.js';
import { reviveLookups } from '../store/claim-rows.js';
import { ClaimChunkRenderer, type ChunkResult, type ClaimsWorkerData, type ClaimsWorkerReply, type ClaimsWorkerRequest } from './stream-claims.js';

const port = parentPort!;
const { job, lookups } = workerData as ClaimsWorkerData;
const renderer = new ClaimChunkRenderer(reviveLookups(lookups), job);
port.on('message', (request: ClaimsWorkerRequest) => {
  if (request.kind === 'recycle') {
    renderer.recycle(new Uint8Array(request.memory));
    return;
  }
  let result: ChunkResult;
  try {
    result = renderer.render(request.texts);
  } catch (error) {
    const reply: ClaimsWorkerReply = error instanceof PracticeSyncError
      ? { kind: 'error', code: error.code, message: error.message }
      : { kind: 'error', code: null, message: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
    return;
  }
  // The bytes own their ArrayBuffer (ByteBuffer allocates unpooled), so they move to the main thread uncopied.
  port.postMessage({ kind: 'chunk', result } satisfies ClaimsWorkerReply, [result.bytes.buffer as ArrayBuffer]);
});
