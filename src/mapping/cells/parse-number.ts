// The number cell type (SPEC §5): decimals such as `12.5`, `-0.25`, `.5`, `1,234.5`; no exponents.
import { cellError, type CellResult } from './cell-result.js';

const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)$/;
const NOT_A_NUMBER = cellError('a number like 12.5');

export function parseNumber(raw: string): CellResult<number> {
  if (!NUMBER.test(raw)) return NOT_A_NUMBER;
  const value = Number(raw.includes(',') ? raw.replace(/,/g, '') : raw);
  return Number.isFinite(value) ? { ok: true, value: value === 0 ? 0 : value } : NOT_A_NUMBER;
}
