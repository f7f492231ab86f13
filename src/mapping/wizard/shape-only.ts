// Columns whose header names nothing known, placed by their values alone, and only when that is unambiguous:
// one column of e-mail addresses, of "Payer (ID)" cells, of CPT codes, of status words, of dates for the one date field.
import { ENTITY_FIELDS, type EntityName } from '../../domain/entities.js';
import type { Placement } from './place-columns.js';
import { proposalShare } from './shape-fit.js';
import { hasVocabulary } from './status-words.js';
import type { ColumnShape } from './value-shapes.js';

/** The date each entity's rows are about, when it has exactly one such field. */
const MAIN_DATE: Partial<Record<EntityName, string>> = { appointments: 'service_date', claims: 'service_date', payments: 'payment_date' };

interface Rule {
  field: (entity: EntityName) => string | undefined;
  test: (shape: ColumnShape, entity: EntityName) => boolean;
  reason: string;
}

const vocabularyField = (entity: EntityName) => ['status', 'type'].find((f) => hasVocabulary(entity, f));

const RULES: Rule[] = [
  { field: () => 'email', test: (s) => s.email, reason: 'values look like e-mail addresses' },
  { field: () => 'phone', test: (s) => s.phone, reason: 'values look like phone numbers' },
  { field: () => 'payer_name', test: (s) => s.payerWithId, reason: 'values look like "Payer (ID)"' },
  { field: () => 'patient_name', test: (s) => s.idPrefixedName, reason: 'values look like "ID - Name"' },
  { field: (e) => (e === 'authorizations' ? 'cpt_codes' : 'cpt_code'), test: (s) => s.codes === 'single' || s.codes === 'list', reason: 'values look like CPT codes' },
  { field: vocabularyField, test: (s, e) => s.enumLike && proposalShare(e, vocabularyField(e)!, s) >= 0.5, reason: 'values look like statuses' },
  { field: (e) => MAIN_DATE[e], test: (s) => s.date !== null, reason: 'values look like dates' },
];

export function shapeOnlyPlacements(
  entity: EntityName, header: string[], shapes: ColumnShape[], usedColumns: Set<number>, usedFields: Set<string>,
): Placement[] {
  const out: Placement[] = [];
  for (const rule of RULES) {
    const field = rule.field(entity);
    if (!field || !(field in ENTITY_FIELDS[entity]) || usedFields.has(field)) continue;
    const fits = header.flatMap((name, i) => (name.trim() !== '' && !usedColumns.has(i) && shapes[i].filled > 0 && rule.test(shapes[i], entity) ? [i] : []));
    if (fits.length !== 1) continue;
    usedColumns.add(fits[0]);
    usedFields.add(field);
    out.push({ field, indexes: [fits[0]], score: 0.5, reason: `${rule.reason} (header not recognised)` });
  }
  return out;
}
