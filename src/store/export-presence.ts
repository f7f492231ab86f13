// SPEC §10: a record missing from a later full export is reported, not removed. A mapping marked `full_export` reads
// exports that list every record of their entity the source has (an A/R aging report, an outstanding-claims list);
// each import of one is compared with the records the earlier exports of the same mapping listed.
import type { EntityName } from '../domain/entities.js';
import type { Mapping } from '../mapping/schema.js';
import { plural } from '../text/plural.js';
import type { ChangeLog } from './change-log.js';
import type { LineIndex } from './line-index.js';
import type { Store } from './open-store.js';
import { ENTITY_KEY_FIELD, ENTITY_TABLE } from './tables.js';

/** What a full export lacks of what the earlier exports of its mapping listed. */
export interface MissingRecords {
  /** Records this export lists. */
  listed: number;
  /** Records the earlier exports of this mapping listed (0: this is the first). */
  earlier: number;
  /**
   * True when this export shares no record with them: most likely another location's or practice's list read through
   * the same mapping, so nothing was compared, marked or remembered.
   */
  disjoint: boolean;
  /** Records an earlier export of this mapping listed and this one does not. */
  count: number;
  /** Of them, those this export is the first to lack (the others were already missing from the one before). */
  new: number;
  /** Records missing from an earlier export that this one lists again. */
  back: number;
  /**
   * The source keys of the missing records (`#ROW` for one without), in record order, at most KEYS_SHOWN; none when the
   * mapping finds records without an ID of their own, or builds the ID from other cells (a template): such keys may name
   * a patient.
   */
  keys: string[];
}

const KEYS_SHOWN = 10;

/**
 * Compares the records this export `listed` with those the mapping's earlier exports listed, and remembers the
 * outcome for the next: a record listed for the first time is added, one lacking is marked missing since this run,
 * one listed again loses its mark. Every write goes through the run's change log, so `undo` takes it back. Records
 * are only reported: nothing else in the store changes.
 *
 * An export sharing no record at all with the earlier ones is taken for another scope (a second location of the
 * practice exporting its own A/R list), not for one list whose every account changed: it is neither compared nor
 * remembered, so no location's records are called missing because of another's list.
 */
export function comparePresence(db: Store, options: { mapping: Mapping; runId: number; listed: LineIndex; changes: ChangeLog }): MissingRecords {
  const { runId, listed, changes } = options;
  const { name: mapping, entity } = options.mapping;
  const table = ENTITY_TABLE[entity];
  const known = db.prepare('SELECT id, row_id, missing_since_run FROM export_presence WHERE mapping = ? AND table_name = ? ORDER BY row_id')
    .raw().all(mapping, table) as [number, number, number | null][];
  const mark = db.prepare('UPDATE export_presence SET missing_since_run = ? WHERE id = ?');
  const record = (id: number, rowId: number, before: number | null, after: number | null) => {
    mark.run(after, id);
    changes.record('export_presence', id, presenceRow(id, mapping, table, rowId, before), presenceRow(id, mapping, table, rowId, after));
  };
  const result: MissingRecords = { listed: 0, earlier: known.length, disjoint: false, count: 0, new: 0, back: 0, keys: [] };
  if (known.length > 0 && !known.some(([, rowId]) => listed.get(rowId) !== undefined)) {
    for (const _ of listed.ids()) result.listed += 1;
    result.disjoint = true;
    return result;
  }
  const missing: number[] = [];
  const tracked = new Set<number>();
  for (const [id, rowId, since] of known) {
    tracked.add(rowId);
    if (listed.get(rowId) !== undefined) {
      if (since !== null) {
        record(id, rowId, since, null);
        result.back += 1;
      }
      continue;
    }
    result.count += 1;
    missing.push(rowId);
    if (since === null) {
      record(id, rowId, null, runId);
      result.new += 1;
    }
  }
  const insert = db.prepare('INSERT INTO export_presence (mapping, table_name, row_id, missing_since_run) VALUES (?, ?, ?, NULL)');
  for (const rowId of listed.ids()) {
    result.listed += 1;
    if (tracked.has(rowId)) continue;
    changes.created('export_presence', Number(insert.run(mapping, table, rowId).lastInsertRowid));
  }
  const keySpec = options.mapping.fields[ENTITY_KEY_FIELD[entity]];
  if (keySpec && keySpec.template === undefined) result.keys = recordKeys(db, entity, missing.slice(0, KEYS_SHOWN));
  return result;
}

/**
 * What a full export lacks (SPEC §10), by source keys, never names: `full export: 2 records earlier exports of
 * generic/balances listed are missing from this one (1 for the first time): A1002, A1007; kept as last imported, not removed`.
 */
export function describeMissing(mapping: string, missing: MissingRecords): string {
  const back = missing.back ? `; ${missing.back} missing before ${missing.back === 1 ? 'is' : 'are'} listed again` : '';
  if (missing.earlier === 0) return `full export: the first of ${mapping}; later ones are compared with the ${plural(missing.listed, 'record')} it lists`;
  if (missing.disjoint && missing.listed === 0) return `full export: lists no record (only summary rows?), so nothing was compared or remembered`;
  if (missing.disjoint) {
    return `full export: shares no record with earlier exports of ${mapping}, so nothing was compared or remembered ` +
      "(another location's or practice's list? see docs/decisions.md)";
  }
  if (missing.count === 0) return `full export: lists every record earlier exports of ${mapping} listed${back}`;
  const shown = missing.keys.length === 0 ? 'keys not shown, as they may name patients'
    : `${missing.keys.join(', ')}${missing.count > missing.keys.length ? `, and ${missing.count - missing.keys.length} more` : ''}`;
  const [records, are] = missing.count === 1 ? ['1 record', 'is'] : [`${missing.count} records`, 'are'];
  return `full export: ${records} earlier exports of ${mapping} listed ${are} missing from this one (${missing.new} for the first time): ${shown}; ` +
    `kept as last imported, not removed${back}`;
}

/** How many records of each table the latest full exports lack (any mapping marking one missing), by table. */
export function missingCounts(db: Store): Map<string, number> {
  const rows = db.prepare('SELECT table_name, count(DISTINCT row_id) FROM export_presence WHERE missing_since_run IS NOT NULL GROUP BY table_name')
    .raw().all() as [string, number][];
  return new Map(rows);
}

/** The ids of the records of `table` a full export of theirs lacked. */
export function missingRowIds(db: Store, table: string): Set<number> {
  return new Set(db.prepare('SELECT DISTINCT row_id FROM export_presence WHERE table_name = ? AND missing_since_run IS NOT NULL').pluck().all(table) as number[]);
}

/** The claim IDs of the claims a full export of theirs lacked. */
export function missingClaimIds(db: Store): Set<string> {
  return new Set(db.prepare(`SELECT c.claim_id FROM export_presence p JOIN claims c ON c.id = p.row_id
    WHERE p.table_name = 'claims' AND p.missing_since_run IS NOT NULL AND c.claim_id IS NOT NULL`).pluck().all() as string[]);
}

/** The source keys of records, for messages and logs: never a patient's name, `#ROW` where the source gave no key. */
function recordKeys(db: Store, entity: EntityName, rowIds: number[]): string[] {
  if (rowIds.length === 0) return [];
  const column = ENTITY_KEY_FIELD[entity];
  const byId = new Map(db.prepare(`SELECT id, ${column} FROM ${ENTITY_TABLE[entity]} WHERE id IN (${rowIds.map(() => '?').join(', ')})`)
    .raw().all(...rowIds) as [number, string | null][]);
  return rowIds.map((rowId) => byId.get(rowId) ?? `#${rowId}`);
}

function presenceRow(id: number, mapping: string, table: string, rowId: number, since: number | null) {
  return { id, mapping, table_name: table, row_id: rowId, missing_since_run: since };
}
