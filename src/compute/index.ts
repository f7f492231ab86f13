// The computations of SPEC §6, each a pure function of input rows, `asOf` and the config, returning a Report.
export { computeSessions, SESSION_COLUMNS, type SessionsInput } from './sessions.js';
export { computeClaims, computeAging, timelyFilingDays, CLAIM_COLUMNS, AGING_COLUMNS, type ClaimsInput } from './claims.js';
export { computeUnbilled, UNBILLED_COLUMNS, type UnbilledInput } from './unbilled.js';
export { computeBalances, BALANCE_COLUMNS, type BalancesInput } from './balances.js';
export { addDays, daysBetween } from './days.js';
