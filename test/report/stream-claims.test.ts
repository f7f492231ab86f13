// The claims report as CSV or JSON is streamed a chunk of claims at a time, part of it rendered in a worker thread
// (stream-claims.ts). Whatever the chunking and whichever thread renders a chunk, the text must be byte for byte what
// the whole-report renderers make of `ReportBuilder.build('claims')`, read from one state of the store, and a failure
// must leave no file behind. The worker tests run the built code (dist/), since a worker loads the compiled script.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../src/report/build-reports.js';
import { pieceText, reportToCsv, reportToJson } from '../../src/report/render-report.js';
import { streamClaimsReport, type ClaimsJob } from '../../src/report/stream-claims.js';
import { CHUNK_IDS, jsonChunks, parseChunk } from '../../src/store/json-chunks.js';
import { StoreInputs } from '../../src/store/load-inputs.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { loadConfig } from '../../src/workspace/load-config.js';
import { defaultConfig } from '../../src/workspace/config-schema.js';
import { cli, practiceWorkspace, tempWorkspace } from '../helpers/cli.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/src');
type StreamModule = typeof import('../../src/report/stream-claims.js');
type InputsModule = typeof import('../../src/store/load-inputs.js');
type StoreModule = typeof import('../../src/store/open-store.js');

const asOf = '2026-03-01';
const config = defaultConfig();

async function streamed(db: Store, job: ClaimsJob): Promise<string> {
  let text = '';
  await streamClaimsReport(new StoreInputs(db), job, (piece) => (text += pieceText(piece)), 'never');
  return text;
}

function whole(db: Store, job: ClaimsJob): string {
  const report = new ReportBuilder({ db, config: job.config, asOf: job.asOf, filter: job.filter, openOnly: job.openOnly }).build('claims');
  return job.format === 'csv' ? reportToCsv(report) : reportToJson(report);
}

describe('the hand-worked practice', () => {
  let ws = '';
  beforeAll(async () => {
    ws = await practiceWorkspace();
  });

  it('streams the same bytes as the whole report, under every filter and format', async () => {
    const db = openStore(path.join(ws, 'practice-sync.db'));
    const practiceConfig = loadConfig(path.join(ws, 'practice-sync.json'));
    try {
      for (const filter of [{}, { payer: 'aetna' }, { patient: 'e' }, { clinician: 'nobody at all' }]) {
        for (const openOnly of [false, true]) {
          for (const format of ['csv', 'json'] as const) {
            const job = { asOf, config: practiceConfig, filter, openOnly, format };
            expect(await streamed(db, job), JSON.stringify({ filter, openOnly, format })).toBe(whole(db, job));
          }
        }
      }
    } finally {
      db.close();
    }
  });

  it('`report claims --format json --out` writes the rows and totals the table shows', async () => {
    const out = path.join(ws, 'claims.json');
    const result = await cli(['--workspace', ws, '--as-of', asOf, 'report', 'claims', '--format', 'json', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as { rows: Record<string, unknown>[]; totals: Record<string, number> };
    expect(result.stdout).toBe(`wrote claims report (${json.rows.length} rows) to ${out}\n`);
    expect(json.totals.claims).toBe(json.rows.length);
    const sum = (key: string) => Math.round(json.rows.reduce((acc, row) => acc + ((row[key] as number | null) ?? 0), 0) * 100) / 100;
    for (const key of ['billed', 'allowed', 'paid', 'patient_responsibility', 'outstanding']) expect(json.totals[key], key).toBe(sum(key));
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it('--out into a missing folder, or onto a folder, exits 2 naming the file, and writes nothing', async () => {
    const missing = path.join(ws, 'no-such-folder', 'claims.csv');
    for (const [args, file, reason] of [
      [['report', 'claims', '--format', 'csv'], missing, `the folder ${path.dirname(missing)} does not exist`],
      [['report', 'aging', '--format', 'json'], missing, `the folder ${path.dirname(missing)} does not exist`],
      [['report', 'claims', '--format', 'json'], ws, 'it is a folder'],
    ] as const) {
      const before = fs.readdirSync(ws).sort();
      const result = await cli(['--workspace', ws, '--as-of', asOf, ...args, '--out', file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cannot write ${file}: ${reason}`);
      expect(fs.readdirSync(ws).sort()).toEqual(before);
    }
  });

  it('--out through a symbolic link writes the file it points to; --out /dev/null stays a device', async () => {
    const target = path.join(ws, 'target.csv');
    const link = path.join(ws, 'link.csv');
    fs.writeFileSync(target, 'old');
    fs.symlinkSync(target, link);
    for (const name of ['claims', 'aging']) {
      const result = await cli(['--workspace', ws, '--as-of', asOf, 'report', name, '--format', 'csv', '--out', link]);
      expect(result.code, result.stderr).toBe(0);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(target, 'utf8').split('\n')[0]).toBe(name === 'claims' ? 'claim_id,patient_name,clinician_name,payer_name,service_date,submitted_date,status,billed,allowed,paid,patient_responsibility,outstanding,days_outstanding,group,bucket,filing_deadline' : 'payer_name,0-30,31-60,61-90,91-120,121+,total');
    }
    const result = await cli(['--workspace', ws, '--as-of', asOf, 'report', 'claims', '--format', 'json', '--out', '/dev/null']);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    fs.rmSync(link);
    fs.rmSync(target);
  });
});

/** A store of `count` claims with ids spread over several chunks, gaps, an empty chunk and text that needs quoting. */
function bigStore(count: number): { file: string; db: Store } {
  const file = path.join(tempWorkspace(), 'practice-sync.db');
  const db = openStore(file, { create: true });
  const names = ['Ada Quill', 'Bo "Beau" Lind', 'Cy, Jr. Marsh', '=Dee Formula', 'Émile Ñuñez', 'Fay\nTwo Lines', null];
  db.transaction(() => {
    db.prepare("INSERT INTO payers (id, name) VALUES (1, 'Aetna'), (2, 'Medicare Part B'), (3, 'Cigna, Inc.')").run();
    db.prepare("INSERT INTO clinicians (id, name) VALUES (1, 'Dr. Ivy Stone'), (2, '+Dr Plus')").run();
    const patient = db.prepare('INSERT INTO patients (id, name, patient_id, payer_ref) VALUES (?, ?, ?, ?)');
    for (let i = 1; i <= 200; i++) patient.run(i, names[i % names.length], `P${i}`, i % 4 === 0 ? null : 1 + (i % 3));
    const claim = db.prepare(`INSERT INTO claims (id, claim_id, patient_ref, clinician_ref, payer_ref, service_date, submitted_date, billed, allowed, paid,
      patient_responsibility, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const statuses = ['paid', 'submitted', 'pending', 'denied', 'rejected', 'draft', 'void', null];
    let id = 0;
    for (let i = 0; i < count; i++) {
      id += i % 9 === 0 ? 3 : 1;
      // Leave one whole chunk of ids empty.
      if (id > 2 * CHUNK_IDS && id <= 3 * CHUNK_IDS) id = 3 * CHUNK_IDS + 1;
      const day = 1 + (i % 28);
      claim.run(id, i % 1000 === 0 ? `=CLM,${i}"` : `CLM-${i}`, i % 500 === 0 ? null : 1 + (i % 200), i % 3 === 0 ? null : 1 + (i % 2), i % 5 === 0 ? 1 + (i % 3) : null,
        i % 700 === 0 ? null : `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        i % 4 === 0 ? null : `2025-12-${String(day).padStart(2, '0')}`, 1000 + (i % 5000), i % 2 ? 900 + (i % 4000) : null, i % 3 ? i % 800 : null, i % 7 ? null : 500, statuses[i % statuses.length]);
    }
  })();
  return { file, db };
}

describe('a store of many chunks', () => {
  let built: { streamClaimsReport: StreamModule['streamClaimsReport']; writeClaimsReportFile: StreamModule['writeClaimsReportFile']; StoreInputs: InputsModule['StoreInputs']; openStore: StoreModule['openStore'] };
  beforeAll(async () => {
    const stream = (await import(path.join(dist, 'report/stream-claims.js'))) as StreamModule;
    built = {
      streamClaimsReport: stream.streamClaimsReport,
      writeClaimsReportFile: stream.writeClaimsReportFile,
      StoreInputs: ((await import(path.join(dist, 'store/load-inputs.js'))) as InputsModule).StoreInputs,
      openStore: ((await import(path.join(dist, 'store/open-store.js'))) as StoreModule).openStore,
    };
  });

  it('reads every claim once, in id order, across chunk boundaries and gaps', () => {
    const { db } = bigStore(70_000);
    try {
      const ids = new StoreInputs(db).claims().map((c) => c.key);
      const expected = (db.prepare('SELECT id FROM claims ORDER BY id').pluck().all() as number[]);
      expect(expected.at(-1)!).toBeGreaterThan(5 * CHUNK_IDS);
      expect(ids).toEqual(expected);
    } finally {
      db.close();
    }
  });

  it('jumps over a gap of a trillion ids instead of reading it a chunk at a time', () => {
    const { db } = bigStore(100);
    try {
      db.prepare("INSERT INTO claims (id, claim_id, status, billed) VALUES (1000000000000, 'CLM-FAR', 'paid', 100)").run();
      // Chunk by chunk, the gap would be 61 million queries: the store below refuses more than 20.
      let queries = 0;
      const counted = {
        prepare(sql: string) {
          const statement = db.prepare(sql);
          const wrapped = {
            raw: () => (statement.raw(), wrapped),
            pluck: () => (statement.pluck(), wrapped),
            get: (...params: unknown[]) => {
              if (++queries > 20) throw new Error(`more than 20 queries to read ${sql}`);
              return statement.get(...params);
            },
          };
          return wrapped;
        },
      } as unknown as Store;
      const ids = [...jsonChunks(counted, 'claims', ['id']).texts].flatMap((texts) => parseChunk<[number[]]>(texts)[0]);
      expect(ids).toEqual(db.prepare('SELECT id FROM claims ORDER BY id').pluck().all());
      expect(ids.at(-1)).toBe(1_000_000_000_000);
    } finally {
      db.close();
    }
  });

  it('gives the same bytes with and without the worker thread, for CSV and JSON, filtered or not', async () => {
    const { file, db } = bigStore(70_000);
    const builtDb = built.openStore(file);
    try {
      for (const [filter, openOnly] of [[{}, false], [{ payer: 'cigna' }, true]] as const) {
        for (const format of ['csv', 'json'] as const) {
          const job = { asOf, config, filter, openOnly, format };
          for (const parallel of ['always', 'never'] as const) {
            let text = '';
            const { rows } = await built.streamClaimsReport(new built.StoreInputs(builtDb), job, (piece) => (text += pieceText(piece)), parallel);
            const expected = whole(db, job);
            expect(text === expected, `${JSON.stringify({ filter, openOnly, format, parallel })}: streamed text differs`).toBe(true);
            expect(rows).toBe(new ReportBuilder({ db, config, asOf, filter, openOnly }).build('claims').rows.length);
            // Into a file, the memory of each written chunk is filled again with a later one.
            const out = path.join(path.dirname(file), `claims.${format}`);
            await built.writeClaimsReportFile(new built.StoreInputs(builtDb), job, out, parallel);
            expect(fs.readFileSync(out, 'utf8') === expected, `${JSON.stringify({ filter, openOnly, format, parallel })}: file differs`).toBe(true);
          }
        }
      }
    } finally {
      builtDb.close();
      db.close();
    }
  });

  it('reads one state of the store even when an import commits while the report is being written', async () => {
    const { file, db } = bigStore(40_000);
    const job = { asOf, config, filter: {}, openOnly: false, format: 'csv' } as const;
    const before = whole(db, job);
    const writer = new Database(file);
    let text = '';
    let pieces = 0;
    try {
      await streamClaimsReport(new StoreInputs(db), job, (piece) => {
        text += pieceText(piece);
        // After the first chunk: another connection (an import) changes a claim of a later chunk and adds one.
        if (++pieces === 2) {
          writer.prepare('UPDATE claims SET billed = 123456 WHERE id = (SELECT max(id) FROM claims)').run();
          writer.prepare("INSERT INTO claims (claim_id, status, billed) VALUES ('CLM-LATE', 'submitted', 100)").run();
        }
      }, 'never');
      expect(pieces).toBeGreaterThan(2);
      expect(text).toBe(before);
      expect(whole(db, job)).not.toBe(before);
    } finally {
      writer.close();
      db.close();
    }
  });

  it('leaves no file and no temporary file when a chunk fails, in either thread', async () => {
    const { file, db } = bigStore(70_000);
    // Money must be integer cents: a fractional value stored by hand is an internal error when rendered.
    db.prepare('UPDATE claims SET billed = 12.5 WHERE id IN ((SELECT min(id) FROM claims), (SELECT max(id) FROM claims))').run();
    db.close();
    const builtDb = built.openStore(file);
    const dir = path.dirname(file);
    try {
      for (const parallel of ['always', 'never'] as const) {
        const out = path.join(dir, `claims-${parallel}.csv`);
        await expect(built.writeClaimsReportFile(new built.StoreInputs(builtDb), { asOf, config, filter: {}, openOnly: false, format: 'csv' }, out, parallel))
          .rejects.toThrow('money must be integer cents, got 12.5');
        expect(fs.readdirSync(dir).filter((name) => name.startsWith('claims-'))).toEqual([]);
      }
    } finally {
      builtDb.close();
    }
  });
});
