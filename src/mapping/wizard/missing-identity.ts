// The fields an entity's rows need to find their records (SPEC §4 "Identity") that a draft has not placed.
import type { EntityName } from '../../domain/entities.js';

/** Each entity's ways of identifying a row, best first; one fully placed way is enough. */
const IDENTITY: Record<EntityName, string[][]> = {
  patients: [['patient_id'], ['patient_name']],
  appointments: [['appointment_id'], ['patient_name', 'service_date'], ['patient_id', 'service_date']],
  authorizations: [['authorization_number'], ['patient_name', 'start_date'], ['patient_id', 'start_date']],
  claims: [['claim_id']],
  payments: [['payment_id']],
  balances: [['account_id'], ['patient_name'], ['patient_id']],
};

/** Empty when some way is complete; else what the nearest way still lacks. */
export function missingIdentity(entity: EntityName, placed: Set<string>): string[] {
  let nearest: string[] | null = null;
  for (const way of IDENTITY[entity]) {
    const missing = way.filter((field) => !placed.has(field));
    if (missing.length === 0) return [];
    if (nearest === null || missing.length < nearest.length) nearest = missing;
  }
  return nearest ?? [];
}
