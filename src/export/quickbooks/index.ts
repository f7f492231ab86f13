// The QuickBooks formats of `export quickbooks --format qbo-journal | qbo-bank | iif`.
export type { QuickBooksExport } from './export-result.js';
export { iif, iifDocNum } from './iif.js';
export { iifText, iifUnsafeAccounts, requireIifAccounts } from './iif-text.js';
export { qboBank, QBO_BANK_MAX_BYTES } from './qbo-bank.js';
export { journalNo, qboJournal } from './qbo-journal.js';
export { payoutLabel, payoutLines, usDate } from './payout-lines.js';
