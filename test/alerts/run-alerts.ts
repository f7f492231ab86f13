// Test helper: compute every report from input rows, then the alerts over them, as the CLI will.
import { computeAlerts, recallFrom, type RememberedAlert } from '../../src/alerts/index.js';
import { computeBalances } from '../../src/compute/balances.js';
import { computeClaims } from '../../src/compute/claims.js';
import { computeSessions } from '../../src/compute/sessions.js';
import type { AppointmentInput, AuthorizationInput, BalanceAdjustmentInput, BalanceInput, ClaimInput, PatientInput } from '../../src/compute/types.js';
import { computeUnbilled } from '../../src/compute/unbilled.js';
import type { ReportRow } from '../../src/report/model.js';
import type { Config } from '../../src/workspace/config-schema.js';
import { config as defaults } from '../compute/builders.js';

export interface Data {
  authorizations?: AuthorizationInput[];
  appointments?: AppointmentInput[];
  claims?: ClaimInput[];
  patients?: PatientInput[];
  balances?: BalanceInput[];
  adjustments?: BalanceAdjustmentInput[];
}

export function runAlerts(data: Data, asOf: string, options: { config?: Config; previous?: Map<string, RememberedAlert>; rotationOffset?: number } = {}) {
  const config = options.config ?? defaults();
  const { authorizations = [], appointments = [], claims = [], patients = [], balances = [], adjustments = [] } = data;
  return computeAlerts({
    sessions: computeSessions({ authorizations, appointments, asOf, config }),
    claims: computeClaims({ claims, asOf, config }),
    unbilled: computeUnbilled({ appointments, claims, patients, asOf, config }),
    balances: computeBalances({ balances, adjustments, appointments, patients, asOf }),
    authorizations,
    appointments,
    asOf,
    config,
    recall: recallFrom(options.previous ?? new Map()),
    rotationOffset: options.rotationOffset,
  });
}

/** What the store would remember after a run: first_seen and owner by id. */
export function remember(rows: ReportRow[]): Map<string, RememberedAlert> {
  return new Map(rows.map((row) => [row.id as string, { firstSeen: row.first_seen as string, owner: (row.owner as string | null) ?? null }]));
}

export function pick(rows: ReportRow[], ...keys: string[]): unknown[][] {
  return rows.map((row) => keys.map((key) => row[key]));
}
