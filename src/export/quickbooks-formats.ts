// The QuickBooks export formats, in a module of their own so the CLI can check --format without loading the exporters.
export const QUICKBOOKS_FORMATS = ['qbo-journal', 'qbo-bank', 'iif'] as const;
export type QuickBooksFormat = (typeof QUICKBOOKS_FORMATS)[number];
