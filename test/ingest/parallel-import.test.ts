// A big file's reading half runs in a worker thread (parallel-batches.ts). These tests run the built code (dist/,
// which `npm test` builds first), since a worker thread loads the compiled script: every fixture imported through the
// worker must leave the store exactly as the inline reader does, and failures inside the worker must surface the same.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoFiles } from '../../src/demo/demo-files.js';
import { orderByEntity } from '../../src/ingest/import-order.js';
import { loadMappings } from '../../src/mapping/load-mappings.js';
import { dumpStore, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/src');
type ImportModule = typeof import('../../src/ingest/import-file.js');
type StoreModule = typeof import('../../src/store/open-store.js');
type MappingsModule = typeof import('../../src/mapping/load-mappings.js');
type Parallel = 'always' | 'never';

let built: { importFile: ImportModule['importFile']; openStore: StoreModule['openStore']; loadMappings: MappingsModule['loadMappings'] };

beforeAll(async () => {
  built = {
    importFile: ((await import(path.join(dist, 'ingest/import-file.js'))) as ImportModule).importFile,
    openStore: ((await import(path.join(dist, 'store/open-store.js'))) as StoreModule).openStore,
    loadMappings: ((await import(path.join(dist, 'mapping/load-mappings.js'))) as MappingsModule).loadMappings,
  };
});

async function importAll(files: string[], parallel: Parallel, allowPartial = false) {
  const ws = tempWorkspace();
  const store = path.join(ws, 'practice-sync.db');
  const db = built.openStore(store);
  const reports = [];
  try {
    for (const file of files) {
      reports.push(await built.importFile({
        db, file, mappings: built.loadMappings(), rejectsDir: path.join(ws, 'rejects'), attemptsFile: path.join(ws, 'logs', 'attempts.jsonl'),
        now: () => new Date('2026-11-23T09:00:00Z'), parallel, allowPartial,
      }));
    }
  } finally {
    db.close();
  }
  const comparable = reports.map(({ file, rejects_file, ...rest }) => ({ ...rest, file: path.basename(file), rejects: rejects_file ? fs.readFileSync(rejects_file, 'utf8') : null }));
  return { dump: dumpStore(store).replace(/"(started|finished)_at":"[^"]*"|"user":"[^"]*"/g, ''), reports: comparable };
}

describe('reading in a worker thread', () => {
  it('imports every fixture exactly as the inline reader does', async () => {
    const files = orderByEntity(demoFiles(), loadMappings());
    const inline = await importAll(files, 'never');
    const worker = await importAll(files, 'always');
    expect(worker.reports).toEqual(inline.reports);
    expect(worker.dump).toBe(inline.dump);
  }, 60_000);

  it('rejects a bad cell on the same line, with the same rejects file, and leaves the store as it was', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 3000 }, (_, i) => `CLM-${i + 1},Pat ${i % 40},P${i % 40},03/0${1 + (i % 9)}/2026,Aetna,${i === 2199 ? '12.345' : '150.00'},Submitted`);
    const file = writeFile(dir, 'claims.csv', `Claim ID,Patient Name,Patient ID,Date of Service,Payer,Billed Amount,Claim Status\n${rows.join('\n')}\n`);
    for (const parallel of ['never', 'always'] as const) {
      const { reports, dump } = await importAll([file], parallel);
      expect(reports[0]).toMatchObject({ status: 'rejected', rows: 3000, rejected: 1, created: 0, would_have: { created: 2999 } });
      expect(reports[0].rejects).toContain('2201,Billed Amount,12.345,');
      expect(dump).toContain('claims\n[]');
      const partial = await importAll([file], parallel, true);
      expect(partial.reports[0]).toMatchObject({ status: 'partial', created: 2999 });
    }
  }, 60_000);

  it('reports an unclosed quote found by the worker as the inline reader does', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'claims.csv', 'Claim ID,Patient Name,Patient ID,Date of Service,Payer,Billed Amount,Claim Status\nCLM-1,"Pat One,P1,03/01/2026,Aetna,150.00,Submitted\n');
    for (const parallel of ['never', 'always'] as const) {
      const error = await importAll([file], parallel).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'input_rejected', message: 'claims.csv: a quoted cell (column "Patient Name") opened on line 2 is never closed; nothing was imported' });
    }
  }, 60_000);
});
