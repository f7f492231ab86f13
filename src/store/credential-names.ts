// Migration 009: Canadian credentials (RCC, RSW, ...) became credential suffixes of names, which identity and display
// drop. A name stored before with one inside it (`Rossi, Chiara RCC` was stored as `Chiara RCC Rossi`, key
// `chiara rcc rossi`) would no longer match the same person in the next export (`chiara rossi`), and the clinician
// or patient would split in two. This takes such words out of the stored names and keys.
import type { Database } from 'better-sqlite3';
import { foldNameWord } from '../mapping/cells/fold-name-word.js';
import { normalizeName } from '../mapping/cells/normalize-name.js';

/** The words migration 009 added, as they were then: a migration's effect never changes once stores have run it. */
const ADDED_CREDENTIALS = new Set(['rcc', 'rsw', 'rp', 'ccc', 'rpsych', 'cpsych', 'rmft']);

/** `name` without the added credentials, keeping at least one word; null when it has none of them. */
export function withoutAddedCredentials(name: string): string | null {
  const words = name.split(/\s+/).filter(Boolean);
  const kept = words.filter((word) => !ADDED_CREDENTIALS.has(foldNameWord(word)));
  if (kept.length === words.length || kept.length === 0) return null;
  return kept.join(' ');
}

export function dropAddedCredentials(db: Database): void {
  for (const table of ['patients', 'clinicians']) {
    const update = db.prepare(`UPDATE ${table} SET name = ?, name_key = ? WHERE id = ?`);
    for (const [id, name] of db.prepare(`SELECT id, name FROM ${table} WHERE name IS NOT NULL`).raw().all() as [number, string][]) {
      const renamed = withoutAddedCredentials(name);
      if (renamed !== null) update.run(renamed, normalizeName(renamed), id);
    }
  }
}
