// The claims report as CSV or JSON, streamed: it lists every claim, and a million of them are too many to hold as
// objects and then as one string (1.7 GB and 15 s before this). The claims leave the store a chunk of ids at a time
// (json-chunks.ts); each chunk is computed and rendered by itself, and the totals, which are sums, are added up as the
// chunks go. Past a few chunks, a worker thread takes a share of them, so both cores compute and render while the
// main thread, the only one that reads the store, stays inside one read transaction.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ClaimRows, computeClaims } from '../compute/claims.js';
import { CLAIM_COLUMNS } from '../compute/claim-columns.js';
import { PracticeSyncError, type ErrorCode } from '../errors.js';
import { CHUNK_IDS, parseChunk, type ChunkTexts } from '../store/json-chunks.js';
import { blankClaim, CLAIM_CHUNK_COLUMNS, readClaim, type ClaimColumns, type InputFilter, type Lookups } from '../store/claim-rows.js';
import type { StoreInputs } from '../store/load-inputs.js';
import type { Config } from '../workspace/config-schema.js';
import { writePrivateFileInPiecesAsync } from '../workspace/private-fs.js';
import { missingNotes } from './missing-notes.js';
import type { ReportRow } from './model.js';
import { ReportAssembler, reportRenderer, type ReportPiece, type ReportRenderer, type StreamFormat } from './render-report.js';

export interface ClaimsJob {
  asOf: string;
  config: Config;
  filter: InputFilter;
  openOnly: boolean;
  format: StreamFormat;
}

export interface ChunkResult {
  /** The chunk's rows as `RowEncoder.take` gives them. */
  bytes: Uint8Array;
  rows: number;
  totals: ReportRow;
}

/**
 * What the worker is started with: the job, and the names it joins in (from the main thread's read transaction), a
 * structured clone that `reviveLookups` makes lookups again.
 */
export interface ClaimsWorkerData {
  job: ClaimsJob;
  lookups: Lookups;
}

export type ClaimsWorkerReply = { kind: 'chunk'; result: ChunkResult } | { kind: 'error'; code: ErrorCode | null; message: string };

/** A chunk to compute and render, or the memory of bytes the worker rendered earlier, written and free again. */
export type ClaimsWorkerRequest = { kind: 'chunk'; texts: ChunkTexts } | { kind: 'recycle'; memory: ArrayBuffer };

export type Parallelism = 'auto' | 'always' | 'never';

/** Stores of fewer chunks than this (about 65,000 claims) are done before a worker would have started. */
const PARALLEL_MIN_CHUNKS = Math.ceil(65_536 / CHUNK_IDS);

/** Chunks handed to the worker and not yet back: enough to keep it busy, few enough to keep memory flat. */
const WORKER_QUEUE = 4;

const WORKER_SCRIPT = new URL('./claims-worker.js', import.meta.url);

function canUseWorker(): boolean {
  return WORKER_SCRIPT.protocol === 'file:' && fs.existsSync(fileURLToPath(WORKER_SCRIPT));
}

/** Whoever rendered a chunk, which takes its memory back once it is written. */
type Recycler = Pick<ReportRenderer, 'recycle'>;

/** Computes and renders chunks of claims: the work either thread does, one of these per thread. */
export class ClaimChunkRenderer {
  private readonly claimRows: ClaimRows;
  private readonly renderer: ReportRenderer;
  private readonly claim = blankClaim();

  constructor(
    private readonly lookups: Lookups,
    private readonly job: ClaimsJob,
  ) {
    this.claimRows = new ClaimRows(job.asOf, job.config, job.openOnly);
    this.renderer = reportRenderer(job.format, { report: 'claims', asOf: job.asOf, columns: CLAIM_COLUMNS });
  }

  render(texts: ChunkTexts): ChunkResult {
    let rows = 0;
    const columns = parseChunk<ClaimColumns>(texts);
    for (let row = 0; row < columns[0].length; row++) {
      if (!readClaim(columns, row, this.lookups, this.job.filter, this.claim)) continue;
      const values = this.claimRows.add(this.claim);
      if (!values) continue;
      this.renderer.row(values);
      rows++;
    }
    return { bytes: this.renderer.take(), rows, totals: this.claimRows.takeTotals() };
  }

  recycle(bytes: Uint8Array): void {
    this.renderer.recycle(bytes);
  }
}

/**
 * Writes the claims report to `write` and returns its row count and totals. The text is byte for byte what
 * `reportToCsv`/`reportToJson` make of `ReportBuilder.build('claims')`. `recycle`: `write` is done with the bytes when
 * it returns (a synchronous write to a file), so their memory can be filled again; not so for a stream that may queue
 * them (stdout).
 */
export async function streamClaimsReport(inputs: StoreInputs, job: ClaimsJob, write: (piece: ReportPiece) => void, parallel: Parallelism = 'auto', recycle = false): Promise<{ rows: number; totals: ReportRow }> {
  return inputs.snapshotAsync(async () => {
    const lookups = inputs.maps;
    const chunks = inputs.claimChunks(CLAIM_CHUNK_COLUMNS);
    const assembler = new ReportAssembler(reportRenderer(job.format, { report: 'claims', asOf: job.asOf, columns: CLAIM_COLUMNS }), write);
    const useWorker = parallel === 'always' || (parallel === 'auto' && chunks.count >= PARALLEL_MIN_CHUNKS && canUseWorker());
    const worker = useWorker ? new ChunkWorker({ job, lookups }) : null;
    const local = new ClaimChunkRenderer(lookups, job);
    let rows = 0;
    let totals = computeClaims({ claims: [], asOf: job.asOf, config: job.config }).totals;
    // Results in report order; the worker's arrive later, so what is done is written only once all before it are.
    // Each remembers who rendered it, who takes its memory back once it is written.
    const pending: { result?: ChunkResult; promise?: Promise<ChunkResult>; renderer: Recycler }[] = [];
    const take = (result: ChunkResult, renderer: Recycler) => {
      assembler.rows(result.bytes);
      if (recycle) renderer.recycle(result.bytes);
      rows += result.rows;
      totals = addTotals(totals, result.totals);
    };
    const flushDone = () => {
      while (pending.length > 0 && pending[0].result) {
        const { result, renderer } = pending.shift()!;
        take(result!, renderer);
      }
    };
    try {
      for (const texts of chunks.texts) {
        worker?.throwIfFailed();
        if (worker && worker.queued < WORKER_QUEUE) {
          const entry: (typeof pending)[number] = { renderer: worker };
          entry.promise = worker.render(texts).then((result) => (entry.result = result));
          // Awaited below in order; marked handled so a failure while an earlier chunk is awaited is not unhandled.
          entry.promise.catch(() => undefined);
          pending.push(entry);
        } else {
          pending.push({ result: local.render(texts), renderer: local });
        }
        // Let the worker's finished chunks in, then write whatever is ready.
        if (worker) await new Promise((resolve) => setImmediate(resolve));
        flushDone();
      }
      for (const entry of pending.splice(0)) take(entry.result ?? (await entry.promise!), entry.renderer);
    } finally {
      await worker?.stop();
    }
    assembler.finish(totals, missingNotes(inputs.missingFromExports(), ['claims']));
    return { rows, totals };
  });
}

/** `streamClaimsReport` into a file (owner-only), which appears whole or not at all. */
export function writeClaimsReportFile(inputs: StoreInputs, job: ClaimsJob, file: string, parallel: Parallelism = 'auto'): Promise<{ rows: number; totals: ReportRow }> {
  // The file's writes are synchronous: written bytes are free again.
  return writePrivateFileInPiecesAsync(file, (write) => streamClaimsReport(inputs, job, write, parallel, true));
}

/** Totals of the claims report are counts and sums, so a whole report's are its chunks' added up. */
function addTotals(a: ReportRow, b: ReportRow): ReportRow {
  const out: ReportRow = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = ((out[key] as number | undefined) ?? 0) + (value as number);
  return out;
}

/** The main thread's side of the worker: chunks go in, results come back in the order they were sent. */
class ChunkWorker {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (result: ChunkResult) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;
  private stopping = false;

  constructor(data: ClaimsWorkerData) {
    this.worker = new Worker(WORKER_SCRIPT, { workerData: data });
    this.worker.on('message', (reply: ClaimsWorkerReply) => {
      const next = this.waiting.shift();
      if (reply.kind === 'chunk') next?.resolve(reply.result);
      else this.fail(reply.code ? new PracticeSyncError(reply.code, reply.message) : new Error(reply.message), next);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.stopping && (code !== 0 || this.waiting.length > 0)) this.fail(new Error(`the claims report's worker thread stopped with code ${code}`));
    });
  }

  /** Stop reading the store as soon as the worker has failed. */
  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  get queued(): number {
    return this.waiting.length;
  }

  render(texts: ChunkTexts): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage({ kind: 'chunk', texts } satisfies ClaimsWorkerRequest);
    });
  }

  /** Sends the memory of bytes the worker rendered back to it, to be filled again. */
  recycle(bytes: Uint8Array): void {
    if (this.failure || this.stopping) return;
    const memory = bytes.buffer as ArrayBuffer;
    this.worker.postMessage({ kind: 'recycle', memory } satisfies ClaimsWorkerRequest, [memory]);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }

  private fail(error: Error, first?: { reject: (error: Error) => void }): void {
    this.failure ??= error;
    first?.reject(error);
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }
}
