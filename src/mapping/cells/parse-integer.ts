// The integer cell type (SPEC §5): `12`, `-3`, `1,234`, and `2.0` as spreadsheets re-save whole numbers.
import { cellError, type CellResult } from './cell-result.js';

const INTEGER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/;
const NOT_AN_INTEGER = cellError('a whole number like 12');

export function parseInteger(raw: string): CellResult<number> {
  if (!INTEGER.test(raw)) return NOT_AN_INTEGER;
  const value = Number(raw.includes(',') ? raw.replace(/,/g, '') : raw);
  // `-0` would print as "0" but compare unequal in Object.is, so normalise it.
  return Number.isSafeInteger(value) ? { ok: true, value: value === 0 ? 0 : value } : NOT_AN_INTEGER;
}
