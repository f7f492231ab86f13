// Migration 007's repair, and only its: every authorization's `cpt_codes` a JSON list of texts, as the list cell type
// stores it. Before 42b0b03 a mapping could fill the field with the text type, which stored the cell as typed
// (`90837, 90834`) where every reader expects a JSON list: the reports then failed with SQLite's "malformed JSON", and
// a lone code (`90837`) read as a number. The run history keeps such values too (an undo would write them back), so
// its authorization rows are repaired the same way. A list of texts is what the list type made and is left as it is.
import type { Database } from 'better-sqlite3';

/**
 * The separators a practice could have typed between codes. A CPT or HCPCS code is five letters or digits, so none of
 * these can be inside one.
 */
const SEPARATORS = /[\s,;|/]+/;

/**
 * Where `cpt_codes` sits in a run-history row (`encodeRow`: the table's columns in order, as they were when this
 * migration was written; a test holds TABLE_COLUMNS to it).
 */
export const CPT_CODES_POSITION = 8;

/** SQL: whether the stored text `x` is not a JSON list of texts. CASE, not OR: json_type fails on invalid JSON. */
const needsRepair = (x: string) => `CASE WHEN ${x} IS NULL OR ${x} = '' THEN 0 WHEN NOT json_valid(${x}) THEN 1 WHEN json_type(${x}) <> 'array' THEN 1
  ELSE EXISTS (SELECT 1 FROM json_each(${x}) WHERE type <> 'text') END`;

/** SQL: whether the run-history row `row` (a JSON array, or NULL) holds CPT codes to repair. */
const rowNeedsRepair = (row: string) => `CASE WHEN ${row} IS NOT NULL AND json_valid(${row}) THEN ${needsRepair(`json_extract(${row}, '$[${CPT_CODES_POSITION}]')`)} ELSE 0 END`;

/** What a stored `cpt_codes` should be instead, or `undefined` when it is a list of texts already (or no list). */
export function repairedCptCodes(stored: unknown): string | undefined {
  if (stored === null || stored === undefined || stored === '') return undefined;
  const text = String(stored);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return undefined;
  // A typed text that happens to be JSON: `90837` (a number), `"90837"`, `[90837, 90834]`. Anything else is the text.
  const items = Array.isArray(parsed) ? (parsed.flat(Infinity) as unknown[]) : [typeof parsed === 'string' || typeof parsed === 'number' ? parsed : text];
  const codes = items.filter((item) => typeof item === 'string' || typeof item === 'number').flatMap((item) => String(item).split(SEPARATORS));
  return JSON.stringify(codes.filter((code) => code !== ''));
}

export function repairCptCodeLists(db: Database): void {
  const fix = db.prepare('UPDATE authorizations SET cpt_codes = ? WHERE id = ?');
  const rows = db.prepare(`SELECT id, cpt_codes FROM authorizations WHERE ${needsRepair('cpt_codes')}`).raw().all() as [number, unknown][];
  for (const [id, stored] of rows) {
    const repaired = repairedCptCodes(stored);
    if (repaired !== undefined) fix.run(repaired, id);
  }

  // Only the history rows that need it are read: a store's history can hold many authorization rows.
  const fixChange = db.prepare('UPDATE run_changes SET before = ?, after = ? WHERE run_id = ? AND seq = ?');
  const changes = db.prepare(`SELECT run_id, seq, before, after FROM run_changes WHERE table_name = 'authorizations'
    AND (${rowNeedsRepair('before')} OR ${rowNeedsRepair('after')})`).raw().all() as [number, number, string | null, string | null][];
  for (const [runId, seq, before, after] of changes) fixChange.run(repairedRow(before), repairedRow(after), runId, seq);
}

/** A run-history row with its `cpt_codes` repaired; a row that does not read as one is left as it is. */
function repairedRow(encoded: string | null): string | null {
  if (encoded === null) return null;
  let values: unknown;
  try {
    values = JSON.parse(encoded);
  } catch {
    return encoded;
  }
  if (!Array.isArray(values)) return encoded;
  const repaired = repairedCptCodes(values[CPT_CODES_POSITION]);
  if (repaired === undefined) return encoded;
  values[CPT_CODES_POSITION] = repaired;
  return JSON.stringify(values);
}
