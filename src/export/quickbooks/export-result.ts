// What every QuickBooks format returns, so the caller can record exactly which payouts went out.

export interface QuickBooksExport {
  /** File contents; more than one only when a format has a size limit (qbo-bank). */
  files: string[];
  warnings: string[];
  /** Payout IDs written, in file order. */
  exported: string[];
  /** Payout IDs with nothing to write in this format (all amounts zero; for qbo-bank, a zero net). */
  empty: string[];
}
