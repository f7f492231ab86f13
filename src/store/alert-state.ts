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

// The positions come back too: a LEFT JOIN's rows come in the order of its left side, json_each's array order, but SQL
// does not promise it, and an aggregate `ORDER BY` to make sure sorted every row again (77,873 alerts: 110-150 ms
// against 60-70 without). So the order is checked, and the values put in place by position when it is not kept.
const RECALL_SQL = `SELECT json_group_array(ids.key), json_group_array(alert_state.first_seen), json_group_array(alert_state.owner),
  json_group_array(alert_state.pending = 1) FROM json_each(?) AS ids LEFT JOIN alert_state ON alert_state.id = ids.value`;

function recallAlerts(db: Store, ids: readonly string[]): Recalled {
  if (ids.length === 0) return { firstSeen: [], owner: [], pending: [] };
  const texts = db.prepare(RECALL_SQL).raw().get(JSON.stringify(ids)) as [string, string, string, string];
  const positions = JSON.parse(texts[0]) as number[];
  // first_seen is never null in the table: null is an id it does not hold.
  const firstSeen = JSON.parse(texts[1]) as (string | null)[];
  const owner = JSON.parse(texts[2]) as (string | null)[];
  const pending = (JSON.parse(texts[3]) as (number | null)[]).map((flag) => flag === 1);
  if (inOrder(positions)) return { firstSeen, owner, pending };
  return { firstSeen: placed(positions, firstSeen), owner: placed(positions, owner), pending: placed(positions, pending) };
}

function inOrder(positions: readonly number[]): boolean {
  for (let i = 0; i < positions.length; i++) if (positions[i] !== i) return false;
  return true;
}

/** `values[i]` put at `positions[i]`. */
export function placed<T>(positions: readonly number[], values: readonly T[]): T[] {
  const out = new Array<T>(values.length);
  for (let i = 0; i < values.length; i++) out[positions[i]] = values[i];
  return out;
}

/**
 * Remember every alert of this report (by `alerts` or `run`), keeping first_seen and owners. Those `shown` (every one
 * when omitted), and those shown before, are seen; a new one not shown stays new (pending) until it is.
 */
export function rememberAlerts(db: Store, report: AlertsReport, asOf: string, memory: AlertMemory, shown?: ReadonlySet<string>): void {
  const upsert = db.prepare(`INSERT INTO alert_state (id, first_seen, last_seen, owner, pending) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET last_seen = excluded.last_seen, owner = COALESCE(alert_state.owner, excluded.owner),
      pending = min(alert_state.pending, excluded.pending)`);
  db.transaction(() => {
    for (const row of report.rows) {
      const pending = row.new === true && shown !== undefined && !shown.has(row.id as string) ? 1 : 0;
      upsert.run(row.id, row.first_seen, asOf, row.owner ?? null, pending);
    }
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(ROTATION_KEY, String(memory.rotationOffset + report.roundRobinAssigned));
  })();
}
