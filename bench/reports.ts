// Every report over the benchmark store (1,000,000 claims) plus 200,000 appointments and 20,000 authorizations:
// load from SQLite and compute, timed in one process as `report NAME` would do it.
import fs from 'node:fs';
import path from 'node:path';
import { ReportBuilder } from '../src/report/build-reports.js';
import { loadAlertMemory } from '../src/store/alert-state.js';
import { openStore } from '../src/store/open-store.js';
import { loadConfig } from '../src/workspace/load-config.js';
import { workspacePaths } from '../src/workspace/layout.js';
import { writeAppointments, writeAuthorizations } from './generate.js';
import { execFileSync } from 'node:child_process';

export async function benchReports(workspace: string, root: string): Promise<void> {
  const dataDir = path.join(root, 'bench', 'data');
  const appointments = path.join(dataDir, 'appointments-200k.csv');
  const authorizations = path.join(dataDir, 'authorizations-20k.csv');
  if (!fs.existsSync(appointments)) writeAppointments(appointments, 200_000, 20_000);
  if (!fs.existsSync(authorizations)) writeAuthorizations(authorizations, 20_000);
  const child = path.join(root, 'dist', 'bench', 'import-child.js');
  for (const file of [authorizations, appointments]) execFileSync(process.execPath, [child, workspace, file], { encoding: 'utf8' });

  const paths = workspacePaths(workspace);
  const db = openStore(paths.store);
  const config = loadConfig(paths.config);
  const asOf = '2026-11-23';
  const counts = db.prepare('SELECT (SELECT COUNT(*) FROM claims) AS claims, (SELECT COUNT(*) FROM appointments) AS appointments, (SELECT COUNT(*) FROM authorizations) AS authorizations').get() as Record<string, number>;
  console.log(`reports over ${counts.claims.toLocaleString('en-US')} claims, ${counts.appointments.toLocaleString('en-US')} appointments, ${counts.authorizations.toLocaleString('en-US')} authorizations (load + compute, fresh builder each):`);
  for (const name of ['sessions', 'claims', 'aging', 'balances', 'unbilled', 'alerts'] as const) {
    const t = process.hrtime.bigint();
    const builder = new ReportBuilder({ db, config, asOf });
    const report = name === 'alerts' ? builder.alerts(loadAlertMemory(db)) : builder.build(name);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(`  report ${name.padEnd(9)} ${ms.toFixed(0).padStart(6)} ms  ${report.rows.length.toLocaleString('en-US').padStart(9)} rows`);
  }
  db.close();
}
