// Dependency order for several files (SPEC: patients, authorizations, appointments, claims, payments, balances),
// judged by the mapping each file's header fits; files no mapping fits go last, where their import explains why.
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
    try {
      const fits = scoreMappings(readHeadLines(file, headEncoding(file), 20), mappings).filter((c) => c.fits).sort((a, b) => b.used - a.used);
      return fits.length ? IMPORT_ORDER.indexOf(fits[0].loaded.mapping.entity) : IMPORT_ORDER.length;
    } catch {
      return IMPORT_ORDER.length;
    }
  };
  const ranked = files.map((file) => ({ file, rank: rank(file) }));
  return ranked.sort((a, b) => a.rank - b.rank || path.basename(a.file).localeCompare(path.basename(b.file))).map((r) => r.file);
}
