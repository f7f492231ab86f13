// Migration 007's repair: every authorization's `cpt_codes` a JSON list of texts, as the list cell type stores it.
// Before 42b0b03 a mapping could fill the field with the text type, which stored the cell as typed (`90837, 90834`)
// where every reader expects a JSON list: the reports then failed with SQLite's "malformed JSON", and a lone code
// (`90837`) read as a number. The run history keeps such values too (an undo would write them back), so its
// authorization rows are repaired the same way.
import type { Database } from 'better-sqlite3';
import { TABLE_COLUMNS } from './tables.js';

/**
 * The separators a typed list of codes could have used. A CPT or HCPCS code is five letters or digits, so none of these
 * can be inside one; the list type's own separator (`,` by default) is among them.
 */
const SEPARATORS = /[\s,;|/]+/;

/** What a stored `cpt_codes` should be instead, or `undefined` when it already is a list of texts (or no list). */
export function repairedCptCodes(stored: unknown): string | null | undefined {
  if (stored === null || stored === undefined || stored === '') return undefined;
  let text = String(stored);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'string') text = parsed;
  if (Array.isArray(parsed)) {
    if (parsed.every((item) => typeof item === 'string')) return undefined;
    return JSON.stringify(parsed.filter((item) => item !== null && item !== '').map(String));
  }
  return JSON.stringify(text.split(SEPARATORS).filter((code) => code !== ''));
}

export function repairCptCodeLists(db: Database): void {
  const fix = db.prepare('UPDATE authorizations SET cpt_codes = ? WHERE id = ?');
  const rows = db.prepare("SELECT id, cpt_codes FROM authorizations WHERE cpt_codes IS NOT NULL AND cpt_codes <> ''").raw().all() as [number, unknown][];
  for (const [id, stored] of rows) {
    const repaired = repairedCptCodes(stored);
    if (repaired !== undefined) fix.run(repaired, id);
  }

  const column = TABLE_COLUMNS.authorizations.indexOf('cpt_codes');
  const fixChange = db.prepare('UPDATE run_changes SET before = ?, after = ? WHERE run_id = ? AND seq = ?');
  const changes = db.prepare("SELECT run_id, seq, before, after FROM run_changes WHERE table_name = 'authorizations' AND (before IS NOT NULL OR after IS NOT NULL)").raw().all() as
    [number, number, string | null, string | null][];
  for (const [runId, seq, before, after] of changes) {
    const fixedBefore = repairedRow(before, column);
    const fixedAfter = repairedRow(after, column);
    if (fixedBefore !== before || fixedAfter !== after) fixChange.run(fixedBefore, fixedAfter, runId, seq);
  }
}

/** A run-history row (a JSON array in column order, change-log.ts) with its `cpt_codes` repaired. */
function repairedRow(encoded: string | null, column: number): string | null {
  if (encoded === null) return null;
  const values = JSON.parse(encoded) as unknown[];
  const repaired = repairedCptCodes(values[column]);
  if (repaired === undefined) return encoded;
  values[column] = repaired;
  return JSON.stringify(values);
}
