// What the store remembers of alerts (SPEC §7): when each was first seen, its owner, and how far the owners'
// round-robin has gone — so ids stay stable, `new` means new, and a claim keeps its owner across runs.
import type { AlertsReport, RememberedAlert } from '../alerts/index.js';
import type { Store } from './open-store.js';

const ROTATION_KEY = 'alerts.rotation_offset';

export interface AlertMemory {
  previous: Map<string, RememberedAlert>;
  rotationOffset: number;
}

export function loadAlertMemory(db: Store): AlertMemory {
  const previous = new Map<string, RememberedAlert>();
  // A store remembers every alert it has shown, tens of thousands: read as one JSON array per column (json-chunks.ts),
  // not a row at a time (143 ms against 62 for 77,873 alerts here).
  const texts = db.prepare('SELECT json_group_array(id), json_group_array(first_seen), json_group_array(owner) FROM alert_state').raw().get() as string[];
  const [ids, firstSeens, owners] = texts.map((text) => JSON.parse(text) as unknown[]) as [string[], string[], (string | null)[]];
  for (let i = 0; i < ids.length; i++) previous.set(ids[i], { firstSeen: firstSeens[i], owner: owners[i] });
  const offset = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(ROTATION_KEY) as string | undefined;
  return { previous, rotationOffset: offset ? Number(offset) : 0 };
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
