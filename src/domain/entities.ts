// The canonical entities of SPEC §5: their field names, the kind of value each holds, and their vocabularies.

export const ENTITY_NAMES = ['patients', 'authorizations', 'appointments', 'claims', 'payments', 'balances'] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

/** The order `run` imports in, so that referenced records tend to exist first (SPEC issue 5). */
export const IMPORT_ORDER: readonly EntityName[] = ['patients', 'authorizations', 'appointments', 'claims', 'payments', 'balances'];

/** Fields whose values are patient data: shown in the rejects file, never on the terminal or in the log. */
export const PRIVATE_FIELDS: ReadonlySet<string> = new Set(['patient_name', 'patient_first_name', 'patient_last_name', 'patient_dob', 'member_id', 'contact_name', 'email', 'phone']);

export const APPOINTMENT_STATUSES = ['scheduled', 'completed', 'no_show', 'late_canceled', 'canceled', 'clinician_canceled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const CLAIM_STATUSES = ['draft', 'submitted', 'pending', 'paid', 'denied', 'rejected', 'void'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const PAYMENT_TYPES = ['card_terminal', 'portal', 'payment_plan', 'insurance', 'membership', 'other'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export const PATIENT_STATUSES = ['active', 'inactive'] as const;

/**
 * What a canonical field holds once typed: `money` is integer cents, `date` is `YYYY-MM-DD`,
 * `datetime` is `YYYY-MM-DDTHH:mm`, `list` is an array of strings.
 */
export type FieldKind = 'text' | 'integer' | 'number' | 'money' | 'date' | 'datetime' | 'time' | 'name' | 'list' | 'boolean' | 'enum';

export interface FieldDef {
  kind: FieldKind;
  /** For enum fields: the canonical vocabulary a mapping must translate into. */
  values?: readonly string[];
}

const PATIENT_PARTY: Record<string, FieldDef> = {
  patient_id: { kind: 'text' },
  patient_name: { kind: 'name' },
  patient_first_name: { kind: 'text' },
  patient_last_name: { kind: 'text' },
  patient_dob: { kind: 'date' },
};
const CLINICIAN_PARTY: Record<string, FieldDef> = {
  clinician_id: { kind: 'text' },
  clinician_name: { kind: 'name' },
};
const PAYER_PARTY: Record<string, FieldDef> = {
  payer_id: { kind: 'text' },
  payer_name: { kind: 'text' },
};

export const ENTITY_FIELDS: Record<EntityName, Record<string, FieldDef>> = {
  patients: {
    ...PATIENT_PARTY,
    ...PAYER_PARTY,
    email: { kind: 'text' },
    phone: { kind: 'text' },
    contact_name: { kind: 'text' },
    member_id: { kind: 'text' },
    primary_clinician: { kind: 'text' },
    location: { kind: 'text' },
    status: { kind: 'enum', values: PATIENT_STATUSES },
    date_added: { kind: 'date' },
  },
  appointments: {
    appointment_id: { kind: 'text' },
    ...PATIENT_PARTY,
    ...CLINICIAN_PARTY,
    ...PAYER_PARTY,
    service_date: { kind: 'date' },
    start_time: { kind: 'time' },
    status: { kind: 'enum', values: APPOINTMENT_STATUSES },
    cpt_code: { kind: 'text' },
    units: { kind: 'number' },
    duration_minutes: { kind: 'integer' },
    fee: { kind: 'money' },
    client_charge: { kind: 'money' },
    client_paid: { kind: 'money' },
    client_unpaid: { kind: 'money' },
    insurance_charge: { kind: 'money' },
    insurance_paid: { kind: 'money' },
    insurance_unpaid: { kind: 'money' },
    insurance_write_off: { kind: 'money' },
    authorization_number: { kind: 'text' },
    location: { kind: 'text' },
  },
  authorizations: {
    authorization_number: { kind: 'text' },
    ...PATIENT_PARTY,
    ...CLINICIAN_PARTY,
    ...PAYER_PARTY,
    authorized_sessions: { kind: 'integer' },
    start_date: { kind: 'date' },
    end_date: { kind: 'date' },
    cpt_codes: { kind: 'list' },
    prior_sessions: { kind: 'integer' },
  },
  claims: {
    claim_id: { kind: 'text' },
    payer_claim_id: { kind: 'text' },
    ...PATIENT_PARTY,
    ...CLINICIAN_PARTY,
    ...PAYER_PARTY,
    service_date: { kind: 'date' },
    submitted_date: { kind: 'date' },
    billed: { kind: 'money' },
    allowed: { kind: 'money' },
    paid: { kind: 'money' },
    patient_responsibility: { kind: 'money' },
    status: { kind: 'enum', values: CLAIM_STATUSES },
    denial_reason: { kind: 'text' },
    last_payment_date: { kind: 'date' },
  },
  payments: {
    payment_id: { kind: 'text' },
    ...PATIENT_PARTY,
    payment_date: { kind: 'date' },
    type: { kind: 'enum', values: PAYMENT_TYPES },
    method: { kind: 'text' },
    gross: { kind: 'money' },
    fee: { kind: 'money' },
    net: { kind: 'money' },
    payout_id: { kind: 'text' },
    payout_date: { kind: 'date' },
    reference: { kind: 'text' },
    claim_id: { kind: 'text' },
    processor: { kind: 'text' },
    currency: { kind: 'text' },
  },
  balances: {
    account_id: { kind: 'text' },
    ...PATIENT_PARTY,
    patient_portion: { kind: 'money' },
    insurance_portion: { kind: 'money' },
    total: { kind: 'money' },
    aging_0_30: { kind: 'money' },
    aging_31_60: { kind: 'money' },
    aging_61_90: { kind: 'money' },
    aging_over_90: { kind: 'money' },
    last_payment_date: { kind: 'date' },
  },
};

export function isEntityName(value: string): value is EntityName {
  return (ENTITY_NAMES as readonly string[]).includes(value);
}

export function fieldDef(entity: EntityName, field: string): FieldDef | undefined {
  return ENTITY_FIELDS[entity][field];
}
