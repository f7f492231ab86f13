// Record a batch and write its files as one step: the ledger row commits only once every file is on disk,
// so a failed write never leaves payments marked as exported.
import fs from 'node:fs';
import path from 'node:path';
import { recordBatch, type BatchFile, type BatchKind, type LedgerItem } from '../store/export-ledger.js';
import type { Store } from '../store/open-store.js';
import { ensurePrivateDir, writePrivateFileAtomic } from '../workspace/private-fs.js';

export interface WrittenBatch {
  batch: number;
  paths: string[];
}

export function writeBatch(db: Store, dir: string, batch: { kind: BatchKind; format: string; createdAt: string; rows: number; items: LedgerItem[]; files: (id: number) => BatchFile[] }): WrittenBatch {
  ensurePrivateDir(dir);
  const written: string[] = [];
  try {
    const id = db.transaction(() => {
      const placeholder = recordBatch(db, { ...batch, files: [] });
      const files = batch.files(placeholder);
      db.prepare('UPDATE export_batches SET files = ? WHERE id = ?').run(JSON.stringify(files), placeholder);
      for (const file of files) {
        const target = path.join(dir, file.name);
        writePrivateFileAtomic(target, file.text);
        written.push(target);
      }
      return placeholder;
    })();
    return { batch: id, paths: written };
  } catch (error) {
    for (const file of written) fs.rmSync(file, { force: true });
    throw error;
  }
}

/** `--reissue N`: the batch's files again, byte for byte. */
export function rewriteFiles(dir: string, files: BatchFile[]): string[] {
  ensurePrivateDir(dir);
  return files.map((file) => {
    const target = path.join(dir, file.name);
    writePrivateFileAtomic(target, file.text);
    return target;
  });
}
