// What the store remembers of alerts (SPEC §7): when each was first seen, its owner, and how far the owners'
// round-robin has gone — so ids stay stable, `new` means new, and a claim keeps its owner across runs.
import type { AlertRecall, AlertsReport, Recalled } from '../alerts/index.js';
import type { Store } from './open-store.js';

const ROTATION_KEY = 'alerts.rotation_offset';

export interface AlertMemory {
  recall: AlertRecall;
  rotationOffset: number;
}

/**
 * What the store remembers. `recall` looks up every alert of a run in one query: SQLite seeking each id in the table's
 * key is faster than reading every remembered alert into a map and looking them up there (a store remembers every
 * alert it has shown; 844,318 alerts: 1.0-1.1 s against 2.0 s, 77,873: 90-120 ms against 130-230).
 */
export function loadAlertMemory(db: Store): AlertMemory {
  const offset = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(ROTATION_KEY) as string | undefined;
  return { recall: (ids) => recallAlerts(db, ids), rotationOffset: offset ? Number(offset) : 0 };
}

const RECALL_SQL = `SELECT json_group_array(alert_state.first_seen ORDER BY ids.key), json_group_array(alert_state.owner ORDER BY ids.key)
  FROM json_each(?) AS ids LEFT JOIN alert_state ON alert_state.id = ids.value`;

function recallAlerts(db: Store, ids: readonly string[]): Recalled {
  if (ids.length === 0) return { firstSeen: [], owner: [] };
  const [firstSeens, owners] = db.prepare(RECALL_SQL).raw().get(JSON.stringify(ids)) as [string, string];
  // first_seen is never null in the table: null is an id it does not hold.
  return { firstSeen: JSON.parse(firstSeens) as (string | null)[], owner: JSON.parse(owners) as (string | null)[] };
}

/** Mark every alert of this report as seen (by `alerts` or `run`), keeping first_seen and owners. */
export function rememberAlerts(db: Store, report: AlertsReport, asOf: string, memory: AlertMemory): void {
  const upsert = db.prepare(`INSERT INTO alert_state (id, first_seen, last_seen, owner) VALUES (?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET last_seen = excluded.last_seen, owner = COALESCE(alert_state.owner, excluded.owner)`);
  db.transaction(() => {
    for (const row of report.rows) upsert.run(row.id, row.first_seen, asOf, row.owner ?? null);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(ROTATION_KEY, String(memory.rotationOffset + report.roundRobinAssigned));
  })();
}
