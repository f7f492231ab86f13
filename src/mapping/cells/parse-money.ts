// The money cell type (SPEC §5): `$1,234.56`, `(12.00)`, `-12`, `.50` … into exact integer cents.
import { cellError, type CellResult } from './cell-result.js';

/** 999,999,999.99: larger figures in a practice's export are a column mix-up, not money. */
export const MAX_MONEY_CENTS = 99_999_999_999;

const NOT_AN_AMOUNT = cellError('an amount like 1234.56');
const TOO_LARGE = cellError('an amount no larger than 999,999,999.99');

const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const DOLLAR = 36;
const SPACE = 32;

/**
 * Parses a money cell into integer cents. The digits are accumulated as integers, never through
 * a float, so `0.29` is exactly 29. Negatives: `-12.00`, `-$12.00`, `$-12.00`, `(12.00)`,
 * `($12.00)`, and a trailing minus `12.00-`, which some practice-management systems print for
 * credits (it is unambiguous: nothing else ends an amount with `-`). Thousands separators must
 * group by three (`1,234`, not `12,5`); at most two decimals.
 */
export function parseMoney(raw: string): CellResult<number> {
  let start = 0;
  let end = raw.length;
  let negative = false;
  let signed = false;

  if (raw.charCodeAt(0) === OPEN_PAREN) {
    if (raw.charCodeAt(end - 1) !== CLOSE_PAREN) return NOT_AN_AMOUNT;
    negative = signed = true;
    start = 1;
    end -= 1;
  } else if (end > 1 && raw.charCodeAt(end - 1) === MINUS) {
    negative = signed = true;
    end -= 1;
  }
  // Spaces are tolerated only between the sign/currency decorations and the digits: `( 12.00 )`, `$ 5`.
  while (start < end && raw.charCodeAt(start) === SPACE) start++;
  while (end > start && raw.charCodeAt(end - 1) === SPACE) end--;

  let c = raw.charCodeAt(start);
  if (c === MINUS || c === PLUS) {
    if (signed) return NOT_AN_AMOUNT;
    negative = c === MINUS;
    signed = true;
    c = raw.charCodeAt(++start);
  }
  if (c === DOLLAR) {
    c = raw.charCodeAt(++start);
    if (c === MINUS || c === PLUS) {
      if (signed) return NOT_AN_AMOUNT;
      negative = c === MINUS;
      start++;
    }
    while (start < end && raw.charCodeAt(start) === SPACE) start++;
  }

  let pos = start;
  let units = 0;
  let intDigits = 0;
  let groupDigits = -1; // digits since the last comma; -1 until a comma is seen
  for (; pos < end; pos++) {
    c = raw.charCodeAt(pos);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      intDigits++;
      if (groupDigits >= 0) groupDigits++;
    } else if (c === COMMA) {
      if (groupDigits === -1 ? intDigits === 0 || intDigits > 3 : groupDigits !== 3) return NOT_AN_AMOUNT;
      groupDigits = 0;
    } else {
      break;
    }
  }
  if (groupDigits !== -1 && groupDigits !== 3) return NOT_AN_AMOUNT;

  let cents = 0;
  let fractionDigits = 0;
  if (pos < end && raw.charCodeAt(pos) === DOT) {
    for (pos++; pos < end; pos++) {
      c = raw.charCodeAt(pos);
      if (c < 48 || c > 57) break;
      if (++fractionDigits > 2) return NOT_AN_AMOUNT;
      cents = cents * 10 + (c - 48);
    }
    if (fractionDigits === 0) return NOT_AN_AMOUNT;
    if (fractionDigits === 1) cents *= 10;
  }
  if (pos !== end || intDigits + fractionDigits === 0) return NOT_AN_AMOUNT;
  // Past 2^53 the accumulator loses precision, but only for figures already far over the limit.
  const total = units * 100 + cents;
  if (total > MAX_MONEY_CENTS) return TOO_LARGE;
  return { ok: true, value: negative && total !== 0 ? -total : total };
}
