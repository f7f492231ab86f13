// One import in a fresh process, reporting rows/s and this process's peak RSS (the benchmark's unit of measure).
import { importFile } from '../src/ingest/import-file.js';
import { loadMappings } from '../src/mapping/load-mappings.js';
import { openStore } from '../src/store/open-store.js';
import { workspacePaths } from '../src/workspace/layout.js';
import path from 'node:path';

const [workspace, file] = process.argv.slice(2);
const paths = workspacePaths(workspace);
const db = openStore(paths.store);
const started = process.hrtime.bigint();
const report = await importFile({
  db, file, mappings: loadMappings(paths.mappings), rejectsDir: paths.rejects, attemptsFile: path.join(paths.logs, 'attempts.jsonl'), now: () => new Date(),
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
db.close();
const memory = process.memoryUsage();
process.stdout.write(JSON.stringify({ heapMb: Math.round(memory.heapTotal / 1048576), externalMb: Math.round(memory.external / 1048576), rssNowMb: Math.round(memory.rss / 1048576), rows: report.rows, created: report.created, unchanged: report.unchanged, rejected: report.rejected, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
