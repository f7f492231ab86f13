// How canonical fields land in store columns, per entity: party fields become references, the rest keep their names.
import { ENTITY_FIELDS, ENTITY_NAMES, type EntityName } from '../domain/entities.js';

export const ENTITY_TABLE: Record<EntityName, string> = {
  patients: 'patients',
  appointments: 'appointments',
  authorizations: 'authorizations',
  claims: 'claims',
  payments: 'payments',
  balances: 'balances',
};

/** The field, and column of the same name, that holds each entity's own ID in its source (SPEC §4 "Identity"). */
export const ENTITY_KEY_FIELD: Record<EntityName, string> = {
  patients: 'patient_id',
  appointments: 'appointment_id',
  authorizations: 'authorization_number',
  claims: 'claim_id',
  payments: 'payment_id',
  balances: 'account_id',
};

/** Every column of each table a run may change, in table order (id first). */
export const TABLE_COLUMNS: Record<string, readonly string[]> = {
  payers: ['id', 'name', 'name_key', 'payer_id'],
  clinicians: ['id', 'name', 'name_key', 'clinician_id'],
  patients: ['id', 'name', 'name_key', 'patient_id', 'first_name', 'last_name', 'dob', 'email', 'phone', 'contact_name', 'payer_ref',
    'member_id', 'primary_clinician', 'location', 'status', 'date_added', 'provisional'],
  appointments: ['id', 'appointment_id', 'patient_ref', 'clinician_ref', 'payer_ref', 'service_date', 'start_time', 'status', 'cpt_code',
    'units', 'duration_minutes', 'fee', 'client_charge', 'client_paid', 'client_unpaid', 'insurance_charge', 'insurance_paid',
    'insurance_unpaid', 'insurance_write_off', 'authorization_number', 'location'],
  authorizations: ['id', 'authorization_number', 'patient_ref', 'clinician_ref', 'payer_ref', 'authorized_sessions', 'start_date',
    'end_date', 'cpt_codes', 'prior_sessions'],
  claims: ['id', 'claim_id', 'payer_claim_id', 'patient_ref', 'clinician_ref', 'payer_ref', 'service_date', 'submitted_date', 'billed',
    'allowed', 'paid', 'patient_responsibility', 'status', 'denial_reason', 'last_payment_date'],
  payments: ['id', 'payment_id', 'patient_ref', 'payment_date', 'type', 'method', 'gross', 'fee', 'net', 'payout_id', 'payout_date',
    'reference', 'claim_id', 'processor', 'currency'],
  balances: ['id', 'account_id', 'patient_ref', 'patient_portion', 'insurance_portion', 'total', 'aging_0_30', 'aging_31_60',
    'aging_61_90', 'aging_over_90', 'last_payment_date'],
  adjustments: ['id', 'kind', 'target_ref', 'patient_portion', 'insurance_portion', 'prior_sessions', 'reason', 'source_snapshot',
    'conflict', 'created_at', 'cleared_at'],
  export_presence: ['id', 'mapping', 'table_name', 'row_id', 'missing_since_run'],
};

/**
 * Every column that holds another record's id, and the table of that record: `where` narrows it to the rows whose
 * column points there (an adjustment's target is a patient for a balance, an authorization for prior sessions).
 */
export const REFERENCES: readonly { table: string; column: string; to: string; where?: string }[] = [
  { table: 'patients', column: 'payer_ref', to: 'payers' },
  ...['appointments', 'authorizations', 'claims'].flatMap((table) => [
    { table, column: 'patient_ref', to: 'patients' },
    { table, column: 'clinician_ref', to: 'clinicians' },
    { table, column: 'payer_ref', to: 'payers' },
  ]),
  { table: 'payments', column: 'patient_ref', to: 'patients' },
  { table: 'balances', column: 'patient_ref', to: 'patients' },
  { table: 'adjustments', column: 'target_ref', to: 'patients', where: "kind = 'balance'" },
  { table: 'adjustments', column: 'target_ref', to: 'authorizations', where: "kind = 'auth'" },
  ...ENTITY_NAMES.map((entity) => ({ table: 'export_presence', column: 'row_id', to: ENTITY_TABLE[entity], where: `table_name = '${ENTITY_TABLE[entity]}'` })),
];

/** Data tables whose content a run can change and undo restores. */
export const DATA_TABLES = ['payers', 'clinicians', 'patients', 'appointments', 'authorizations', 'claims', 'payments', 'balances', 'adjustments', 'export_presence'] as const;

const PARTY_PREFIXES = ['patient_', 'clinician_', 'payer_'];

/** The store column a canonical field writes to, or null for party fields (resolved to references). */
export function columnFor(entity: EntityName, field: string): string | null {
  if (entity === 'patients') {
    switch (field) {
      case 'patient_id': return 'patient_id';
      case 'patient_name': return 'name';
      case 'patient_first_name': return 'first_name';
      case 'patient_last_name': return 'last_name';
      case 'patient_dob': return 'dob';
      case 'payer_id': case 'payer_name': return null;
      default: return field;
    }
  }
  if (PARTY_PREFIXES.some((p) => field.startsWith(p)) && field !== 'patient_responsibility' && field !== 'patient_portion') return null;
  return field;
}

/**
 * The columns an import through a mapping of these fields writes, and where each value comes from: a reference or key
 * the identity step resolves (`key`), or a mapped field (`field`).
 */
export function columnSources(entity: EntityName, mappedFields: readonly string[]): { column: string; key?: string; field?: string }[] {
  const mapsAny = (prefix: string) => mappedFields.some((f) => f.startsWith(prefix) && f !== 'patient_responsibility' && f !== 'patient_portion');
  const sources: { column: string; key?: string; field?: string }[] = [];
  const add = (source: { column: string; key?: string; field?: string }) => {
    if (!sources.some((s) => s.column === source.column)) sources.push(source);
  };
  if (entity === 'patients') {
    if (mappedFields.includes('patient_id')) add({ column: 'patient_id', key: 'patient_id' });
    if (['patient_name', 'patient_first_name', 'patient_last_name'].some((f) => mappedFields.includes(f))) {
      add({ column: 'name', key: 'name' });
      add({ column: 'name_key', key: 'name_key' });
    }
    if (mapsAny('payer_')) add({ column: 'payer_ref', key: 'payer_ref' });
  } else {
    if (mapsAny('patient_')) add({ column: 'patient_ref', key: 'patient_ref' });
    if (mapsAny('clinician_')) add({ column: 'clinician_ref', key: 'clinician_ref' });
    if (mapsAny('payer_')) add({ column: 'payer_ref', key: 'payer_ref' });
  }
  for (const field of mappedFields) {
    const column = columnFor(entity, field);
    if (column && column !== 'name') add({ column, field });
  }
  return sources;
}

/**
 * The columns of each table that hold money, as integer cents: the money fields of its entity, and the portions a
 * balance adjustment replaces. Whatever shows stored rows to people (`runs show`) shows these as dollars.
 */
export const MONEY_COLUMNS: Readonly<Record<string, ReadonlySet<string>>> = {
  ...Object.fromEntries(ENTITY_NAMES.map((entity) => [ENTITY_TABLE[entity], new Set(Object.entries(ENTITY_FIELDS[entity])
    .filter(([, def]) => def.kind === 'money')
    .map(([field]) => columnFor(entity, field) ?? field))])),
  adjustments: new Set(['patient_portion', 'insurance_portion']),
};
