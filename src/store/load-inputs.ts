// Read the store into the plain rows computations take: names joined from small lookups by id (not SQL joins), only
// the columns needed; the big tables (claims, appointments, patients) as column chunks (json-chunks.ts).
import type { AppointmentStatus, ClaimStatus, PaymentType } from '../domain/entities.js';
import type {
  AppointmentInput, AuthorizationInput, BalanceAdjustmentInput, BalanceInput, ClaimInput, PatientInput, PaymentInput,
} from '../compute/types.js';
import type { AgingClaim } from '../compute/aging.js';
import type { BillingClaim } from '../compute/unbilled.js';
import { UNRESOLVED_CLAIM_STATUSES } from '../compute/claim-rules.js';
import { CLAIM_CHUNK_COLUMNS, claimChunks, claimInputs, isFiltered, matchesPatient, passes, payerOf, type ClaimColumns, type InputFilter, type Lookups } from './claim-rows.js';
import { derivedPortions } from './adjustments.js';
import { ById } from './by-id.js';
import { missingClaimIds, missingCounts, missingRowIds } from './export-presence.js';
import { jsonChunks, parseChunk, type ChunkColumn, type JsonChunks, type Nullable } from './json-chunks.js';
import type { Store } from './open-store.js';

export type { InputFilter } from './claim-rows.js';

/** The name reports and alerts show for a patient: a patient stored without one shows by ID, else by store key. */
export function shownPatientName(name: string | null, patientId: string | null, key: number): string {
  return name ?? (patientId ? `Patient ${patientId}` : `Patient #${key}`);
}

export class StoreInputs {
  private lookups: Lookups | null = null;

  constructor(private readonly db: Store) {}

  /**
   * Runs `read` inside one read transaction, so every query it makes sees the same state of the store even if an
   * import commits meanwhile. Nested calls join the outer one.
   */
  snapshot<T>(read: () => T): T {
    if (!this.begin()) return read();
    try {
      return read();
    } finally {
      this.end();
    }
  }

  /** `snapshot` for a read that awaits (a report streamed while a worker thread renders part of it). */
  async snapshotAsync<T>(read: () => Promise<T>): Promise<T> {
    if (!this.begin()) return read();
    try {
      return await read();
    } finally {
      this.end();
    }
  }

  /** Starts a read transaction, unless one is open already (a nested read joins it); whether this call started it. */
  private begin(): boolean {
    if (this.db.inTransaction) return false;
    this.db.exec('BEGIN');
    return true;
  }

  private end(): void {
    // A failed read may have ended the transaction already; its error is the one to see.
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }

  get maps(): Lookups {
    if (this.lookups) return this.lookups;
    const patients = new ById<{ name: string; patientId: string | null; payerRef: number | null }>();
    this.snapshot(() => {
      for (const texts of jsonChunks(this.db, 'patients', ['id', 'name', 'patient_id', 'payer_ref']).texts) {
        const [ids, names, patientIds, payerRefs] = parseChunk<[number[], Nullable<string>, Nullable<string>, Nullable<number>]>(texts);
        for (let row = 0; row < ids.length; row++) {
          const id = ids[row];
          const patientId = patientIds[row];
          patients.set(id, { name: shownPatientName(names[row], patientId, id), patientId, payerRef: payerRefs[row] });
        }
      }
    });
    const named = (table: string) => {
      const names = new ById<string>();
      for (const [id, name] of this.db.prepare(`SELECT id, name FROM ${table}`).raw().all() as [number, string | null][]) names.set(id, name ?? `#${id}`);
      return names;
    };
    this.lookups = { patients, clinicians: named('clinicians'), payers: named('payers') };
    return this.lookups;
  }

  patients(filter: InputFilter = {}): PatientInput[] {
    const { patients, payers } = this.maps;
    const out: PatientInput[] = [];
    for (const [key, p] of patients) {
      if (!matchesPatient(p.name, p.patientId, filter.patient)) continue;
      out.push({ key, patientId: p.patientId, name: p.name, payerName: p.payerRef === null ? null : (payers.get(p.payerRef) ?? null) });
    }
    return out;
  }

  /** The name reports show for the patient with this whole ID in the PMS (any case), if one has it (`--patient P1001`). */
  nameOfPatientId(patientId: string): string | undefined {
    const id = patientId.trim().toLowerCase();
    for (const [, patient] of this.maps.patients) if (patient.patientId?.toLowerCase() === id) return patient.name;
    return undefined;
  }

  appointments(filter: InputFilter = {}): AppointmentInput[] {
    const { patients, clinicians, payers } = this.maps;
    const out: AppointmentInput[] = [];
    this.snapshot(() => {
      const chunks = jsonChunks(this.db, 'appointments', APPOINTMENT_CHUNK_COLUMNS, 'patient_ref IS NOT NULL AND service_date IS NOT NULL');
      for (const texts of chunks.texts) {
        const [keys, patientKeys, clinicianKeys, payerRefs, serviceDates, statuses, cptCodes, clientUnpaids, insuranceUnpaids] = parseChunk<AppointmentColumns>(texts);
        for (let row = 0; row < keys.length; row++) {
          const key = keys[row];
          const patientKey = patientKeys[row];
          const clinicianKey = clinicianKeys[row];
          const serviceDate = serviceDates[row];
          const status = statuses[row];
          const cptCode = cptCodes[row];
          const clientUnpaid = clientUnpaids[row];
          const insuranceUnpaid = insuranceUnpaids[row];
          const patient = patients.get(patientKey);
          const clinicianName = clinicianKey === null ? null : (clinicians.get(clinicianKey) ?? null);
          const payerName = payerOf(payers, payerRefs[row], patient);
          const patientName = patient?.name ?? `Patient #${patientKey}`;
          if (!passes(filter, patientName, clinicianName, payerName, patient?.patientId ?? null)) continue;
          out.push({ key, patientKey, patientId: patient?.patientId ?? null, patientName, clinicianKey, clinicianName, payerName, serviceDate, status: status as AppointmentStatus | null, cptCode, clientUnpaid, insuranceUnpaid });
        }
      }
    });
    return out;
  }

  /** Authorizations, with a manual `prior_sessions` adjustment replacing the imported value. */
  authorizations(filter: InputFilter = {}): AuthorizationInput[] {
    const { patients, clinicians, payers } = this.maps;
    const adjusted = new Map((this.db.prepare("SELECT target_ref, prior_sessions FROM adjustments WHERE kind = 'auth' AND cleared_at IS NULL ORDER BY id").raw().all() as [number, number][]));
    // One query, a JSON array per column (json-chunks.ts), not a row array per authorization: 20,000 authorizations in
    // 35-55 ms against 110-130, the CPT lists parsed with the rest instead of one JSON.parse each.
    const texts = this.db.prepare(`SELECT ${AUTHORIZATION_COLUMNS.map((column) => `json_group_array(${column})`).join(', ')}
      FROM authorizations WHERE patient_ref IS NOT NULL`).raw().get() as string[];
    const [keys, authorizationNumbers, patientKeys, clinicianKeys, payerRefs, authorizedSessions, startDates, endDates, cptCodes, priorSessions] =
      texts.map((text) => JSON.parse(text) as unknown) as AuthorizationColumns;
    const out: AuthorizationInput[] = [];
    for (let row = 0; row < keys.length; row++) {
      const key = keys[row];
      const patientKey = patientKeys[row];
      const clinicianKey = clinicianKeys[row];
      const payerRef = payerRefs[row];
      const patient = patients.get(patientKey);
      const patientName = patient?.name ?? `Patient #${patientKey}`;
      const clinicianName = clinicianKey === null ? null : (clinicians.get(clinicianKey) ?? null);
      const payerName = payerRef === null ? null : (payers.get(payerRef) ?? null);
      if (!passes(filter, patientName, clinicianName, payerName, patient?.patientId ?? null)) continue;
      out.push({
        key, authorizationNumber: authorizationNumbers[row], patientKey, patientId: patient?.patientId ?? null, patientName, clinicianKey, clinicianName, payerName,
        authorizedSessions: authorizedSessions[row] ?? null, startDate: startDates[row], endDate: endDates[row], cptCodes: cptCodes[row] ?? [],
        priorSessions: adjusted.get(key) ?? priorSessions[row] ?? 0,
      });
    }
    return out;
  }

  /** Every claim that passes the filter, names joined in. */
  claims(filter: InputFilter = {}): ClaimInput[] {
    const out: ClaimInput[] = [];
    this.snapshot(() => {
      for (const texts of this.claimChunks(CLAIM_CHUNK_COLUMNS).texts) claimInputs(parseChunk<ClaimColumns>(texts), this.maps, filter, out);
    });
    return out;
  }

  /**
   * Claims as column chunks (json-chunks.ts), or only those whose status is one of `statuses`: a report that can only
   * be about some statuses (the aging, the alerts) says which, and the rest of a million claims never leave SQLite —
   * reading a row costs far more than computing with it. Through the chased-claims index when `statuses` allow it;
   * read them inside `snapshot`.
   */
  claimChunks(columns: readonly ChunkColumn[], statuses?: readonly string[]): JsonChunks {
    return claimChunks(this.db, columns, statuses);
  }

  /**
   * The patient, day and status of every claim with the patient and day of one of `days` (the unbilled report's
   * question), and perhaps a few more: claims of one of these patients dated between the first and the last of these
   * days. The range first, which a comparison rules out before any lookup (claims from years before the sessions, in
   * most stores); then the patient, matched against a small set; and only the three columns the question needs.
   * Matching each day against the set of days too cost more than it saved: in the bench store the range holds 94,513
   * claims and 85,127 of them are on a session's day, and the query took 134-142 ms with the days matched against
   * 125-127 ms without (a fresh process; about 50 ms of either is the first touch of the table's pages).
   */
  claimsOnDays(days: { patientKey: number; serviceDate: string }[]): BillingClaim[] {
    if (days.length === 0) return [];
    let first = days[0].serviceDate;
    let last = first;
    for (const { serviceDate } of days) {
      if (serviceDate < first) first = serviceDate;
      else if (serviceDate > last) last = serviceDate;
    }
    const patients = [...new Set(days.map((d) => d.patientKey))];
    const sql = `SELECT json_group_array(patient_ref), json_group_array(service_date), json_group_array(status) FROM claims
      WHERE service_date BETWEEN ? AND ? AND patient_ref IN (SELECT value FROM json_each(?))`;
    const texts = this.db.prepare(sql).raw().get(first, last, JSON.stringify(patients)) as string[];
    const [patientKeys, serviceDates, statuses] = texts.map((text) => JSON.parse(text) as unknown[]) as [number[], string[], (ClaimStatus | null)[]];
    return patientKeys.map((patientKey, i) => ({ patientKey, serviceDate: serviceDates[i], status: statuses[i] }));
  }

  /** Unresolved claims with only what the aging report reads: 11 columns of the listing's 12, for the report that reads most rows but shows five. */
  agingClaims(filter: InputFilter = {}): AgingClaim[] {
    const { patients, clinicians, payers } = this.maps;
    const filtered = isFiltered(filter);
    const out: AgingClaim[] = [];
    this.snapshot(() => {
      for (const texts of this.claimChunks(AGING_CHUNK_COLUMNS, UNRESOLVED_CLAIM_STATUSES).texts) {
        const [keys, patientKeys, clinicianKeys, payerRefs, serviceDates, submittedDates, statuses, billeds, alloweds, paids, patientResponsibilities] = parseChunk<AgingColumns>(texts);
        for (let row = 0; row < keys.length; row++) {
          const patientKey = patientKeys[row];
          const clinicianKey = clinicianKeys[row];
          const payerRef = payerRefs[row];
          const patient = patientKey === null ? undefined : patients.get(patientKey);
          const payerName = payerOf(payers, payerRef, patient);
          if (filtered) {
            const clinicianName = clinicianKey === null ? null : (clinicians.get(clinicianKey) ?? null);
            if (!passes(filter, patient?.name ?? null, clinicianName, payerName, patient?.patientId ?? null)) continue;
          }
          out.push({
            payerName, serviceDate: serviceDates[row], submittedDate: submittedDates[row], status: statuses[row],
            billed: billeds[row], allowed: alloweds[row], paid: paids[row], patientResponsibility: patientResponsibilities[row],
          });
        }
      }
    });
    return out;
  }

  /** How many claims the store holds when none has a service date, else null (`computeUnbilled`'s `undatedClaims`). */
  undatedClaims(): number | null {
    // EXISTS stops at the first dated claim; the count is only needed, and only taken, when there is none.
    return this.db.prepare('SELECT CASE WHEN EXISTS (SELECT 1 FROM claims WHERE service_date IS NOT NULL) THEN NULL ELSE (SELECT count(*) FROM claims) END').pluck().get() as number | null;
  }

  /** Records of each table the latest full export listing them lacked (SPEC §10), by table name. */
  missingFromExports(): Map<string, number> {
    return missingCounts(this.db);
  }

  /** The claim IDs of claims the latest full export listing them lacked (SPEC §10). */
  claimsMissingFromExports(): Set<string> {
    return missingClaimIds(this.db);
  }

  balances(filter: InputFilter = {}): BalanceInput[] {
    const { patients } = this.maps;
    const rows = this.db.prepare('SELECT id, account_id, patient_ref, patient_portion, insurance_portion, total, aging_0_30, aging_31_60, aging_61_90, aging_over_90, last_payment_date FROM balances WHERE patient_ref IS NOT NULL').raw().all() as
      [number, string | null, number, number | null, number | null, number | null, number | null, number | null, number | null, number | null, string | null][];
    const missing = missingRowIds(this.db, 'balances');
    const out: BalanceInput[] = [];
    for (const [key, accountId, patientKey, patientPortion, insurancePortion, total, aging0to30, aging31to60, aging61to90, agingOver90, lastPaymentDate] of rows) {
      const patient = patients.get(patientKey);
      const patientName = patient?.name ?? `Patient #${patientKey}`;
      if (!matchesPatient(patientName, patient?.patientId ?? null, filter.patient)) continue;
      out.push({
        key, accountId, patientKey, patientName, patientPortion, insurancePortion, total, aging0to30, aging31to60, aging61to90, agingOver90,
        lastPaymentDate, missingFromExport: missing.has(key),
      });
    }
    return out;
  }

  /**
   * Active balance adjustments. `conflict`: the source of a portion the adjustment replaces is no longer what it was
   * when the adjustment was made — a later import changed it: the balance export's value, or for a balance derived
   * from appointments, their unpaid sum.
   */
  balanceAdjustments(): BalanceAdjustmentInput[] {
    const rows = this.db.prepare(`
      SELECT a.id, a.target_ref, a.patient_portion, a.insurance_portion, a.reason, a.source_snapshot, b.patient_portion, b.insurance_portion, b.id IS NOT NULL
      FROM adjustments a LEFT JOIN balances b ON b.patient_ref = a.target_ref
      WHERE a.kind = 'balance' AND a.cleared_at IS NULL ORDER BY a.id`).raw().all() as
      [number, number, number | null, number | null, string | null, string | null, number | null, number | null, number][];
    return rows.map(([id, patientKey, patientPortion, insurancePortion, reason, snapshot, sourcePatient, sourceInsurance, exported]) => {
      const before = snapshot
        ? (JSON.parse(snapshot) as { basis?: 'appointments'; patient_portion: number | null; insurance_portion: number | null })
        : { patient_portion: null, insurance_portion: null };
      // Made over a balance derived from appointments, and still without a balance row: their unpaid sums are the source.
      const now = before.basis === 'appointments' && exported === 0
        ? derivedPortions(this.db, patientKey)
        : { patient_portion: sourcePatient ?? null, insurance_portion: sourceInsurance ?? null };
      const conflict = (patientPortion !== null && before.patient_portion !== now.patient_portion) ||
        (insurancePortion !== null && before.insurance_portion !== now.insurance_portion);
      return { id, patientKey, patientPortion, insurancePortion, reason: reason ?? '', conflict };
    });
  }

  payments(): PaymentInput[] {
    const { patients } = this.maps;
    const rows = this.db.prepare('SELECT id, payment_id, patient_ref, payment_date, type, method, gross, fee, net, payout_id, payout_date, reference, claim_id, processor, currency FROM payments ORDER BY id').raw().all() as
      [number, string, number | null, string | null, string | null, string | null, number | null, number | null, number | null, string | null, string | null, string | null, string | null, string | null, string | null][];
    return rows.map(([key, paymentId, patientKey, paymentDate, type, method, gross, fee, net, payoutId, payoutDate, reference, claimId, processor, currency]) => {
      const patient = patientKey === null ? undefined : patients.get(patientKey);
      return {
        key, paymentId, patientKey, patientId: patient?.patientId ?? null, patientName: patient?.name ?? null, paymentDate,
        type: type as PaymentType | null, method, gross, fee, net, payoutId, payoutDate, reference, claimId, processor, currency,
      };
    });
  }
}

/**
 * `json(...)`: the stored JSON list goes into the column's array as a list, not as its text; an empty text is no list,
 * as NULL is (any code).
 */
const AUTHORIZATION_COLUMNS = ['id', 'authorization_number', 'patient_ref', 'clinician_ref', 'payer_ref', 'authorized_sessions', 'start_date', 'end_date', "json(nullif(cpt_codes, ''))", 'prior_sessions'];
type AuthorizationColumns = [number[], Nullable<string>, number[], Nullable<number>, Nullable<number>, Nullable<number>, Nullable<string>, Nullable<string>, Nullable<string[]>, Nullable<number>];

const APPOINTMENT_CHUNK_COLUMNS = ['id', 'patient_ref', 'clinician_ref', 'payer_ref', 'service_date', 'status', 'cpt_code', 'client_unpaid', 'insurance_unpaid'];
type AppointmentColumns = [number[], number[], Nullable<number>, Nullable<number>, string[], Nullable<string>, Nullable<string>, Nullable<number>, Nullable<number>];

const AGING_CHUNK_COLUMNS = ['id', 'patient_ref', 'clinician_ref', 'payer_ref', 'service_date', 'submitted_date', 'status', 'billed', 'allowed', 'paid', 'patient_responsibility'];
type AgingColumns = [number[], Nullable<number>, Nullable<number>, Nullable<number>, Nullable<string>, Nullable<string>, ClaimStatus[], Nullable<number>, Nullable<number>, Nullable<number>, Nullable<number>];
