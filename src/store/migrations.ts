// The store's schema as ordered, named migrations; each runs with its bookkeeping row in one transaction.
import type { Database } from 'better-sqlite3';
import { repairCptCodeLists } from './cpt-code-lists.js';
import { dropAddedCredentials } from './credential-names.js';
import { keyAlertsByPatientId } from './patient-alert-ids.js';

export interface Migration {
  name: string;
  sql: string;
  /** What SQL alone cannot do, run after `sql` in the same transaction. */
  run?: (db: Database) => void;
}

const PARTY = `id INTEGER PRIMARY KEY, name TEXT, name_key TEXT`;

/**
 * The claims billing staff still chase: every status but paid and void. Migration 004 indexes only these (006 widens
 * the index, same condition), so the reports that read only them (aging, alerts) find them without scanning a million
 * paid claims. A query uses the index only when its WHERE has this exact term (`claimChunks` adds it), so it must stay
 * the condition's text in migrations 004 and 006, which stores keep: a test holds them equal. It is a chain of ORs, not `status IN (...)`: SQLite evaluates an
 * index's condition on every row written, and an IN list made a million-row import 1.8 s slower, the ORs 0.2 s.
 */
export const CHASED_CLAIM_STATUSES: readonly string[] = ['submitted', 'pending', 'denied', 'rejected', 'draft'];
export const CHASED_CLAIMS_SQL = `(${CHASED_CLAIM_STATUSES.map((status) => `status = '${status}'`).join(' OR ')})`;

export const MIGRATIONS: readonly Migration[] = [
  {
    name: '001-records',
    sql: `
      CREATE TABLE payers (${PARTY}, payer_id TEXT UNIQUE);
      CREATE INDEX payers_name_key ON payers(name_key);
      CREATE TABLE clinicians (${PARTY}, clinician_id TEXT UNIQUE);
      CREATE INDEX clinicians_name_key ON clinicians(name_key);
      CREATE TABLE patients (
        ${PARTY}, patient_id TEXT UNIQUE, first_name TEXT, last_name TEXT, dob TEXT, email TEXT, phone TEXT,
        contact_name TEXT, payer_ref INTEGER, member_id TEXT, primary_clinician TEXT, location TEXT, status TEXT,
        date_added TEXT, provisional INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX patients_name_key ON patients(name_key);
      CREATE TABLE appointments (
        id INTEGER PRIMARY KEY, appointment_id TEXT UNIQUE, patient_ref INTEGER, clinician_ref INTEGER, payer_ref INTEGER,
        service_date TEXT, start_time TEXT, status TEXT, cpt_code TEXT, units REAL, duration_minutes INTEGER,
        fee INTEGER, client_charge INTEGER, client_paid INTEGER, client_unpaid INTEGER, insurance_charge INTEGER,
        insurance_paid INTEGER, insurance_unpaid INTEGER, insurance_write_off INTEGER, authorization_number TEXT, location TEXT
      );
      CREATE INDEX appointments_visit ON appointments(patient_ref, service_date);
      CREATE TABLE authorizations (
        id INTEGER PRIMARY KEY, authorization_number TEXT UNIQUE, patient_ref INTEGER, clinician_ref INTEGER, payer_ref INTEGER,
        authorized_sessions INTEGER, start_date TEXT, end_date TEXT, cpt_codes TEXT, prior_sessions INTEGER
      );
      CREATE INDEX authorizations_patient ON authorizations(patient_ref, start_date);
      CREATE TABLE claims (
        id INTEGER PRIMARY KEY, claim_id TEXT NOT NULL UNIQUE, payer_claim_id TEXT, patient_ref INTEGER, clinician_ref INTEGER,
        payer_ref INTEGER, service_date TEXT, submitted_date TEXT, billed INTEGER, allowed INTEGER, paid INTEGER,
        patient_responsibility INTEGER, status TEXT, denial_reason TEXT, last_payment_date TEXT
      );
      CREATE TABLE payments (
        id INTEGER PRIMARY KEY, payment_id TEXT NOT NULL UNIQUE, patient_ref INTEGER, payment_date TEXT, type TEXT, method TEXT,
        gross INTEGER, fee INTEGER, net INTEGER, payout_id TEXT, payout_date TEXT, reference TEXT, claim_id TEXT,
        processor TEXT, currency TEXT
      );
      CREATE INDEX payments_payout ON payments(payout_id);
      CREATE TABLE balances (
        id INTEGER PRIMARY KEY, account_id TEXT UNIQUE, patient_ref INTEGER, patient_portion INTEGER, insurance_portion INTEGER,
        total INTEGER, aging_0_30 INTEGER, aging_31_60 INTEGER, aging_61_90 INTEGER, aging_over_90 INTEGER, last_payment_date TEXT
      );
      CREATE INDEX balances_patient ON balances(patient_ref);
    `,
  },
  {
    name: '002-history',
    sql: `
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, command TEXT NOT NULL, user TEXT,
        file TEXT, sha256 TEXT, mapping TEXT, entity TEXT, dry_run INTEGER NOT NULL DEFAULT 0,
        rows INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL,
        rejects_file TEXT, summary TEXT, undone_by INTEGER
      );
      CREATE INDEX runs_sha ON runs(sha256, status);
      -- One row per updated record (before and after), or per range of records a run created (row_id..last_row_id).
      CREATE TABLE run_changes (
        run_id INTEGER NOT NULL, seq INTEGER NOT NULL, table_name TEXT NOT NULL, row_id INTEGER NOT NULL,
        last_row_id INTEGER, before TEXT, after TEXT, PRIMARY KEY (run_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX run_changes_record ON run_changes(table_name, row_id, run_id);
    `,
  },
  {
    name: '003-work',
    sql: `
      CREATE TABLE adjustments (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, target_ref INTEGER NOT NULL, patient_portion INTEGER,
        insurance_portion INTEGER, prior_sessions INTEGER, reason TEXT, source_snapshot TEXT, conflict INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL, cleared_at TEXT
      );
      CREATE TABLE alert_state (
        id TEXT PRIMARY KEY, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, owner TEXT, seen_by_run INTEGER
      );
      -- Every writeback or QuickBooks file is a numbered batch; its items are the payments or payouts it carried, with
      -- what was written (so a later change is a correction), and its files' exact content (so --reissue is byte-identical).
      CREATE TABLE export_batches (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, created_at TEXT NOT NULL, format TEXT, files TEXT NOT NULL, rows INTEGER NOT NULL,
        status TEXT NOT NULL, voided_at TEXT
      );
      CREATE TABLE export_items (
        batch_id INTEGER NOT NULL, item_key TEXT NOT NULL, amount INTEGER, snapshot TEXT, PRIMARY KEY (batch_id, item_key)
      ) WITHOUT ROWID;
      CREATE INDEX export_items_key ON export_items(item_key);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    `,
  },
  {
    name: '004-chased-claims',
    // Written out, not built from CHASED_CLAIMS_SQL: a migration's text never changes once run. 006 replaces this index.
    sql: "CREATE INDEX claims_chased ON claims(status) WHERE (status = 'submitted' OR status = 'pending' OR status = 'denied' OR status = 'rejected' OR status = 'draft');",
  },
  {
    // The alert memory kept in order of its ids: a run looks up every alert by id (alert-state.ts), one seek each
    // rather than one in the id index and a second in the table (844,318 alerts: 1.0-1.1 s against 1.2-1.4). An id
    // can never be null here; a row without one could not have been looked up anyway.
    name: '005-alert-state-by-id',
    sql: `
      CREATE TABLE alert_state_by_id (
        id TEXT PRIMARY KEY, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, owner TEXT, seen_by_run INTEGER
      ) WITHOUT ROWID;
      INSERT INTO alert_state_by_id (id, first_seen, last_seen, owner, seen_by_run)
        SELECT id, first_seen, last_seen, owner, seen_by_run FROM alert_state WHERE id IS NOT NULL;
      DROP TABLE alert_state;
      ALTER TABLE alert_state_by_id RENAME TO alert_state;
    `,
  },
  {
    // The chased claims' index holds every column the alerts and the aging read of them (CLAIM_CHUNK_COLUMNS), so
    // those reads never leave it: each chased claim was a seek into the table, its row on a page of its own among a
    // million paid claims. Realistic bench store: the alerts' read of 51,568 chased claims 83-111 ms against 139-156,
    // the aging report 287-382 ms against 315-431. `id` follows `status` so a chunk of ids is a range in each status.
    // The condition stays the very text of 004 (CHASED_CLAIMS_SQL); a test holds the index's text to it.
    name: '006-chased-claims-covering',
    sql: `
      DROP INDEX IF EXISTS claims_chased;
      CREATE INDEX claims_chased ON claims(
        status, id, claim_id, patient_ref, clinician_ref, payer_ref, service_date, submitted_date, billed, allowed, paid, patient_responsibility
      ) WHERE (status = 'submitted' OR status = 'pending' OR status = 'denied' OR status = 'rejected' OR status = 'draft');
    `,
  },
  {
    // An authorization's CPT codes a JSON list of texts again where a text-typed mapping stored them as typed.
    name: '007-cpt-codes-as-lists',
    sql: '',
    run: repairCptCodeLists,
  },
  {
    // Which records each full export (a mapping with `full_export`) listed, so that a later export of the same mapping
    // lacking one reports it (SPEC §10: reported, not removed). A row per record the mapping has ever listed;
    // `missing_since_run` is the run whose export first lacked it, NULL while it is listed. Runs write it through the
    // change log like any record, so undo restores it.
    name: '008-export-presence',
    sql: `
      CREATE TABLE export_presence (
        id INTEGER PRIMARY KEY, mapping TEXT NOT NULL, table_name TEXT NOT NULL, row_id INTEGER NOT NULL,
        missing_since_run INTEGER, UNIQUE (mapping, table_name, row_id)
      );
      CREATE INDEX export_presence_missing ON export_presence(table_name, missing_since_run) WHERE missing_since_run IS NOT NULL;
    `,
  },
  {
    // Canadian credentials (RCC, RSW, RP, CCC, R.Psych, C.Psych, RMFT) are dropped from names now: names and keys stored
    // with one inside them lose it, so the next export of the same person finds them (credential-names.ts).
    name: '009-canadian-credentials',
    sql: '',
    run: dropAddedCredentials,
  },
  {
    // Alert ids key a patient with a source ID by that ID, not by a hash of the name: remembered alerts are renamed.
    name: '010-alerts-by-patient-id',
    sql: '',
    run: keyAlertsByPatientId,
  },
  {
    // An alert raised but not yet shown (a cron run that printed only the high ones): remembered with its first day
    // and owner, so neither moves between runs, and still new until an `alerts` or `run` lists it.
    name: '011-alerts-pending',
    sql: 'ALTER TABLE alert_state ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;',
  },
  {
    // The id ranges runs created, by their last id, to find the run that created a record with one seek (`lastWriter`):
    // without it, finding the range holding an id walked every change logged for a smaller id of the table, 0.4-0.8 s
    // each on a store that has logged two million updates of appointments. One entry per range, so imports, which log
    // one range per table, do not feel it.
    name: '012-created-ranges',
    sql: 'CREATE INDEX run_changes_created ON run_changes(table_name, last_row_id, row_id) WHERE last_row_id IS NOT NULL;',
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Apply every migration not yet applied, or those of the first `upTo` (a schema version); returns the names applied. */
export function migrate(db: Database, upTo: number = MIGRATIONS.length): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  const done: string[] = [];
  for (const migration of MIGRATIONS.slice(0, upTo)) {
    if (applied.has(migration.name)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.run?.(db);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(migration.name, new Date(0).toISOString());
      db.pragma(`user_version = ${MIGRATIONS.indexOf(migration) + 1}`);
    })();
    done.push(migration.name);
  }
  return done;
}
