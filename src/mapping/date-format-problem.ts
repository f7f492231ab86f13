// What is wrong with one of a mapping's date, datetime or time formats, found when the mapping loads rather than as a
// rejected cell on every row of an import. Tokens only: date-fns itself loads only with the import (see startup-imports).
import { isKnownLetter, tokenizeDateFormat } from './cells/tokenize-date-format.js';

/** The letters that say each part of a date (`Y` and `D` are read as `y` and `d`, see `repairedLetter`). */
const DATE_PARTS: [string, Set<string>][] = [['year', new Set(['y', 'Y', 'u'])], ['month', new Set(['M', 'L'])], ['day', new Set(['d', 'D'])]];
const HOUR = new Set(['H', 'h', 'k', 'K']);

function either(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
}

/**
 * Undefined for a usable format. date-fns `parse` throws a RangeError on an unquoted latin letter it has no token for
 * ("banana": `n`); such a format could read no cell. A date or datetime needs a year, month and day: without one every
 * cell is refused as impossible (`MM/dd`) or, where date-fns reads it, dated in 2000, the year it fills in (`MMM d`).
 * A time needs an hour; a date beside it is allowed.
 */
export function dateFormatProblem(format: string, type: 'date' | 'datetime' | 'time'): string | undefined {
  const letters = tokenizeDateFormat(format).flatMap((token) => (token.kind === 'field' ? [token.letter[0]] : []));
  const unknown = letters.find((letter) => !isKnownLetter(letter));
  if (unknown) return `"${format}": "${unknown}" is not a date-fns token (quote literal text, like 'at')`;
  const has = (set: Set<string>) => letters.some((letter) => set.has(letter));
  if (type === 'time') return has(HOUR) ? undefined : `"${format}" has no hour: a time format needs one, like HH:mm or h:mm a`;
  const missing = DATE_PARTS.filter(([, set]) => !has(set)).map(([part]) => part);
  return missing.length ? `"${format}" has no ${either(missing)}: a ${type} format needs a year (yyyy), a month (MM) and a day (dd)` : undefined;
}
