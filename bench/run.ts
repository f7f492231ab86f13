// `npm run bench`: import throughput and memory on 1,000,000 generic claims, a re-import of the same rows, a 500-row
// import including process start, and every report over the big store, then over a stress store where most of the
// million claims are unresolved (bench/generate.ts). Prints the figures; asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace } from '../src/workspace/init-workspace.js';
import { writeClaims, type ClaimProfile } from './generate.js';
import { benchReports } from './reports.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const dataDir = path.join(root, 'bench', 'data');
fs.mkdirSync(dataDir, { recursive: true });
function claimsFile(profile: ClaimProfile): string {
  const file = path.join(dataDir, `v2-claims-${profile}-${rows}.csv`);
  if (!fs.existsSync(file)) {
    const t = Date.now();
    const bytes = writeClaims(file, rows, 50_000, 1, profile);
    console.log(`generated ${file} (${(bytes / 1e6).toFixed(0)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return file;
}
const big = claimsFile('realistic');
const again = path.join(dataDir, `v2-claims-realistic-${rows}-again.csv`);
fs.writeFileSync(again, fs.readFileSync(big, 'utf8') + '\n');
const small = path.join(dataDir, 'claims-500.csv');
writeClaims(small, 500, 200, 7);

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-bench-'));
initWorkspace(ws);
const child = path.join(root, 'dist', 'bench', 'import-child.js');

function importOnce(label: string, file: string, workspace = ws): void {
  const out = execFileSync(process.execPath, [child, workspace, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out) as { rows: number; created: number; unchanged: number; rejected: number; seconds: number; maxRssMb: number };
  console.log(`${label.padEnd(34)} ${r.rows.toLocaleString('en-US').padStart(9)} rows  ${r.seconds.toFixed(2).padStart(6)} s  ` +
    `${Math.round(r.rows / r.seconds).toLocaleString('en-US').padStart(8)} rows/s  peak RSS ${r.maxRssMb.toFixed(0)} MB  (created ${r.created}, unchanged ${r.unchanged}, rejected ${r.rejected})`);
}

console.log(`practice-sync bench on ${os.cpus().length} cores, node ${process.version}`);
importOnce('first import (all new)', big);
importOnce('second import (all unchanged)', again);

const smallWs = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-bench-small-'));
initWorkspace(smallWs);
const t0 = process.hrtime.bigint();
const result = spawnSync(process.execPath, [path.join(root, 'bin', 'practice-sync'), '--workspace', smallWs, '--quiet', 'import', small], { encoding: 'utf8' });
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${'500-row import, process start incl.'.padEnd(34)} ${wall.toFixed(3)} s wall (exit ${result.status})`);

benchReports(ws, root, 'realistic store', true);

const stressWs = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-bench-stress-'));
initWorkspace(stressWs);
console.log('');
importOnce('stress claims, first import', claimsFile('stress'), stressWs);
benchReports(stressWs, root, 'stress store', false);

if (!process.env.BENCH_KEEP) for (const dir of [ws, smallWs, stressWs]) fs.rmSync(dir, { recursive: true, force: true });
