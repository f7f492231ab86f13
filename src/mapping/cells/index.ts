// The cell types of the mapping engine (SPEC §4, §5): one parser per type, compiled once per field.
export { cellError, cellOk, type CellResult } from './cell-result.js';
export { MAX_MONEY_CENTS, parseMoney } from './parse-money.js';
export { DEFAULT_DATE_FORMATS, makeDateParser } from './make-date-parser.js';
export { DEFAULT_DATE_TIME_FORMATS, makeDateTimeParser, type DateTime } from './make-date-time-parser.js';
export { DEFAULT_TIME_FORMATS, makeTimeParser } from './make-time-parser.js';
export { parseInteger } from './parse-integer.js';
export { parseNumber } from './parse-number.js';
export { parseBoolean } from './parse-boolean.js';
export { parseList } from './parse-list.js';
export { normalizeName } from './normalize-name.js';
export { displayName } from './display-name.js';
export { normalizeOrganizationName } from './normalize-organization-name.js';
