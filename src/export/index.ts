// The export layer: safe CSV writing, payouts, writeback rows and the QuickBooks formats.
export { createCsvWriter, formatCents, neutralizeCell, toCsv } from './safe-csv.js';
export type { CsvCell, CsvColumn, CsvColumnKind, CsvOptions, CsvRow, CsvWriter } from './safe-csv.js';
export { paymentAmounts } from './payment-amounts.js';
export { groupPayouts } from './payouts.js';
export type { Payout, PayoutGrouping, SkippedPayout } from './payouts.js';
export { buildWriteback } from './writeback.js';
export type { WritebackLeftOut, WritebackOptions, WritebackResult } from './writeback.js';
export { writebackProfileSchema } from './writeback-profile.js';
export type { WritebackProfile } from './writeback-profile.js';
export { loadWritebackProfile, parseWritebackProfile, readWritebackProfile } from './writeback-profiles.js';
export * from './quickbooks/index.js';
