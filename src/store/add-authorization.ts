// `auth add`: an authorization entered by hand (SimplePractice has no authorization export), written like an imported
// row — same identity rules, same history — so `undo` reverts it and a later export of it updates the same record.
import { fail } from '../errors.js';
import type { FieldValue } from '../mapping/bind-mapping.js';
import { makeDateParser, parseList } from '../mapping/cells/index.js';
import { manualRun } from './manual-run.js';
import type { Store } from './open-store.js';
import { RecordWriter } from './record-writer.js';

export interface ManualAuthorization {
  patient: string;
  number?: string;
  payer?: string;
  clinician?: string;
  sessions: string;
  start: string;
  end?: string;
  cpt?: string;
  priorSessions?: string;
}

const parseDate = makeDateParser(['yyyy-MM-dd', 'MM/dd/yyyy']);

/** `outcome`: what the run did to the authorization; `unchanged` when it already held every value given. */
export function addAuthorization(ctx: { db: Store; attemptsFile: string; now: () => Date }, input: ManualAuthorization): { run: number; id: number; outcome: 'created' | 'updated' | 'unchanged' } {
  const date = (value: string, flag: string) => {
    const parsed = parseDate(value.trim());
    if (!parsed.ok) fail('usage', `${flag}: "${value}" is not ${parsed.expected}`);
    return parsed.value;
  };
  const count = (value: string, flag: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) fail('usage', `${flag}: "${value}" is not a whole number of sessions`);
    return n;
  };
  const byId = ctx.db.prepare('SELECT 1 FROM patients WHERE patient_id = ?').get(input.patient) !== undefined;
  const values: Record<string, FieldValue> = {
    [byId ? 'patient_id' : 'patient_name']: input.patient,
    authorized_sessions: count(input.sessions, '--sessions'),
    start_date: date(input.start, '--start'),
  };
  if (input.number) values.authorization_number = input.number.trim();
  // An option given empty (`--end ""`) clears what an earlier `auth add` or import set: open-ended, any clinician,
  // any code, no payer. An option left out keeps it.
  const given = (value: string | undefined) => (value === undefined ? undefined : value.trim());
  const end = given(input.end);
  if (end !== undefined) values.end_date = end === '' ? null : date(end, '--end');
  if (values.end_date && (values.end_date as string) < (values.start_date as string)) fail('usage', `--end ${input.end} is before --start ${input.start}`);
  const payer = given(input.payer);
  if (payer !== undefined) values.payer_name = payer === '' ? null : payer;
  const clinician = given(input.clinician);
  if (clinician !== undefined) values.clinician_name = clinician === '' ? null : clinician;
  const cpt = given(input.cpt);
  if (cpt !== undefined) {
    const codes = parseList(cpt, ',');
    values.cpt_codes = codes.ok && codes.value.length > 0 ? codes.value : null;
  }
  if (input.priorSessions !== undefined) values.prior_sessions = count(input.priorSessions, '--prior-sessions');

  const { run, result } = manualRun(ctx.db, ctx.attemptsFile, { command: 'auth add', now: ctx.now }, (log) => {
    const patientsBefore = countPatients(ctx.db);
    const numbered = values.authorization_number
      ? (ctx.db.prepare('SELECT id, patient_ref FROM authorizations WHERE authorization_number = ?').all(values.authorization_number) as { id: number; patient_ref: number | null }[])
      : [];
    const writer = new RecordWriter(ctx.db, 'authorizations', Object.keys(values), log);
    const outcome = writer.apply(values, 1);
    if (outcome.kind === 'rejected') fail('input_rejected', `the authorization was not added: ${outcome.message}`);
    if (outcome.kind === 'duplicate' || outcome.kind === 'unmatched') fail('internal', `an authorization cannot be ${outcome.kind}`);
    // Failing here rolls the whole run back. A typed name or ID the store does not know would otherwise become a new
    // patient with no appointments, whose authorization then counts no sessions and warns every week.
    if (countPatients(ctx.db) > patientsBefore) {
      // The value is not repeated: it may be a name, and errors are logged.
      fail('usage', '--patient: no patient in the store has that ID or name; give the ID, or the name as the client export has it (import the client list first)');
    }
    const before = numbered.find((auth) => auth.id === outcome.rowId);
    const after = ctx.db.prepare('SELECT patient_ref FROM authorizations WHERE id = ?').pluck().get(outcome.rowId) as number | null;
    if (before && before.patient_ref !== after) {
      fail('usage', `authorization ${values.authorization_number as string} belongs to another patient (patient #${before.patient_ref ?? '?'}); auth add does not move it: check the number, or undo the run that added it`);
    }
    const created = outcome.kind === 'created';
    return {
      result: { id: outcome.rowId, outcome: outcome.kind },
      counts: { created: created ? 1 : 0, updated: outcome.kind === 'updated' ? 1 : 0, entity: 'authorizations' },
      // What this run wrote, as an import's summary says it (merge-patients.ts reads it).
      summary: { columns: writer.columns },
    };
  });
  return { run, ...result };
}

function countPatients(db: Store): number {
  return db.prepare('SELECT count(*) FROM patients').pluck().get() as number;
}

export interface AuthorizationListing {
  authorization_number: string | null;
  patient: string;
  payer: string | null;
  clinician: string | null;
  authorized_sessions: number | null;
  prior_sessions: number | null;
  start_date: string | null;
  end_date: string | null;
  cpt_codes: string[];
  adjustment: number | null;
}

export function listAuthorizations(db: Store): AuthorizationListing[] {
  const rows = db.prepare(`
    SELECT a.authorization_number, COALESCE(p.name, p.patient_id) AS patient, py.name AS payer, c.name AS clinician, a.authorized_sessions,
      COALESCE(adj.prior_sessions, a.prior_sessions) AS prior_sessions, a.start_date, a.end_date, a.cpt_codes, adj.id AS adjustment
    FROM authorizations a
    LEFT JOIN patients p ON p.id = a.patient_ref
    LEFT JOIN payers py ON py.id = a.payer_ref
    LEFT JOIN clinicians c ON c.id = a.clinician_ref
    LEFT JOIN (SELECT target_ref, MAX(id) AS id FROM adjustments WHERE kind = 'auth' AND cleared_at IS NULL GROUP BY target_ref) last ON last.target_ref = a.id
    LEFT JOIN adjustments adj ON adj.id = last.id
    ORDER BY patient, a.start_date`).all() as (Omit<AuthorizationListing, 'cpt_codes'> & { cpt_codes: string | null })[];
  return rows.map((r) => ({ ...r, cpt_codes: r.cpt_codes ? (JSON.parse(r.cpt_codes) as string[]) : [] }));
}
