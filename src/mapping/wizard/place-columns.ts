// Place each header column on a canonical field of one entity: aging buckets and repeated headers first, then
// synonyms weighed by the values' shape, strongest first, each field once; then columns only their values explain.
import { ENTITY_FIELDS, type EntityName } from '../../domain/entities.js';
import { agingBucket, isCurrentBucket } from './aging-bucket.js';
import { matchHeader } from './header-match.js';
import { FIT, shapeFit } from './shape-fit.js';
import { shapeOnlyPlacements } from './shape-only.js';
import { sectionedField } from './synonyms.js';
import type { ColumnShape } from './value-shapes.js';

export interface Placement {
  field: string;
  /** Header columns read: one, several added up (`sum`), or several joined into a key (`template`). */
  indexes: number[];
  combine?: 'sum' | 'template';
  score: number;
  reason: string;
}

interface Candidate {
  index: number;
  field: string;
  score: number;
  reason: string;
  multi: boolean;
}

const MIN_SCORE = 0.5;

/** The Nth time this header name appears (1-based), the way `occurrence` counts it. */
export function occurrenceOf(header: string[], index: number): number {
  const name = header[index].trim().toLowerCase();
  return header.slice(0, index + 1).filter((h) => h.trim().toLowerCase() === name).length;
}

function candidates(entity: EntityName, header: string[], shapes: ColumnShape[]): Candidate[] {
  const out: Candidate[] = [];
  const hasCurrent = header.some(isCurrentBucket);
  header.forEach((name, index) => {
    if (name.trim() === '') return;
    const shape = shapes[index];
    if (entity === 'balances') {
      const bucket = agingBucket(name, hasCurrent);
      if (bucket && shapeFit(entity, bucket, shape) >= FIT.ok) {
        out.push({ index, field: bucket, score: 0.97, reason: 'aging bucket header', multi: true });
        return;
      }
    }
    const occurrence = occurrenceOf(header, index);
    const total = header.filter((h) => h.trim().toLowerCase() === name.trim().toLowerCase()).length;
    const sectioned = sectionedField(entity, header, index, occurrence, total);
    if (sectioned && 0.96 * shapeFit(entity, sectioned, shape) >= MIN_SCORE) {
      const why = sectioned.startsWith('client') ? "in the client's section" : "in the insurance's section";
      const reason = `${total > 1 ? `repeated header (#${occurrence}) ` : ''}${why}`;
      out.push({ index, field: sectioned, score: 0.96 * shapeFit(entity, sectioned, shape), reason, multi: false });
      return;
    }
    for (const match of matchHeader(entity, name)) {
      const fit = shapeFit(entity, match.field, shape);
      const score = match.score * fit;
      if (score < MIN_SCORE) continue;
      const how = match.exact ? 'header synonym' : 'header contains a synonym';
      out.push({ index, field: match.field, score, reason: fit === FIT.good && shape.filled > 0 ? `${how}; ${valuesPhrase(match.field, entity, shape)}` : how, multi: false });
    }
  });
  return out.sort((a, b) => b.score - a.score || a.index - b.index);
}

function valuesPhrase(field: string, entity: EntityName, shape: ColumnShape): string {
  const kind = ENTITY_FIELDS[entity][field].kind;
  if (shape.date) return shape.date.hasTime ? 'values look like dates with times' : 'values look like dates';
  if (kind === 'money') return 'values look like amounts';
  if (kind === 'integer' || kind === 'number') return 'values look like counts';
  if (kind === 'enum') return 'values look like statuses';
  if (field.startsWith('payer_') && shape.payerWithId) return 'values look like "Payer (ID)"';
  if (shape.idPrefixedName) return 'values look like "ID - Name"';
  if (kind === 'name' && shape.nameLike) return 'values look like names';
  if (field === 'email' || field === 'phone') return `values look like ${field === 'email' ? 'e-mail addresses' : 'phone numbers'}`;
  if (field.startsWith('cpt_code')) return 'values look like CPT codes';
  if (shape.idLike || shape.integer) return 'values look like IDs';
  return 'values fit';
}

/** Placements for one entity, before derived fields (see derive-fields.ts). */
export function placeColumns(entity: EntityName, header: string[], shapes: ColumnShape[]): Placement[] {
  const usedColumns = new Set<number>();
  const byField = new Map<string, Placement>();
  for (const c of candidates(entity, header, shapes)) {
    if (usedColumns.has(c.index)) continue;
    const existing = byField.get(c.field);
    if (existing && !c.multi) continue;
    usedColumns.add(c.index);
    if (existing) {
      existing.indexes.push(c.index);
      existing.combine = 'sum';
      existing.reason = 'aging bucket headers, added up';
    } else {
      byField.set(c.field, { field: c.field, indexes: [c.index], score: c.score, reason: c.reason });
    }
  }
  const placed = [...byField.values()];
  for (const extra of shapeOnlyPlacements(entity, header, shapes, usedColumns, new Set(byField.keys()))) placed.push(extra);
  return placed.sort((a, b) => a.indexes[0] - b.indexes[0]);
}
