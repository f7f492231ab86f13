// Identity of people and payers (SPEC §4): patients by ID, else normalized name + date of birth, else name;
// clinicians and payers by ID, else name. Unknown patients named by claims or appointments become provisional.
import type { Statement } from 'better-sqlite3';
import { displayName, normalizeName, normalizeOrganizationName } from '../mapping/cells/index.js';
import type { ChangeLog, StoredRow } from './change-log.js';
import type { Store } from './open-store.js';

export interface PatientIdentity {
  patientId: string | null;
  name: string | null;
  dob: string | null;
}

export type PatientMatch =
  | { kind: 'found'; row: StoredRow }
  | { kind: 'none' }
  | { kind: 'ambiguous'; message: string };

export function patientIdentity(values: Record<string, unknown>): PatientIdentity {
  const id = values.patient_id as string | null | undefined;
  let name = (values.patient_name as string | null | undefined) ?? null;
  if (!name && (values.patient_first_name || values.patient_last_name)) {
    name = displayName([values.patient_first_name, values.patient_last_name].filter(Boolean).join(' '));
  }
  return { patientId: id ?? null, name, dob: (values.patient_dob as string | null | undefined) ?? null };
}

export class PartyResolver {
  private readonly refById = new Map<string, number>();
  /** Patients of `refById` the store holds without a name (created by an export of IDs only): a named row names them. */
  private readonly unnamed = new Set<number>();
  /** Patients known by name that this import gave an ID: their remembered alerts move to the ID (patient-alert-ids.ts). */
  readonly idsGiven: { name: string; patientId: string }[] = [];
  /** Normalized identity → ref. */
  private readonly partyCache = new Map<string, number>();
  /** Raw ID cell → raw name cell → ref. */
  private readonly rawCache = { clinicians: new Map<string, Map<string, number>>(), payers: new Map<string, Map<string, number>>() };
  private readonly stmts: Record<string, Statement>;

  constructor(db: Store, private readonly changes: ChangeLog) {
    this.stmts = {
      patientById: db.prepare('SELECT * FROM patients WHERE patient_id = ?'),
      patientByRef: db.prepare('SELECT * FROM patients WHERE id = ?'),
      patientsByName: db.prepare('SELECT * FROM patients WHERE name_key = ? ORDER BY id'),
      insertPatient: db.prepare('INSERT INTO patients (name, name_key, patient_id, dob, provisional) VALUES (?, ?, ?, ?, 1)'),
      setPatientId: db.prepare('UPDATE patients SET patient_id = ? WHERE id = ?'),
      setPatientName: db.prepare('UPDATE patients SET name = ?, name_key = ? WHERE id = ?'),
    };
    for (const table of ['clinicians', 'payers']) {
      const idColumn = table === 'clinicians' ? 'clinician_id' : 'payer_id';
      this.stmts[`${table}ById`] = db.prepare(`SELECT id, name FROM ${table} WHERE ${idColumn} = ?`);
      this.stmts[`${table}ByName`] = db.prepare(`SELECT id FROM ${table} WHERE name_key = ? ORDER BY ${idColumn} IS NOT NULL, id LIMIT 1`);
      this.stmts[`${table}Insert`] = db.prepare(`INSERT INTO ${table} (name, name_key, ${idColumn}) VALUES (?, ?, ?)`);
    }
  }

  /** Find the patient a row names, without creating one (always from the store: patients imports compare whole rows). */
  findPatient(identity: PatientIdentity): PatientMatch {
    if (identity.patientId) {
      const row = this.stmts.patientById.get(identity.patientId) as StoredRow | undefined;
      if (row) return { kind: 'found', row };
      // A patient known by name only (a provisional one, or from an export without IDs) gains this ID.
      if (!identity.name) return { kind: 'none' };
      const candidates = this.byName(identity).filter((r) => r.patient_id === null);
      return candidates.length === 1 ? { kind: 'found', row: candidates[0] } : { kind: 'none' };
    }
    if (!identity.name) return { kind: 'none' };
    const candidates = this.byName(identity);
    if (candidates.length === 0) return { kind: 'none' };
    if (candidates.length === 1) return { kind: 'found', row: candidates[0] };
    const describe = (r: StoredRow) => `patient #${r.id}${r.patient_id ? ` (ID ${r.patient_id})` : ''}`;
    return { kind: 'ambiguous', message: `the name matches two patients: ${describe(candidates[0])} and ${describe(candidates[1])}; map a patient ID or date of birth` };
  }

  private byName(identity: PatientIdentity): StoredRow[] {
    const rows = this.stmts.patientsByName.all(normalizeName(identity.name!)) as StoredRow[];
    if (!identity.dob) return rows;
    const exact = rows.filter((r) => r.dob === identity.dob);
    return exact.length ? exact : rows.filter((r) => r.dob === null);
  }

  /** The patient a claim, appointment, authorization, payment or balance row names; provisional when new. */
  patientRef(identity: PatientIdentity): { ref: number } | { error: string } | null {
    // Claims and appointments name the same patients over and over: an ID seen once is a map lookup after that.
    if (identity.patientId) {
      const known = this.refById.get(identity.patientId);
      if (known !== undefined) {
        if (identity.name && this.unnamed.has(known)) this.complete(this.stmts.patientByRef.get(known) as StoredRow, identity);
        return { ref: known };
      }
    }
    const match = this.findPatient(identity);
    if (match.kind === 'ambiguous') return { error: match.message };
    if (match.kind === 'found') {
      const row = this.complete(match.row, identity);
      if (identity.patientId) {
        this.refById.set(identity.patientId, row.id as number);
        // Still nameless after a row that named them: their name is another patient's, and asking again tells nothing new.
        if (row.name === null && !identity.name) this.unnamed.add(row.id as number);
      }
      return { ref: row.id as number };
    }
    if (!identity.patientId && !identity.name) return null;
    const name = identity.name ?? null;
    const info = this.stmts.insertPatient.run(name, name ? normalizeName(name) : null, identity.patientId, identity.dob);
    const id = Number(info.lastInsertRowid);
    this.changes.created('patients', id);
    if (identity.patientId) {
      this.refById.set(identity.patientId, id);
      if (name === null) this.unnamed.add(id);
    }
    return { ref: id };
  }

  /**
   * What a row tells of a patient the store knows only in part: an ID for a patient known by name, a name for one known
   * by ID alone (an authorizations export of IDs, then appointments with names: the order of imports must not matter,
   * SPEC §4). A name the store already holds is never replaced here (a patients import does that), nor given when another
   * patient has it. Returns the row as stored.
   */
  private complete(row: StoredRow, identity: PatientIdentity): StoredRow {
    const patientId = row.patient_id === null && identity.patientId ? identity.patientId : row.patient_id;
    // Not a name another patient has: a later row naming only that name would then match two patients and be refused.
    let fill: string | null = null;
    if (row.name === null && identity.name) {
      if (this.nameTaken(identity.name, row.id as number)) this.unnamed.delete(row.id as number);
      else fill = identity.name;
    }
    const name = fill ?? row.name;
    if (patientId === row.patient_id && name === row.name) return row;
    const after: StoredRow = { ...row, patient_id: patientId, name, name_key: name === row.name ? row.name_key : normalizeName(name as string) };
    this.changes.record('patients', row.id as number, row, after);
    if (patientId !== row.patient_id) {
      this.stmts.setPatientId.run(patientId, row.id);
      this.gaveId(row.name as string | null, patientId as string);
    }
    if (name !== row.name) {
      this.stmts.setPatientName.run(name, after.name_key, row.id);
      this.unnamed.delete(row.id as number);
    }
    return after;
  }

  /** A patient stored under `name` now has `patientId` (a patients import says so too). */
  gaveId(name: string | null, patientId: string): void {
    if (name !== null) this.idsGiven.push({ name, patientId });
  }

  private nameTaken(name: string, exceptRef: number): boolean {
    return (this.stmts.patientsByName.all(normalizeName(name)) as StoredRow[]).some((r) => r.id !== exceptRef);
  }

  /** Forget a patient row that the caller just changed (patients imports). */
  invalidatePatient(patientId: string | null): void {
    if (patientId) this.refById.delete(patientId);
  }

  clinicianRef(values: Record<string, unknown>): number | null {
    return this.partyRef('clinicians', values.clinician_id as string | null, values.clinician_name as string | null);
  }

  payerRef(values: Record<string, unknown>): number | null {
    return this.partyRef('payers', values.payer_id as string | null, values.payer_name as string | null);
  }

  private partyRef(table: 'clinicians' | 'payers', id: string | null | undefined, name: string | null | undefined): number | null {
    if (!id && !name) return null;
    // The raw cells are looked up first, without building a key: normalizing a name costs a microsecond, and rows
    // repeat the same few.
    let byName = this.rawCache[table].get(id ?? '');
    if (!byName) this.rawCache[table].set(id ?? '', (byName = new Map()));
    const hit = byName.get(name ?? '');
    if (hit !== undefined) return hit;
    const ref = this.resolveParty(table, id, name);
    byName.set(name ?? '', ref);
    return ref;
  }

  private resolveParty(table: 'clinicians' | 'payers', id: string | null | undefined, name: string | null | undefined): number {
    // Payers are organisations: "Blue Cross of MA" must keep its "MA", and no "Last, First" turning applies.
    const keyOf = table === 'payers' ? normalizeOrganizationName : normalizeName;
    const key = id ? `${table}#id#${id}` : `${table}#name#${keyOf(name!)}`;
    const cached = this.partyCache.get(key);
    if (cached !== undefined) return cached;
    let ref: number | undefined;
    if (id) ref = (this.stmts[`${table}ById`].get(id) as { id: number } | undefined)?.id;
    else ref = (this.stmts[`${table}ByName`].get(keyOf(name!)) as { id: number } | undefined)?.id;
    if (ref === undefined) {
      const display = name ? (table === 'payers' ? name.trim().replace(/\s+/g, ' ') : displayName(name)) : null;
      const info = this.stmts[`${table}Insert`].run(display, display ? keyOf(display) : null, id ?? null);
      ref = Number(info.lastInsertRowid);
      this.changes.created(table, ref);
    }
    this.partyCache.set(key, ref);
    return ref;
  }
}
