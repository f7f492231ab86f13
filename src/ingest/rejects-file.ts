// The rejects CSV of a run (SPEC §2): one row per rejected row with line, column, value and the reason.
import fs from 'node:fs';
import path from 'node:path';
import { createCsvWriter, type CsvWriter } from '../export/safe-csv.js';
import { FILE_MODE } from '../workspace/private-fs.js';

export interface Reject {
  line: number;
  column: string;
  value: string;
  reason: string;
}

const COLUMNS = [
  { key: 'file', kind: 'text' },
  { key: 'line', kind: 'integer' },
  { key: 'column', kind: 'text' },
  { key: 'value', kind: 'text' },
  { key: 'reason', kind: 'text' },
] as const;

/** Opens the file lazily, on the first reject, so clean runs leave no empty rejects file. */
export class RejectsFile {
  private fd: number | null = null;
  private writer: CsvWriter | null = null;
  readonly path: string;

  constructor(dir: string, runId: number, sourceFile: string) {
    this.path = path.join(dir, `run-${runId}-${path.basename(sourceFile).replace(/[^\w.-]+/g, '_')}.rejects.csv`);
  }

  add(fileName: string, reject: Reject): void {
    if (!this.writer) {
      fs.mkdirSync(path.dirname(this.path), { recursive: true });
      this.fd = fs.openSync(this.path, 'w', FILE_MODE);
      const fd = this.fd;
      this.writer = createCsvWriter(COLUMNS, (line) => fs.writeSync(fd, line), { lineEnding: '\n' });
    }
    this.writer.write({ file: fileName, ...reject });
  }

  close(): string | null {
    if (this.fd === null) return null;
    fs.closeSync(this.fd);
    this.fd = null;
    return this.path;
  }
}
