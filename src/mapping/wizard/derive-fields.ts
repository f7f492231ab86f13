// Fields that come from columns already placed: the payer ID inside "Payer (ID)", the patient number inside
// "1042 - Name", the payment type's words kept as the method, and a record key when the export has no ID column.
import type { EntityName } from '../../domain/entities.js';
import { headerTokens } from './normalize-header.js';
import type { Placement } from './place-columns.js';
import { proposeCanonical } from './status-words.js';
import type { ColumnShape } from './value-shapes.js';

export function deriveFields(entity: EntityName, header: string[], shapes: ColumnShape[], placed: Placement[], rowCount: number): Placement[] {
  const out: Placement[] = [];
  const has = (field: string) => placed.some((p) => p.field === field) || out.some((p) => p.field === field);
  const single = (field: string) => {
    const p = placed.find((x) => x.field === field && x.indexes.length === 1);
    return p ? p.indexes[0] : undefined;
  };
  const add = (field: string, index: number, reason: string) => out.push({ field, indexes: [index], score: 0.5, reason });

  const payer = single('payer_name');
  if (payer !== undefined && shapes[payer].payerWithId && !has('payer_id')) add('payer_id', payer, 'the ID in the last parentheses of "Payer (ID)"');

  const patient = single('patient_name');
  if (patient !== undefined && shapes[patient].idPrefixedName) {
    if (!has('patient_id')) add('patient_id', patient, 'the number before " - " in "ID - Name"');
    if (entity === 'balances' && !has('account_id')) add('account_id', patient, 'the number before " - " in "ID - Name"');
  }

  const patientId = single('patient_id');
  if (entity === 'balances' && patientId !== undefined && !has('account_id')) add('account_id', patientId, 'the patient number keys the balance');

  // When some payment types become "other" (Cash, Check, Zelle, or words it does not know), the words as written are kept.
  const type = single('type');
  if (entity === 'payments' && type !== undefined && !has('method') && losesWords(entity, shapes[type])) {
    add('method', type, 'the payment type as written');
  }

  if (entity === 'payments' && !has('payment_id')) {
    const key = uniqueReference(header, shapes, rowCount);
    if (key !== undefined) add('payment_id', key, 'no payment ID column: the unique reference of each row');
  }
  if (entity === 'claims' && !has('claim_id')) {
    const parts = ['patient_id', 'patient_name', 'service_date', 'payer_name'].map(single);
    const [id, name, date, payerName] = parts;
    const claimType = header.findIndex((h) => ['type', 'claim type'].includes(headerTokens(h).join(' ')));
    if ((id !== undefined || name !== undefined) && date !== undefined) {
      const indexes = [id ?? name!, date, ...(payerName !== undefined ? [payerName] : []), ...(claimType >= 0 && shapes[claimType].enumLike ? [claimType] : [])];
      out.push({ field: 'claim_id', indexes, combine: 'template', score: 0.5, reason: 'no claim number: patient, date of service, payer and claim type together' });
    }
  }
  return out;
}

function losesWords(entity: EntityName, shape: ColumnShape): boolean {
  return shape.distinct.some((value) => {
    const proposed = proposeCanonical(entity, 'type', value);
    return proposed === null || (proposed === 'other' && value.trim().toLowerCase() !== 'other');
  });
}

/** A fully filled, unique, ID-shaped column named like a reference or ID: the best stand-in for a missing key. */
function uniqueReference(header: string[], shapes: ColumnShape[], rowCount: number): number | undefined {
  const fits = header.flatMap((name, i) => {
    const s = shapes[i];
    if (name.trim() === '' || s.filled < rowCount || rowCount < 2 || !s.unique || !s.idLike) return [];
    const tokens = headerTokens(name);
    return tokens.includes('reference') || tokens.includes('id') ? [i] : [];
  });
  return fits[0];
}
