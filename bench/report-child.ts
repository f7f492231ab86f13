// One report in a fresh process, as `report NAME --format FORMAT --out FILE` makes it: read the store, compute, write
// the file. Prints the time to the computed report, the time to the written file, the rows and the peak RSS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReportBuilder, type ReportName } from '../src/report/build-reports.js';
import { writeReportFile, type StreamFormat } from '../src/report/render-report.js';
import { loadAlertMemory } from '../src/store/alert-state.js';
import { openStore } from '../src/store/open-store.js';
import { loadConfig } from '../src/workspace/load-config.js';
import { workspacePaths } from '../src/workspace/layout.js';
import { BENCH_AS_OF_DATE } from './generate.js';


const [workspace, name, format = 'csv'] = process.argv.slice(2) as [string, Exclude<ReportName, 'runs'>, StreamFormat];
const started = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
const paths = workspacePaths(workspace);
const db = openStore(paths.store);
const builder = new ReportBuilder({ db, config: loadConfig(paths.config), asOf: BENCH_AS_OF_DATE });
const file = path.join(os.tmpdir(), `ps-bench-report-${process.pid}.${format}`);
let rows: number;
let computedMs: number | null = null;
if (name === 'claims') {
  // Streamed: computing and writing are one pass, so there is no separate compute time.
  rows = (await builder.writeClaims(format, file)).rows;
} else {
  const report = name === 'alerts' ? builder.alerts(loadAlertMemory(db)) : builder.build(name);
  computedMs = elapsed();
  rows = report.rows.length;
  writeReportFile(file, report, format);
}
const writtenMs = elapsed();
const bytes = fs.statSync(file).size;
fs.rmSync(file);
db.close();
process.stdout.write(JSON.stringify({ name, format, rows, bytes, computedMs, writtenMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
