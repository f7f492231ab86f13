// The report builder reads only the claims a report can be about (aging: unresolved; alerts: alerting statuses;
// unbilled: claims on the days of sessions that could be unbilled). Each report must be exactly what the pure
// computation gives over every row of the store.
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALERTING_CLAIM_STATUSES, claimAlerts } from '../../src/alerts/claim-alerts.js';
import { computeAlerts, recallFrom } from '../../src/alerts/index.js';
import { computeAging } from '../../src/compute/aging.js';
import { computeBalances } from '../../src/compute/balances.js';
import { computeClaims } from '../../src/compute/claims.js';
import { computeSessions } from '../../src/compute/sessions.js';
import { computeUnbilled } from '../../src/compute/unbilled.js';
import { CLAIM_STATUSES } from '../../src/domain/entities.js';
import { ReportBuilder } from '../../src/report/build-reports.js';
import { StoreInputs } from '../../src/store/load-inputs.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { loadConfig } from '../../src/workspace/load-config.js';
import { config as testConfig } from '../compute/builders.js';
import { practiceWorkspace } from '../helpers/cli.js';

let db: Store;
let ws = '';
const asOf = '2026-03-01';

beforeAll(async () => {
  ws = await practiceWorkspace();
  db = openStore(path.join(ws, 'practice-sync.db'));
  return () => db.close();
});

describe('reports read only the claims they can be about', () => {
  it('aging, unbilled and alerts equal the computation over every stored row', () => {
    const config = loadConfig(path.join(ws, 'practice-sync.json'));
    const all = new StoreInputs(db);
    const claims = all.claims();
    const appointments = all.appointments();
    const patients = all.patients();
    const authorizations = all.authorizations();
    const builder = () => new ReportBuilder({ db, config, asOf });

    expect(builder().build('aging')).toEqual(computeAging({ claims, asOf, config }));
    for (const filter of [{ payer: 'aetna' }, { clinician: 'a' }, { patient: 'e' }]) {
      const narrowed = new ReportBuilder({ db, config, asOf, filter }).build('aging');
      expect(narrowed.rows.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(narrowed).toEqual(computeAging({ claims: all.claims(filter), asOf, config }));
    }
    const unbilled = computeUnbilled({ appointments, claims, patients, asOf, config });
    expect(unbilled.rows.length).toBeGreaterThan(0);
    expect(builder().build('unbilled')).toEqual(unbilled);

    const expected = computeAlerts({
      sessions: computeSessions({ authorizations, appointments, asOf, config }),
      claims: computeClaims({ claims, asOf, config }),
      unbilled,
      balances: computeBalances({ balances: all.balances(), adjustments: all.balanceAdjustments(), appointments, patients, asOf }),
      authorizations, appointments, asOf, config, rotationOffset: 0,
    });
    expect(builder().alerts({ recall: recallFrom(new Map()), rotationOffset: 0 })).toEqual(expected);
  });

  it('a store with no claims still says unbilled sessions were not checked', () => {
    const config = loadConfig(path.join(ws, 'practice-sync.json'));
    db.exec('BEGIN');
    try {
      db.exec('DELETE FROM claims');
      expect(new ReportBuilder({ db, config, asOf }).build('unbilled').notes).toEqual([
        'Unbilled sessions were not checked: the store holds no claims yet. Import a claims export to check them.',
      ]);
    } finally {
      db.exec('ROLLBACK');
    }
  });

  it('no claim outside ALERTING_CLAIM_STATUSES ever raises an alert', () => {
    const quiet = CLAIM_STATUSES.filter((s) => !ALERTING_CLAIM_STATUSES.includes(s));
    expect(quiet.length).toBeGreaterThan(0);
    const config = testConfig();
    const row = fc.record({
      claim_id: fc.constant('CLM-1'),
      status: fc.constantFrom(...quiet),
      days_outstanding: fc.option(fc.integer({ min: 0, max: 2000 })),
      outstanding: fc.integer({ min: 0, max: 10_000_00 }),
      billed: fc.integer({ min: 0, max: 10_000_00 }),
      service_date: fc.constantFrom('2025-01-02', '2026-02-27', null),
      filing_deadline: fc.constantFrom('2025-03-01', '2026-03-02', null),
      payer_name: fc.constantFrom('Aetna', null),
    });
    fc.assert(fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
      const report = { report: 'claims', asOf, columns: [], rows, totals: {}, notes: [] };
      return claimAlerts(report, asOf, config).length === 0;
    }));
  });
});
