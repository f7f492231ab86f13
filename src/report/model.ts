// A report is a plain object first (SPEC §6 "Report rows"); table, CSV and JSON are renderers of it.
// Money values in rows and totals are integer cents; renderers turn them into dollars.

export type ColumnKind = 'text' | 'money' | 'date' | 'integer' | 'boolean';

export interface Column {
  key: string;
  kind: ColumnKind;
  /** Header shown in tables; the key otherwise. */
  label?: string;
}

export type ReportValue = string | number | boolean | null;
/**
 * A row's values by column key. A row may also carry fields no column names, which renderers never show: the sessions
 * and unbilled rows carry `patient_id`, the patient's source ID, so alert ids can key on it (alert-ids.ts).
 */
export type ReportRow = Record<string, ReportValue>;

export interface Report {
  report: string;
  asOf: string;
  columns: Column[];
  rows: ReportRow[];
  totals: ReportRow;
  notes: string[];
}
