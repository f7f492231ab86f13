// Dependency order for several files (SPEC: patients, authorizations, appointments, claims, payments, balances),
// judged by the mapping each file's header fits; files no mapping fits go last, where their import explains why.
// Files of one kind go oldest first.
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_ORDER } from '../domain/entities.js';
import { scoreMappings } from '../mapping/detect.js';
import type { LoadedMapping } from '../mapping/load-mappings.js';
import { headEncoding, readHeadLines } from './source-file.js';

/**
 * Each file's header is read in the encoding its first bytes are in (UTF-16 by its byte-order mark, UTF-8, else
 * Windows-1252), so a file is ranked by the mapping its import will detect, without reading the whole file again.
 */
export function orderByEntity(files: string[], mappings: LoadedMapping[]): string[] {
  const rank = (file: string): number => {
    const fit = bestFit(file, mappings);
    return fit ? IMPORT_ORDER.indexOf(fit.mapping.entity) : IMPORT_ORDER.length;
  };
  const ranked = files.map((file) => ({ file, rank: rank(file), saved: savedAt(file) }));
  return ranked
    .sort((a, b) => a.rank - b.rank || a.saved - b.saved || path.basename(a.file).localeCompare(path.basename(b.file)))
    .map((r) => r.file);
}

/** The mapping the file's header fits best, as detection would choose it; null when none fits or it cannot be read. */
export function bestFit(file: string, mappings: LoadedMapping[]): LoadedMapping | null {
  try {
    const fits = scoreMappings(readHeadLines(file, headEncoding(file), 20), mappings).filter((c) => c.fits).sort((a, b) => b.used - a.used);
    return fits.length ? fits[0].loaded : null;
  } catch {
    return null;
  }
}

/**
 * When the file was last written: two exports of one kind go in the order they were saved, the older first, so the
 * newer one's values are the ones kept. By name, a browser's second download of `claims.csv`, `claims (1).csv`, went
 * first, and the older export then overwrote what it said (a paid claim back to pending). A file that cannot be
 * looked at ranks first among its kind; its import then says why.
 */
function savedAt(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
