// The list cell type (SPEC §5): `90837, 90791` into trimmed, non-empty items.
import type { CellResult } from './cell-result.js';

/** Never fails: a cell of separators only is an empty list (for `cpt_codes`: any code). */
export function parseList(raw: string, split = ','): CellResult<string[]> {
  const items: string[] = [];
  for (const part of raw.split(split)) {
    const item = part.trim();
    if (item) items.push(item);
  }
  return { ok: true, value: items };
}
