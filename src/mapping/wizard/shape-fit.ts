// How well a column's values fit a canonical field: a factor that breaks ties between header matches and vetoes
// the wrong kind of value (a money column under a date field, a name column under an ID field).
import { ENTITY_FIELDS, type EntityName } from '../../domain/entities.js';
import { hasVocabulary, proposeCanonical } from './status-words.js';
import type { ColumnShape } from './value-shapes.js';

export const FIT = { good: 1, ok: 0.85, weak: 0.6, bad: 0.2 } as const;

/** Fields whose value is a record's key: they must be mostly unique within one export. */
export const KEY_FIELDS = new Set(['claim_id', 'payment_id', 'appointment_id']);

const isIdField = (field: string) => /(_id|_number)$/.test(field) && field !== 'payer_id';

/** The share of an enum column's distinct values that get a canonical proposal. */
export function proposalShare(entity: EntityName, field: string, shape: ColumnShape): number {
  if (shape.distinct.length === 0) return 0;
  return shape.distinct.filter((v) => proposeCanonical(entity, field, v) !== null).length / shape.distinct.length;
}

export function shapeFit(entity: EntityName, field: string, shape: ColumnShape): number {
  if (shape.filled === 0) return FIT.ok;
  const def = ENTITY_FIELDS[entity][field];
  const numeric = shape.money || shape.integer;
  const notText = shape.date !== null || shape.decimals || shape.email;
  if (field === 'email') return shape.email ? FIT.good : FIT.bad;
  if (field === 'phone') return shape.phone ? FIT.good : FIT.bad;
  switch (def.kind) {
    case 'date':
      return shape.date ? FIT.good : FIT.bad;
    case 'datetime':
      return shape.date?.hasTime ? FIT.good : shape.date ? FIT.ok : FIT.bad;
    case 'time':
      return shape.time ? FIT.good : shape.date?.hasTime ? FIT.ok : FIT.bad;
    case 'money':
      return shape.money ? FIT.good : FIT.bad;
    case 'integer':
      return shape.integer ? FIT.good : shape.leadingNumber ? FIT.ok : FIT.bad;
    case 'number':
      return numeric ? FIT.good : FIT.bad;
    case 'name':
      if (shape.nameLike || shape.idPrefixedName) return FIT.good;
      return notText || numeric || shape.phone ? FIT.bad : FIT.ok;
    case 'list':
      return shape.codes ? FIT.good : notText ? FIT.bad : FIT.weak;
    case 'enum':
      if (!hasVocabulary(entity, field)) return shape.enumLike ? FIT.ok : FIT.weak;
      if (proposalShare(entity, field, shape) >= 0.5) return FIT.good;
      return shape.enumLike ? FIT.weak : FIT.bad;
    default:
      return textFit(field, shape, notText, numeric);
  }
}

function textFit(field: string, shape: ColumnShape, notText: boolean, numeric: boolean): number {
  if (field === 'cpt_code') return shape.codes ? FIT.good : notText ? FIT.bad : FIT.weak;
  if (field === 'payer_id') return shape.idLike || shape.integer || shape.payerWithId ? FIT.good : notText ? FIT.bad : FIT.ok;
  if (isIdField(field)) {
    if (notText || shape.phone) return FIT.bad;
    if (KEY_FIELDS.has(field) && !shape.unique) return FIT.weak;
    if (shape.idLike || shape.integer || shape.idPrefixedName) return FIT.good;
    return shape.nameLike ? FIT.bad : FIT.weak;
  }
  if (notText) return FIT.bad;
  if (['payer_name', 'contact_name', 'primary_clinician', 'location', 'denial_reason', 'method', 'processor'].includes(field)) {
    return numeric && !shape.enumLike ? FIT.bad : shape.payerWithId || shape.nameLike ? FIT.good : FIT.ok;
  }
  return FIT.ok;
}
