// The header phrasings seen in real exports, per entity and canonical field: SPEC §5's generic headers, FORMATS.md's
// SimplePractice, Open Dental, Dentrix and TheraNest layouts, and the common variants billing staff name columns with.
import type { EntityName } from '../../domain/entities.js';
import { headerKey } from './normalize-header.js';

type Phrases = Record<string, string>;

const PATIENT: Phrases = {
  patient_id: 'patient id|patient number|patnum|client id|client number|chart number|chart|mrn|medical record number|person id|patient account number|account|account number',
  patient_name: 'patient|patient name|client|client name|name|patname|patient full name|client full name|full name',
  patient_first_name: 'first name|patient first name|client first name|fname|given name',
  patient_last_name: 'last name|patient last name|client last name|lname|surname|family name',
  patient_dob: 'dob|date of birth|birth date|birthdate|patient dob|client dob|birthday',
};
const CLINICIAN: Phrases = {
  clinician_id: 'clinician id|provider id|provnum|npi|rendering npi|provider number|staff id|therapist id|prov treat',
  clinician_name: 'clinician|clinician name|provider|provider name|rendering provider|treating provider|therapist|practitioner|'
    + 'doctor|dentist|counselor|staff|staff member|rendering clinician|attending provider|servicing provider',
};
const PAYER: Phrases = {
  payer_id: 'payer id|carrier id|insurance company id|payer number|electronic payer id',
  payer_name: 'payer|payer name|insurance|insurance name|carrier|carrier name|carriername|insurance carrier|insurance company|'
    + 'primary insurance|primary payer|primary insurance carrier|insurance plan|plan name|insurer|health plan|insurance payer',
};

const ENTITY_PHRASES: Record<EntityName, Phrases> = {
  patients: {
    ...PATIENT, ...PAYER,
    email: 'email|email address|contact email|client email|patient email',
    phone: 'phone|phone number|contact phone|mobile|mobile phone|cell|cell phone|home phone|main phone|primary phone|client phone|patient phone',
    contact_name: 'contact|contact name|primary contact|primary contact name|emergency contact|guardian|guardian name',
    member_id: 'member id|insurance id|subscriber id|policy number|policy id|insured id|member number|insurance member id|subscriber number',
    primary_clinician: 'primary clinician|primary provider|assigned clinician|clinician|provider|therapist|primary therapist|assigned provider|primary dentist',
    location: 'location|office|office name|clinic|site|practice location|facility',
    status: 'status|patient status|client status|active|account status|active status',
    date_added: 'date added|created|created date|date created|registration date|intake date|added|first visit date',
  },
  appointments: {
    ...PATIENT, ...CLINICIAN, ...PAYER,
    appointment_id: 'appointment id|aptnum|appointment number|visit id|encounter id|session id|event id',
    service_date: 'date of service|service date|dos|appointment date|date|visit date|session date|aptdatetime|appointment date time|'
      + 'appointment datetime|date time|scheduled date|start date time|dateservice',
    start_time: 'time|start time|appointment time|start|session time|scheduled time',
    status: 'status|appointment status|attendance|attendance status|outcome|aptstatus|state|visit status|session status|show status',
    cpt_code: 'cpt|cpt code|billing code|procedure code|service code|code|service type|procedure|proc code|hcpcs|service|treatment|cdt code',
    units: 'unit|units|quantity',
    duration_minutes: 'duration|minutes|length|duration minutes|session length|appointment length',
    fee: 'fee|total fee|rate|price|session fee|amount|charge amount|total charge|appointment fee',
    client_charge: 'client charge|client amount billed|patient charge|client billed|patient amount billed|copay|client fee|patient billed',
    client_paid: 'client paid|client amount paid|patient paid|client payment|patient payment|patient amount paid',
    client_unpaid: 'client unpaid|client balance|patient balance|client due|patient unpaid|patient due|client amount due',
    insurance_charge: 'insurance charge|insurance amount billed|insurance billed|insurance fee|expected insurance',
    insurance_paid: 'insurance paid|insurance amount paid|insurance payment',
    insurance_unpaid: 'insurance unpaid|insurance balance|insurance due|insurance amount due',
    insurance_write_off: 'write off|writeoff|insurance write off|contractual adjustment|adjustment',
    authorization_number: 'authorization number|authorization id|authorization|prior authorization|pa number|prior authorization number',
    location: 'location|office|office name|place of service|clinic|facility|site',
  },
  authorizations: {
    ...PATIENT, ...CLINICIAN, ...PAYER,
    authorization_number: 'authorization number|authorization id|authorization|prior authorization number|pa number|reference number',
    authorized_sessions: 'authorized sessions|visits authorized|sessions authorized|authorized visits|authorized units|units authorized|'
      + 'number of visits|total visits|approved visits|approved sessions|visits allowed|sessions allowed|allowed visits|uses|authorized uses|visits|sessions',
    start_date: 'start date|authorization start date|from date|effective date|valid from|begin date|start|from',
    end_date: 'end date|authorization end date|to date|expiration date|expiry date|expires|valid to|valid until|through date|end|through|termination date',
    cpt_codes: 'service type|cpt codes|cpt|codes|procedure codes|services|service codes|billing codes|covered codes|cpt code',
    prior_sessions: 'prior sessions|sessions used|visits used|used|used sessions|used visits|prior visits',
  },
  claims: {
    ...PATIENT, ...CLINICIAN, ...PAYER,
    claim_id: 'claim id|claim number|claim|claimnum|clearinghouse reference|clearinghouse id|claim reference|invoice or claim',
    payer_claim_id: 'payer claim|payer claim id|payer claim number|icn|payer icn|payer reference|payer control number|tcn',
    service_date: 'date of service|dos|service date|visit date|dateservice|service from|from date|date',
    submitted_date: 'date submitted|submission date|submitted|submitted date|date sent|datesent|sent date|billed date|date billed|filed date|claim date|sent',
    billed: 'billed|billed amount|amount billed|charge|charges|total charge|total charges|claim amount|claim total|total billed|amount|fee|claimfee|claim fee|total fee|billed charges',
    allowed: 'allowed|allowed amount|amount allowed|allowable|approved amount|contracted amount',
    paid: 'paid|paid amount|amount paid|insurance paid|insurance payment|inspayamt|insurance payment amount|payer paid|total paid|plan paid',
    patient_responsibility: 'patient responsibility|patient responsible|patient portion|copay|deductible|dedapplied|deductible applied|member responsibility|patient owes|patient amount',
    status: 'status|claim status|claimstatus|claim state|state|current status',
    denial_reason: 'denial reason|rejection reason|reason|denial code|remark|remarks|reason code|denial',
    last_payment_date: 'last payment date|payment date|date paid|paid date|date received|datereceived|received date|check date|era date|last paid',
  },
  payments: {
    ...PATIENT,
    payment_id: 'payment id|payment number|paynum|transaction id|transaction|receipt number|receipt id|id|charge id',
    payment_date: 'payment date|date paid|paid date|date|date received|paydate|transaction date|created|created date|posted date|received date',
    type: 'payment type|type|paytype|source|payment source|tender type|payment category|reporting category|category',
    method: 'method|payment method|tender|card type|card brand',
    gross: 'gross|gross amount|amount|payment amount|payamt|amount paid|charge amount|gross sales|total',
    fee: 'fee|processing fee|merchant fee|stripe fee|transaction fee|fees',
    net: 'net|net amount|net total|net deposit|amount net',
    payout_id: 'payout id|payout|deposit id|transfer id|batch id|settlement id|payout reference|automatic payout id',
    payout_date: 'payout date|automatic payout effective at|payout effective at|deposit date|transfer date|settlement date|arrival date|available on|available date',
    reference: 'reference|payment reference|reference id|payment reference id|check number|checknum|check|memo|note|notes|description|paynote|confirmation number',
    claim_id: 'claim id|claim number|claim|clearinghouse reference|invoice or claim',
    processor: 'processor|gateway|payment processor',
    currency: 'currency|ccy',
  },
  balances: {
    ...PATIENT,
    patient_name: `${PATIENT.patient_name}|guarantor|guarantor name|responsible party|account holder|rp|rp name|account name|family`,
    account_id: 'account id|account|account number|guarantor id|rp id|responsible party id|family id|guarantor number',
    patient_portion: 'patient portion|patient balance|patient due|patient estimate|estimated patient|guarantor portion|patient responsibility|'
      + 'equal patient|patient total owing|rp due|responsible party due|patient amount|patient owes|self pay',
    insurance_portion: 'insurance portion|insurance balance|insurance due|insurance estimate|estimated insurance|minus insurance estimate|'
      + 'insurance pending|insurance total owing|expected insurance|pending insurance|insurance amount',
    total: 'total|total balance|balance|total due|balance due|total owing|account balance|amount due|current balance|total ar',
    last_payment_date: 'last payment date|last payment|last paid|last payment received|last paid date',
  },
};

/**
 * Bare amount headers that belong to the client's or the insurance's section of an export: SimplePractice's
 * Appointment Status writes Charge, Paid, Unpaid after "Client Payment Status", then again after "Insurance Payment Status".
 */
const SECTIONED: Partial<Record<EntityName, Record<string, { client: string; insurance: string }>>> = {
  appointments: {
    charge: { client: 'client_charge', insurance: 'insurance_charge' },
    billed: { client: 'client_charge', insurance: 'insurance_charge' },
    paid: { client: 'client_paid', insurance: 'insurance_paid' },
    unpaid: { client: 'client_unpaid', insurance: 'insurance_unpaid' },
    balance: { client: 'client_unpaid', insurance: 'insurance_unpaid' },
  },
};

export interface Synonym {
  field: string;
  tokens: string[];
}

const compiled = new Map<EntityName, Synonym[]>();

/** Every (field, phrase) of an entity, each phrase as normalized tokens. */
export function synonymsFor(entity: EntityName): Synonym[] {
  let list = compiled.get(entity);
  if (!list) {
    list = Object.entries(ENTITY_PHRASES[entity]).flatMap(([field, phrases]) =>
      phrases.split('|').map((phrase) => ({ field, tokens: headerKey(phrase).split(' ') })));
    compiled.set(entity, list);
  }
  return list;
}

/**
 * The field a bare section header fills: by the section it sits in (the nearest earlier header naming the client or
 * the insurance), else, for a header written twice, client first and insurance second.
 */
export function sectionedField(entity: EntityName, header: string[], index: number, occurrence: number, total: number): string | undefined {
  const pair = SECTIONED[entity]?.[headerKey(header[index])];
  if (!pair) return undefined;
  for (let i = index - 1; i >= 0; i--) {
    const tokens = headerKey(header[i]).split(' ');
    if (tokens.includes('insurance')) return pair.insurance;
    if (tokens.includes('client') || tokens.includes('patient')) return pair.client;
  }
  if (total === 2) return occurrence === 1 ? pair.client : pair.insurance;
  return undefined;
}
