// Which entity an export holds, from what could be placed for each: fields that only one kind of export carries
// (a claim number, authorized sessions, aging buckets, payouts, an appointment status, e-mail and phone) weigh most.
import { ENTITY_NAMES, type EntityName } from '../../domain/entities.js';
import type { Placement } from './place-columns.js';

/** How much a placed field says "this is a <entity> export"; party fields, common to all, weigh 0.5. */
const DISTINCTIVE: Record<EntityName, Record<string, number>> = {
  patients: { email: 3, phone: 3, contact_name: 3, member_id: 3, primary_clinician: 3, date_added: 3, status: 2, patient_dob: 1, location: 1 },
  appointments: {
    appointment_id: 4, service_date: 2, start_time: 2, status: 3, cpt_code: 2, units: 2, duration_minutes: 2, fee: 1,
    client_charge: 3, client_paid: 3, client_unpaid: 3, insurance_charge: 3, insurance_paid: 3, insurance_unpaid: 3, insurance_write_off: 3,
    authorization_number: 1, location: 1,
  },
  authorizations: { authorization_number: 3, authorized_sessions: 6, start_date: 2, end_date: 3, cpt_codes: 1, prior_sessions: 3 },
  claims: {
    claim_id: 5, payer_claim_id: 4, submitted_date: 3, billed: 2, allowed: 4, paid: 1, patient_responsibility: 3, status: 2,
    denial_reason: 4, service_date: 1, last_payment_date: 1,
  },
  payments: {
    payment_id: 5, payment_date: 2, type: 2, gross: 4, fee: 1, net: 4, payout_id: 5, payout_date: 4, reference: 1, claim_id: 1,
    processor: 3, currency: 2, method: 1,
  },
  balances: {
    aging_0_30: 3, aging_31_60: 3, aging_61_90: 3, aging_over_90: 3, patient_portion: 3, insurance_portion: 3, account_id: 2, total: 1,
    last_payment_date: 1,
  },
};

export function fieldWeight(entity: EntityName, field: string): number {
  return DISTINCTIVE[entity][field] ?? 0.5;
}

export function entityScore(entity: EntityName, placements: Placement[]): number {
  return placements.reduce((sum, p) => sum + fieldWeight(entity, p.field) * p.score, 0);
}

/** The best-scoring entity; on a tie the earlier one in the canonical order. */
export function guessEntity(placementsByEntity: Map<EntityName, Placement[]>): EntityName {
  let best: EntityName = ENTITY_NAMES[0];
  let bestScore = -1;
  for (const entity of ENTITY_NAMES) {
    const score = entityScore(entity, placementsByEntity.get(entity) ?? []);
    if (score > bestScore) [best, bestScore] = [entity, score];
  }
  return best;
}
