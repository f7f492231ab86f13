// Build any report of SPEC §6 from the store: load the inputs it needs, filtered, then the pure computation.
import { computeAlerts, type AlertsReport } from '../alerts/index.js';
import { ALERTING_CLAIM_STATUSES } from '../alerts/claim-alerts.js';
import { computeAging } from '../compute/aging.js';
import { computeBalances } from '../compute/balances.js';
import { ClaimRows, claimRow, computeClaims } from '../compute/claims.js';
import { computeSessions } from '../compute/sessions.js';
import { computeUnbilled, sessionsToCheck } from '../compute/unbilled.js';
import type { AppointmentInput, PatientInput } from '../compute/types.js';
import { fail } from '../errors.js';
import type { AlertMemory } from '../store/alert-state.js';
import { blankClaim, CLAIM_CHUNK_COLUMNS, isFiltered, passes, readClaim, type ClaimColumns } from '../store/claim-rows.js';
import { parseChunk } from '../store/json-chunks.js';
import { pendingRenames } from '../store/likely-renames.js';
import { StoreInputs, type InputFilter } from '../store/load-inputs.js';
import type { Store } from '../store/open-store.js';
import type { Config } from '../workspace/config-schema.js';
import { missingNotes } from './missing-notes.js';
import type { Report, ReportRow } from './model.js';
import type { ReportPiece, StreamFormat } from './render-report.js';
import { streamClaimsReport, writeClaimsReportFile, type ClaimsJob } from './stream-claims.js';

export const REPORT_NAMES = ['sessions', 'claims', 'aging', 'balances', 'unbilled', 'alerts', 'runs'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/**
 * The tables whose records missing from full exports each report notes (SPEC §10). The balances report flags its own
 * rows (`missing_from_export`) and writes its note in computeBalances.
 */
const MISSING_NOTED: Record<Exclude<ReportName, 'alerts' | 'runs'>, string[]> = {
  sessions: ['authorizations'],
  claims: ['claims'],
  aging: ['claims'],
  balances: [],
  unbilled: [],
};

export interface ReportOptions {
  db: Store;
  config: Config;
  asOf: string;
  filter?: InputFilter;
  /** claims: keep open, denied and rejected ones. */
  openOnly?: boolean;
}

export class ReportBuilder {
  private readonly inputs: StoreInputs;

  constructor(private readonly options: ReportOptions) {
    this.inputs = new StoreInputs(options.db);
  }

  /** One report, every input read from the same state of the store. */
  build(name: Exclude<ReportName, 'alerts' | 'runs'>): Report {
    return this.inputs.snapshot(() => {
      const report = this.compute(name);
      report.notes.push(...missingNotes(this.inputs.missingFromExports(), MISSING_NOTED[name]));
      return report;
    });
  }

  private compute(name: Exclude<ReportName, 'alerts' | 'runs'>): Report {
    const { config, asOf, filter = {} } = this.options;
    switch (name) {
      case 'sessions':
        // Matched over all the patients' authorizations, listed by the filter: an appointment counts toward the one it
        // would count toward unfiltered (SPEC §6, the latest start), even when `--payer` leaves that one out.
        return computeSessions({
          authorizations: this.inputs.authorizations({ patient: filter.patient }), appointments: this.inputs.appointments({ patient: filter.patient }), asOf, config,
          listed: isFiltered(filter) ? (auth) => passes(filter, auth.patientName, auth.clinicianName, auth.payerName, auth.patientId) : undefined,
        });
      case 'claims':
        return computeClaims({ claims: this.inputs.claims(filter), asOf, config, openOnly: this.options.openOnly });
      case 'aging':
        return computeAging({ claims: this.inputs.agingClaims(filter), asOf, config });
      case 'balances':
        return computeBalances({ balances: this.inputs.balances(filter), adjustments: this.inputs.balanceAdjustments(), appointments: this.inputs.appointments({ patient: filter.patient }), patients: this.inputs.patients(filter), asOf });
      case 'unbilled':
        return this.unbilled(this.inputs.appointments(filter), this.inputs.patients());
      default:
        return fail('usage', `no report named "${name as string}"; reports: ${REPORT_NAMES.join(', ')}`);
    }
  }

  /** The claims report as CSV or JSON text, streamed to `write` a chunk of claims at a time (stream-claims.ts). */
  streamClaims(format: StreamFormat, write: (piece: ReportPiece) => void): Promise<{ rows: number }> {
    return streamClaimsReport(this.inputs, this.claimsJob(format), write);
  }

  /** The claims report streamed into `file`, which appears whole or not at all. */
  writeClaims(format: StreamFormat, file: string): Promise<{ rows: number }> {
    return writeClaimsReportFile(this.inputs, this.claimsJob(format), file);
  }

  private claimsJob(format: StreamFormat): ClaimsJob {
    const { config, asOf, filter = {}, openOnly = false } = this.options;
    return { asOf, config, filter, openOnly, format };
  }

  /** Unbilled sessions, reading only the claims dated on the days of sessions that could be unbilled. */
  private unbilled(appointments: AppointmentInput[], patients: PatientInput[]): Report {
    const { config, asOf } = this.options;
    const candidates = sessionsToCheck({ appointments, patients, asOf, config });
    const claims = this.inputs.claimsOnDays(candidates.map(({ appointment }) => appointment));
    return computeUnbilled({ appointments, claims, undatedClaims: this.inputs.undatedClaims(), candidates, patients, asOf, config });
  }

  /**
   * The claims report's rows of the claims that can raise an alert, streamed a chunk at a time as the alert rules read
   * them: none of them is kept, neither as an input nor as a row (the stress store chases 625,000 claims). Read inside
   * `snapshot`.
   */
  private *chasedClaimRows(): Generator<ReportRow> {
    const { asOf, config } = this.options;
    const lookups = this.inputs.maps;
    const claimRows = new ClaimRows(asOf, config);
    const claim = blankClaim();
    for (const texts of this.inputs.claimChunks(CLAIM_CHUNK_COLUMNS, ALERTING_CLAIM_STATUSES).texts) {
      const columns = parseChunk<ClaimColumns>(texts);
      for (let row = 0; row < columns[0].length; row++) {
        if (readClaim(columns, row, lookups, {}, claim)) yield claimRow(claimRows.add(claim)!);
      }
    }
  }

  /** Every alert, computed over the whole store (filters narrow what is shown, not what is remembered). */
  alerts(memory: AlertMemory): AlertsReport {
    return this.inputs.snapshot(() => {
      const report = this.computeAlerts(memory);
      report.notes.push(...missingNotes(this.inputs.missingFromExports(), ['claims', 'balances']));
      // A likely rename a quiet cron import named: the Monday alerts say it again until the two are one.
      for (const { newPatient, earlierPatient } of pendingRenames(this.options.db)) {
        report.notes.push(`patient #${newPatient} holds the same sessions as patient #${earlierPatient}, as an appointment import found: if it is one client renamed in the PMS, ` +
          `the balances, unbilled sessions and alerts count them twice; make them one with: practice-sync patients merge "#${earlierPatient}" --into "#${newPatient}"`);
      }
      return report;
    });
  }

  private computeAlerts(memory: AlertMemory): AlertsReport {
    const { config, asOf } = this.options;
    const authorizations = this.inputs.authorizations();
    const appointments = this.inputs.appointments();
    const patients = this.inputs.patients();
    return computeAlerts({
      // The alerts sort what they raise: the sessions and balances rows they read need no order of their own.
      sessions: computeSessions({ authorizations, appointments, asOf, config, unsorted: true }),
      claims: { rows: this.chasedClaimRows(), missing: this.inputs.claimsMissingFromExports() },
      unbilled: this.unbilled(appointments, patients),
      balances: computeBalances({ balances: this.inputs.balances(), adjustments: this.inputs.balanceAdjustments(), appointments, patients, asOf, unsorted: true }),
      authorizations,
      appointments,
      asOf,
      config,
      recall: memory.recall,
      rotationOffset: memory.rotationOffset,
    });
  }
}
