// Every report over a benchmark store of 1,000,000 claims plus 50,000 patients, 200,000 appointments, 20,000
// authorizations and 10,000 balances, each in a fresh process as `report NAME --format csv --out FILE` runs it
// (bench/report-child.ts). Each report runs BENCH_REPEAT times (3): on a shared 2-core machine one run of the same
// report varies by 15-20%, so the median is the figure, with the fastest and slowest beside it. Before the reports,
// one `alerts` run (timed) makes the store remember its alerts, as a practice's store does.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { workspacePaths } from '../src/workspace/layout.js';
import { BENCH_AS_OF_DATE, writeAppointments, writeAuthorizations, writeBalances, writePatients } from './generate.js';

interface ReportTiming {
  name: string;
  format: string;
  rows: number;
  bytes: number;
  computedMs: number | null;
  writtenMs: number;
  maxRssMb: number;
}

/**
 * Imports patients, authorizations, appointments and balances into `workspace` (which holds the claims), then times each
 * report. `targeted`: whether the 2 s target applies to this store, the practice-shaped one; the stress store's figures
 * are a worst case, printed without a verdict (docs/decisions.md, "The benchmark has two stores").
 */
export function benchReports(workspace: string, root: string, label: string, targeted: boolean): void {
  const dataDir = path.join(root, 'bench', 'data');
  const files: [string, (file: string) => void][] = [
    ['patients-50k.csv', (file) => writePatients(file)],
    ['authorizations-20k.csv', (file) => writeAuthorizations(file)],
    ['appointments-200k.csv', (file) => writeAppointments(file)],
    ['balances-10k.csv', (file) => writeBalances(file)],
  ];
  const child = path.join(root, 'dist', 'bench', 'import-child.js');
  for (const [name, write] of files) {
    const file = path.join(dataDir, `v2-${name}`);
    if (!fs.existsSync(file)) write(file);
    execFileSync(process.execPath, [child, workspace, file], { encoding: 'utf8' });
  }

  const db = openStore(workspacePaths(workspace).store);
  const counts = db.prepare("SELECT (SELECT COUNT(*) FROM claims) AS claims, (SELECT COUNT(*) FROM claims WHERE status IN ('submitted', 'pending', 'denied', 'rejected')) AS unresolved, (SELECT COUNT(*) FROM appointments) AS appointments, (SELECT COUNT(*) FROM authorizations) AS authorizations").get() as Record<string, number>;
  db.close();
  const n = (value: number) => value.toLocaleString('en-US');
  console.log(`\n${label}: reports over ${n(counts.claims)} claims (${n(counts.unresolved)} unresolved), ${n(counts.appointments)} appointments, ${n(counts.authorizations)} authorizations`);
  // A practice runs `alerts` every week, so its store remembers the alerts it has shown, and the alerts report reads
  // that memory too: remember them once before timing the reports.
  const remembered = path.join(path.dirname(workspace), `ps-bench-alerts-${process.pid}.csv`);
  const started = process.hrtime.bigint();
  const alerts = spawnSync(process.execPath, [path.join(root, 'bin', 'practice-sync'), '--workspace', workspace, '--as-of', BENCH_AS_OF_DATE, '--quiet', 'alerts', '--format', 'csv', '--out', remembered], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.rmSync(remembered, { force: true });
  // Without it the alerts report would be timed reading no memory: no figure rather than a flattering one.
  if (alerts.status !== 0) throw new Error(`the alerts command failed (exit ${alerts.status}): ${alerts.stderr}`);
  console.log(`  the alerts command, which remembers every alert, process start incl.: ${seconds.toFixed(2)} s`);
  console.log(`  each in a fresh process: read the store, compute, write the file (${targeted ? 'target: ≤ 2 s each' : 'a worst case: no target'})`);
  const reportChild = path.join(root, 'dist', 'bench', 'report-child.js');
  const runs: [string, string][] = [['sessions', 'csv'], ['claims', 'csv'], ['claims', 'json'], ['aging', 'csv'], ['balances', 'csv'], ['unbilled', 'csv'], ['alerts', 'csv']];
  const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
  console.log(`  median of ${repeat} runs (fastest–slowest)`);
  for (const [name, format] of runs) {
    const timings = Array.from({ length: repeat }, () =>
      JSON.parse(execFileSync(process.execPath, [reportChild, workspace, name, format], { encoding: 'utf8', maxBuffer: 1 << 20 })) as ReportTiming);
    const r = timings.sort((a, b) => a.writtenMs - b.writtenMs)[Math.floor((repeat - 1) / 2)];
    const spread = `${(timings[0].writtenMs / 1000).toFixed(2)}–${(timings[repeat - 1].writtenMs / 1000).toFixed(2)} s`;
    const computed = r.computedMs === null ? 'streamed' : `computed ${r.computedMs.toFixed(0).padStart(5)} ms`;
    const flag = !targeted ? '' : r.writtenMs <= 2000 ? 'ok' : 'OVER 2 s';
    console.log(`  report ${`${name} --format ${format}`.padEnd(24)} ${r.writtenMs.toFixed(0).padStart(6)} ms  (${spread}; ${computed})  ${n(r.rows).padStart(9)} rows  ` +
      `${(r.bytes / 1e6).toFixed(1).padStart(6)} MB  peak RSS ${r.maxRssMb.toFixed(0)} MB  ${flag}`.trimEnd());
  }
}
