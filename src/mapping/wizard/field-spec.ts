// One placement as a mapping field: which column(s), the cell type and date formats, the pattern that extracts
// part of a cell, and for enum fields the proposed translation of every value seen.
import { ENTITY_FIELDS, type EntityName } from '../../domain/entities.js';
import type { FieldSpec } from '../schema.js';
import { occurrenceOf, type Placement } from './place-columns.js';
import { proposeCanonical } from './status-words.js';
import type { ColumnShape } from './value-shapes.js';

/** The same patterns the built-in mappings use, so a drafted mapping reads cells exactly as they do. */
export const PATTERNS = {
  payerName: '^\\s*(.*?)(?:\\s*\\([^()]*\\))?\\s*$',
  payerId: '\\(\\s*([^()]*?)\\s*\\)\\s*$',
  prefixedName: '^(?:\\d+ - )?(.+)$',
  prefixedId: '^(?:(\\d+) - )?',
  embeddedCode: '^(?:.*?\\b(\\d{4}[0-9A-Z]|D\\d{4})\\b)?',
  leadingNumber: '^(\\d+)',
} as const;

const DEFAULT_DATE_FORMATS = ['MM/dd/yyyy', 'yyyy-MM-dd'];

/** Vocabularies with a catch-all value: a payment type the wizard cannot place is "other", its words kept in `method`. */
export const CATCH_ALL: Record<string, string> = { 'payments.type': 'other' };

export interface EnumProposal {
  value: string;
  proposed: string | null;
}

export interface DraftedField {
  spec: FieldSpec;
  type?: string;
  enumValues?: EnumProposal[];
}

function columnSpec(placement: Placement, header: string[]): FieldSpec {
  const names = placement.indexes.map((i) => header[i]);
  if (placement.combine === 'template') return { template: names.map((n) => `{${n}}`).join('|') };
  if (placement.combine === 'sum') return { column: names, sum: true };
  const index = placement.indexes[0];
  const repeats = header.filter((h) => h.trim().toLowerCase() === header[index].trim().toLowerCase()).length > 1;
  return repeats ? { column: names[0], occurrence: occurrenceOf(header, index) } : { column: names[0] };
}

function pattern(field: string, shape: ColumnShape): { pattern: string; group: number } | undefined {
  if (field === 'payer_name' && shape.payerWithId) return { pattern: PATTERNS.payerName, group: 1 };
  if (field === 'payer_id' && shape.payerWithId) return { pattern: PATTERNS.payerId, group: 1 };
  if (field === 'patient_name' && shape.idPrefixedName) return { pattern: PATTERNS.prefixedName, group: 1 };
  if ((field === 'patient_id' || field === 'account_id') && shape.idPrefixedName) return { pattern: PATTERNS.prefixedId, group: 1 };
  if ((field === 'cpt_code' || field === 'cpt_codes') && shape.codes === 'embedded') return { pattern: PATTERNS.embeddedCode, group: 1 };
  return undefined;
}

export function draftField(entity: EntityName, placement: Placement, header: string[], shapes: ColumnShape[]): DraftedField {
  const spec = columnSpec(placement, header);
  if (placement.combine === 'template') return { spec };
  const shape = shapes[placement.indexes[0]];
  const kind = ENTITY_FIELDS[entity][placement.field].kind;
  Object.assign(spec, pattern(placement.field, shape));
  switch (kind) {
    case 'date':
    case 'datetime': {
      const type = shape.date?.hasTime ? 'datetime' : 'date';
      return { spec: { ...spec, type, formats: shape.date?.formats ?? DEFAULT_DATE_FORMATS }, type };
    }
    case 'time': {
      if (shape.time) return { spec: { ...spec, type: 'time', formats: shape.time }, type: 'time' };
      return { spec: { ...spec, type: 'datetime', formats: shape.date?.formats ?? DEFAULT_DATE_FORMATS }, type: 'datetime' };
    }
    case 'integer':
      if (shape.leadingNumber) Object.assign(spec, { pattern: PATTERNS.leadingNumber, group: 1 });
      return { spec: { ...spec, type: 'integer' }, type: 'integer' };
    case 'money':
    case 'number':
    case 'name':
      return { spec: { ...spec, type: kind }, type: kind };
    case 'list':
      return { spec: { ...spec, type: 'list', split: ',' }, type: 'list' };
    case 'enum': {
      const enumValues = shape.distinct.slice(0, 50).map((value) => ({ value, proposed: proposeCanonical(entity, placement.field, value) }));
      const map = Object.fromEntries(enumValues.filter((v) => v.proposed !== null).map((v) => [v.value, v.proposed!]));
      const fallback = CATCH_ALL[`${entity}.${placement.field}`];
      const unknown = enumValues.some((v) => v.proposed === null);
      return {
        spec: { ...spec, type: 'enum', ...(Object.keys(map).length ? { map } : {}), ...(fallback && unknown ? { default: fallback } : {}) },
        type: 'enum',
        enumValues,
      };
    }
    default:
      return { spec };
  }
}
