// Write one mapped row into its entity's table: find the record by its identity (SPEC §4 "Identity"),
// then insert it, or update only the fields the mapping maps, recording before and after.
import type { Statement } from 'better-sqlite3';
import type { EntityName } from '../domain/entities.js';
import type { FieldValue } from '../mapping/bind-mapping.js';
import { normalizeName } from '../mapping/cells/index.js';
import type { ChangeLog, StoredRow } from './change-log.js';
import type { Store } from './open-store.js';
import { LineIndex } from './line-index.js';
import { PartyResolver, patientIdentity } from './party-resolver.js';
import { keyAlertsOfPatientsGivenIds } from './patient-alert-ids.js';
import { columnSources, ENTITY_KEY_FIELD, ENTITY_TABLE, TABLE_COLUMNS } from './tables.js';

export type ApplyResult =
  | { kind: 'created'; rowId: number; status: string | null }
  | { kind: 'updated'; rowId: number; status: string | null; previousStatus: string | null }
  | { kind: 'unchanged'; rowId: number }
  | { kind: 'duplicate'; rowId: number }
  /** `fields`: the mapped fields the reason is about (the ones the record was looked for by, for a duplicate). */
  | { kind: 'rejected'; fields: string[]; message: string }
  /** A valid row that cannot tell which of its records it is about: left out, with why (no patient data in it). */
  | { kind: 'unmatched'; message: string };

interface Located {
  existing: StoredRow | null;
  /** Set instead of `existing` when the record is keyed by its ID and the insert is tried first (see `insertFirst`). */
  deferredKey?: { column: string; value: unknown };
  /** Columns the identity itself sets (references, keys). */
  keyColumns: StoredRow;
}

/** Records without their own ID, found by what identifies them instead (see locateVisit for the `+`). */
export const VISIT_SQL = 'SELECT * FROM appointments WHERE patient_ref = ? AND service_date = ? AND +appointment_id IS NULL ORDER BY id';
export const AUTHORIZATION_WINDOW_SQL = 'SELECT * FROM authorizations WHERE patient_ref = ? AND start_date = ? AND +authorization_number IS NULL';

export class RecordWriter {
  readonly table: string;
  private readonly parties: PartyResolver;
  /**
   * The columns this file writes, fixed per file, and where each value comes from: a reference or key the identity
   * step resolves (`key`), or a mapped field (`field`). Rows travel as arrays in this order — building an object per
   * row cost more than everything else an import does.
   */
  private readonly sources: { column: string; key?: string; field?: string }[];
  private readonly insert: { sql: string; from: number[] };
  private readonly statusIndex: number;
  /**
   * When the table was empty as the import began (a first import), nearly every row is new: trying the insert and
   * looking the record up only on a key conflict saves a query per row.
   */
  private readonly insertFirst: boolean;
  private readonly mapped: Set<string>;
  private readonly stmts = new Map<string, Map<string, Statement>>();
  /** Records this file already touched → the line that touched them first. */
  private readonly seen = new LineIndex();

  constructor(private readonly db: Store, private readonly entity: EntityName, mappedFields: string[], private readonly changes: ChangeLog) {
    this.table = ENTITY_TABLE[entity];
    this.parties = new PartyResolver(db, changes);
    this.mapped = new Set(mappedFields);
    const sources = columnSources(entity, mappedFields);
    this.sources = sources;
    const insertColumns = TABLE_COLUMNS[this.table].filter((c) => c !== 'id');
    this.insert = {
      sql: `INSERT INTO ${this.table} (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')})`,
      from: insertColumns.map((c) => sources.findIndex((s) => s.column === c)),
    };
    this.statusIndex = sources.findIndex((s) => s.column === 'status');
    this.insertFirst = entity !== 'patients' && db.prepare(`SELECT 1 FROM ${this.table} LIMIT 1`).get() === undefined;
  }

  /** The store columns this writer writes: what the run history keeps of a run, so a merge knows what it left empty. */
  get columns(): string[] {
    return this.sources.map((source) => source.column);
  }

  /** The records this file listed so far (created, updated, unchanged or repeated), by the line that listed each first. */
  get listed(): LineIndex {
    return this.seen;
  }

  apply(values: Record<string, FieldValue>, line: number): ApplyResult {
    const located = this.locate(values);
    if ('unmatched' in located) return { kind: 'unmatched', message: located.unmatched };
    if ('error' in located) return { kind: 'rejected', fields: [located.field], message: located.error };
    const { keyColumns } = located;
    let { existing } = located;
    const sources = this.sources;
    const incoming: unknown[] = new Array(sources.length);
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i];
      incoming[i] = source.key !== undefined ? (keyColumns[source.key] ?? null) : toStored(values[source.field!]);
    }
    const status = this.statusIndex >= 0 ? ((incoming[this.statusIndex] as string | null) ?? null) : null;
    if (located.deferredKey) {
      const params = this.insertParams(incoming);
      const { column, value } = located.deferredKey;
      const info = this.statement('insert-first', () => `${this.insert.sql} ON CONFLICT(${column}) DO NOTHING`, column).run(params);
      if (info.changes === 1) return this.created(Number(info.lastInsertRowid), line, status);
      existing = this.byColumn(column, value);
    }

    if (existing) {
      const rowId = existing.id as number;
      const changed: number[] = [];
      for (let i = 0; i < sources.length; i++) if (!sameValue(existing[sources[i].column], incoming[i])) changed.push(i);
      // The stored row already holds what the earlier line wrote, so "identical" is simply "no change".
      const earlierLine = this.seen.get(rowId);
      if (earlierLine !== undefined) {
        if (changed.length === 0) return { kind: 'duplicate', rowId };
        return { kind: 'rejected', fields: this.identityFields(values), message: `duplicate of line ${earlierLine} (same ${this.keyDescription()}) with different content` };
      }
      this.seen.set(rowId, line);
      const completesProvisional = this.table === 'patients' && existing.provisional === 1;
      if (changed.length === 0 && !completesProvisional) return { kind: 'unchanged', rowId };
      const after: StoredRow = { ...existing };
      for (const i of changed) after[sources[i].column] = incoming[i];
      const columns = changed.map((i) => sources[i].column);
      if (this.table === 'patients') {
        after.provisional = 0;
        if (completesProvisional) columns.push('provisional');
        this.parties.invalidatePatient(existing.patient_id as string | null);
        if (existing.patient_id === null && after.patient_id) this.parties.gaveId(existing.name as string | null, after.patient_id as string);
      }
      const set = columns.join(', ');
      this.statement('update', () => `UPDATE ${this.table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, set)
        .run(...columns.map((c) => after[c] as never), rowId);
      this.changes.record(this.table, rowId, existing, after);
      return { kind: 'updated', rowId, status: (after.status as string) ?? null, previousStatus: (existing.status as string) ?? null };
    }

    const info = this.statement('insert', () => this.insert.sql).run(this.insertParams(incoming));
    return this.created(Number(info.lastInsertRowid), line, status);
  }

  /** Before the import commits: alerts remembered under the names of patients it gave an ID move to the ID. */
  finish(): void {
    keyAlertsOfPatientsGivenIds(this.db, this.parties.idsGiven);
  }

  private insertParams(incoming: unknown[]): unknown[] {
    const from = this.insert.from;
    const params: unknown[] = new Array(from.length);
    for (let c = 0; c < from.length; c++) params[c] = from[c] >= 0 ? incoming[from[c]] : null;
    if (this.table === 'patients') params[TABLE_COLUMNS.patients.indexOf('provisional') - 1] = 0;
    return params;
  }

  private created(rowId: number, line: number, status: string | null): ApplyResult {
    this.seen.set(rowId, line);
    this.changes.created(this.table, rowId);
    return { kind: 'created', rowId, status };
  }

  /**
   * Prepared once per file, under a key that is cheap to build on every row: `kind` is a constant, `detail` a column
   * name or list the file fixes.
   */
  private statement(kind: string, sql: () => string, detail = ''): Statement {
    let byDetail = this.stmts.get(kind);
    if (!byDetail) this.stmts.set(kind, (byDetail = new Map()));
    let stmt = byDetail.get(detail);
    if (!stmt) {
      stmt = this.db.prepare(sql());
      byDetail.set(detail, stmt);
    }
    return stmt;
  }

  private byColumn(column: string, value: unknown): StoredRow | null {
    return (this.statement('by', () => `SELECT * FROM ${this.table} WHERE ${column} = ?`, column).get(value) as StoredRow | undefined) ?? null;
  }

  private has(field: string): boolean {
    return this.mapped.has(field);
  }

  private keyField(): string {
    return ENTITY_KEY_FIELD[this.entity];
  }

  private keyDescription(): string {
    const field = this.keyField();
    if (this.has(field)) return field.replace(/_/g, ' ');
    return { patients: 'patient', appointments: 'patient, clinician, date and time', authorizations: 'patient and start date', claims: 'claim ID', payments: 'payment ID', balances: 'patient' }[this.entity];
  }

  /**
   * The fields of this row its record was found by: its ID, else what identifies a record without one (SPEC §4). A
   * duplicate names them, so that its reject points at the file's columns that hold the repeated key, not at an ID
   * field the mapping may not even read (a SimplePractice client export has only the client's name).
   */
  private identityFields(values: Record<string, FieldValue>): string[] {
    const key = this.keyField();
    if (filled(values[key])) return [key];
    const patient = patientIdentityFields(values);
    switch (this.entity) {
      case 'appointments': {
        const clinician = filled(values.clinician_id) ? ['clinician_id'] : filled(values.clinician_name) ? ['clinician_name'] : [];
        const time = this.has('start_time') && filled(values.start_time) ? ['start_time'] : [];
        return [...patient, ...clinician, 'service_date', ...time];
      }
      case 'authorizations':
        return [...patient, 'start_date'];
      default:
        // Patients and balances; claims and payments without their ID were refused before any duplicate.
        return patient;
    }
  }

  private locate(values: Record<string, FieldValue>): Located | { error: string; field: string } | { unmatched: string } {
    if (this.entity === 'patients') return this.locatePatient(values);
    const keyColumns: StoredRow = {};
    const identity = patientIdentity(values);
    let patientRef: number | null = null;
    if (identity.patientId || identity.name) {
      const resolved = this.parties.patientRef(identity);
      if (resolved && 'error' in resolved) return { error: resolved.error, field: identity.patientId ? 'patient_id' : 'patient_name' };
      patientRef = resolved?.ref ?? null;
      keyColumns.patient_ref = patientRef;
    }
    if (this.has('clinician_id') || this.has('clinician_name')) keyColumns.clinician_ref = this.parties.clinicianRef(values);
    if (this.has('payer_id') || this.has('payer_name')) keyColumns.payer_ref = this.parties.payerRef(values);

    const keyField = this.keyField();
    const key = values[keyField];
    if (key !== null && key !== undefined && key !== '') {
      keyColumns[keyField] = key;
      if (this.insertFirst) return { existing: null, deferredKey: { column: keyField, value: key }, keyColumns };
      return { existing: this.byColumn(keyField, key), keyColumns };
    }
    const needs = (field: string, what: string) => ({ error: `no ${what}: this row cannot be matched to a record`, field });
    switch (this.entity) {
      case 'claims':
        return needs('claim_id', 'claim ID');
      case 'payments':
        return needs('payment_id', 'payment ID');
      case 'balances':
        if (patientRef === null) return needs('account_id', 'account ID or patient');
        return { existing: this.byColumn('patient_ref', patientRef), keyColumns };
      case 'authorizations': {
        if (patientRef === null || !values.start_date) return needs('authorization_number', 'authorization number, nor patient and start date');
        const row = this.statement('auth:visit', () => AUTHORIZATION_WINDOW_SQL)
          .get(patientRef, values.start_date) as StoredRow | undefined;
        return { existing: row ?? null, keyColumns };
      }
      case 'appointments':
        return this.locateVisit(values, keyColumns, patientRef);
    }
  }

  /** An appointment without an ID: the same patient, clinician, date, and start time when both sides know it. */
  private locateVisit(values: Record<string, FieldValue>, keyColumns: StoredRow, patientRef: number | null): Located | { error: string; field: string } | { unmatched: string } {
    if (patientRef === null) return { error: 'no appointment ID nor patient: this row cannot be matched to an appointment', field: 'patient_name' };
    if (!values.service_date) return { error: 'no appointment ID nor service date: this row cannot be matched to an appointment', field: 'service_date' };
    // `+appointment_id`: without it SQLite picks the unique index on appointment_id, in which every row without an ID
    // is a NULL entry to scan, instead of the (patient_ref, service_date) index.
    const candidates = this.statement('visit', () => VISIT_SQL).all(patientRef, values.service_date) as StoredRow[];
    const clinicianRef = 'clinician_ref' in keyColumns ? (keyColumns.clinician_ref as number | null) : undefined;
    const found = sameVisit(candidates, clinicianRef, this.has('start_time') ? (values.start_time as string | null) : null);
    if ('twoTimed' in found) {
      const [a, b] = found.twoTimed;
      // Two sessions that day with times (from a report that has them), and an export with none (SimplePractice's
      // attendance report): which is which is unknown. The row is left out rather than the file refused, every week.
      // An export that has times but left this row's empty is refused, naming the cell.
      if (!this.has('start_time')) return { unmatched: `two appointments that day (records #${a.id} and #${b.id}) and no start time in this export to tell them apart` };
      return { error: `two appointments that day match (records #${a.id} and #${b.id}) and this row has no start time`, field: 'start_time' };
    }
    return { existing: found.match ?? null, keyColumns };
  }

  private locatePatient(values: Record<string, FieldValue>): Located | { error: string; field: string } {
    const identity = patientIdentity(values);
    if (!identity.patientId && !identity.name) return { error: 'no patient ID nor name: this row cannot be matched to a patient', field: 'patient_name' };
    const match = this.parties.findPatient(identity);
    if (match.kind === 'ambiguous') return { error: match.message, field: 'patient_name' };
    const keyColumns: StoredRow = {};
    if (identity.patientId) keyColumns.patient_id = identity.patientId;
    if (identity.name) {
      keyColumns.name = identity.name;
      keyColumns.name_key = normalizeName(identity.name);
    }
    if (this.has('payer_id') || this.has('payer_name')) keyColumns.payer_ref = this.parties.payerRef(values);
    return { existing: match.kind === 'found' ? match.row : null, keyColumns };
  }
}

/**
 * Which of a patient's appointments without an ID on one day (`VISIT_SQL`) an appointment is, by SPEC §4: the same
 * clinician (either side not knowing it matches; `clinicianRef` undefined: the export has no clinician), and the same
 * start time when both sides know it. An untimed appointment among two timed ones that day is either: `twoTimed`.
 */
export function sameVisit(candidates: readonly StoredRow[], clinicianRef: number | null | undefined, time: string | null): { match: StoredRow | undefined } | { twoTimed: [StoredRow, StoredRow] } {
  const possible = candidates.filter((r) => clinicianRef === undefined || clinicianRef === null || r.clinician_ref === null || r.clinician_ref === clinicianRef);
  if (time) return { match: possible.find((r) => r.start_time === time) ?? possible.find((r) => r.start_time === null) };
  if (possible.length <= 1) return { match: possible[0] };
  const untimed = possible.find((r) => r.start_time === null);
  return untimed ? { match: untimed } : { twoTimed: [possible[0], possible[1]] };
}

/** The patient fields a row is matched by, as `findPatient` uses them: the ID, else the name (and birth date). */
function patientIdentityFields(values: Record<string, FieldValue>): string[] {
  if (filled(values.patient_id)) return ['patient_id'];
  const name = filled(values.patient_name) ? ['patient_name'] : ['patient_first_name', 'patient_last_name'].filter((f) => filled(values[f]));
  return filled(values.patient_dob) ? [...name, 'patient_dob'] : name;
}

function filled(value: FieldValue | undefined): boolean {
  return value !== null && value !== undefined && value !== '';
}

function toStored(value: FieldValue | undefined): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return JSON.stringify(value);
  return typeof value === 'boolean' ? Number(value) : value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a === null && b === undefined) || (a === undefined && b === null);
}
