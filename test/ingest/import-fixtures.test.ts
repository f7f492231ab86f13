// Every bundled fixture imports by auto-detection; importing it again, or the same rows rewritten with BOM, CRLF,
// Windows-1252, UTF-16, columns in another order and trailing spaces, changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { demoFiles } from '../../src/demo/demo-files.js';
import { orderByEntity } from '../../src/ingest/import-order.js';
import { loadMappings } from '../../src/mapping/load-mappings.js';
import { scoreMappings } from '../../src/mapping/detect.js';
import { readHeadLines } from '../../src/ingest/source-file.js';
import { cli, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const files = orderByEntity(demoFiles(), loadMappings());

/** The same records, rewritten: first column moved last (repeated headers keep their order), cells padded, CRLF. */
function rewrite(file: string): { text: string; latin1Safe: boolean } {
  const lines = readHeadLines(file, 'utf-8', 5);
  const fit = scoreMappings(lines, loadMappings()).find((c) => c.fits)!;
  const skip = fit.loaded.mapping.read?.skip_lines ?? 0;
  const raw = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const all = raw.split(/\r?\n/);
  const preamble = all.slice(0, skip);
  const delimiter = fit.reading.delimiter;
  const records = parse(all.slice(skip).join('\n'), { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const quote = (cell: string) => (/[",\t;\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  // A skip rule without a column tests the first column, so such files keep their column order.
  const rules = fit.loaded.mapping.read?.skip_rows_where;
  const pinned = [rules ?? []].flat().some((rule) => rule.column === undefined);
  const body = records.map((cells, i) => {
    const moved = cells.length > 1 && !pinned ? [...cells.slice(1), cells[0]] : cells;
    return moved.map((c) => quote(i === 0 || c === '' ? c : `${c}  `)).join(delimiter);
  });
  const text = [...preamble, ...body].join('\r\n') + '\r\n';
  return { text, latin1Safe: [...text].every((ch) => ch.charCodeAt(0) < 0x80 || (ch.charCodeAt(0) >= 0xa0 && ch.charCodeAt(0) <= 0xff)) };
}

describe('bundled fixtures', () => {
  it('there are fixtures for the demo', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it('each imports by detection, a second time is skipped, and rewritten copies change nothing', async () => {
    const ws = tempWorkspace();
    const scratch = tempDir();
    for (const file of files) {
      const first = await cli(['--workspace', ws, '--format', 'json', 'import', file]);
      expect(first.code, `${path.relative(process.cwd(), file)}: ${first.stderr}${first.stdout}`).toBe(0);
      const summary = JSON.parse(first.stdout);
      expect(summary.rejected, file).toBe(0);
      expect(summary.rows, file).toBeGreaterThan(0);
    }
    for (const file of files) {
      const again = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', file])).stdout);
      expect(again.status, file).toBe('skipped');

      const { text, latin1Safe } = rewrite(file);
      const variants: [string, Buffer][] = [[`bom-crlf-${path.basename(file)}`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])]];
      if (latin1Safe && /[\u00a0-\u00ff]/.test(text)) variants.push([`cp1252-${path.basename(file)}`, Buffer.from(text, 'latin1')]);
      // Excel's "Unicode Text" and some exports: UTF-16 with a byte-order mark.
      variants.push([`utf16le-${path.basename(file)}`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])]);
      variants.push([`utf16be-${path.basename(file)}`, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])]);
      for (const [name, bytes] of variants) {
        const copy = writeFile(scratch, name, bytes);
        const result = await cli(['--workspace', ws, '--format', 'json', 'import', copy]);
        expect(result.code, `${name}: ${result.stderr}`).toBe(0);
        const s = JSON.parse(result.stdout);
        expect({ file: name, created: s.created, updated: s.updated, rejected: s.rejected }).toEqual({ file: name, created: 0, updated: 0, rejected: 0 });
      }
    }
  });
});
