// Dependency order for several files (SPEC: patients, authorizations, appointments, claims, payments, balances),
// judged by the mapping each file's header fits; files no mapping fits go last, where their import explains why.
import path from 'node:path';
import { IMPORT_ORDER } from '../domain/entities.js';
import { scoreMappings } from '../mapping/detect.js';
import type { LoadedMapping } from '../mapping/load-mappings.js';
import { readHeadLines } from './source-file.js';

export function orderByEntity(files: string[], mappings: LoadedMapping[]): string[] {
  const rank = (file: string): number => {
    try {
      const fits = scoreMappings(readHeadLines(file, 'utf-8', 20), mappings).filter((c) => c.fits).sort((a, b) => b.used - a.used);
      return fits.length ? IMPORT_ORDER.indexOf(fits[0].loaded.mapping.entity) : IMPORT_ORDER.length;
    } catch {
      return IMPORT_ORDER.length;
    }
  };
  const ranked = files.map((file) => ({ file, rank: rank(file) }));
  return ranked.sort((a, b) => a.rank - b.rank || path.basename(a.file).localeCompare(path.basename(b.file))).map((r) => r.file);
}
