// The rows computations read: plain objects loaded from the store with names already joined in.
// Money is integer cents, dates are ISO `YYYY-MM-DD` strings; nothing here touches the store or the clock.
import type { AppointmentStatus, ClaimStatus, PaymentType } from '../domain/entities.js';

export type IsoDate = string;
export type Cents = number;

export interface AuthorizationInput {
  /** Store id of the authorization. */
  key: number;
  authorizationNumber: string | null;
  patientKey: number;
  /** The patient's ID in the source, when an export gave one. */
  patientId: string | null;
  patientName: string;
  clinicianKey: number | null;
  clinicianName: string | null;
  payerName: string | null;
  /** Null when the source gives no count (an authorization of a period, not of a number of visits). */
  authorizedSessions: number | null;
  /** Null when the export gave none: the window is then open at the start, as a missing end leaves it open at the end. */
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /** Empty: any code. */
  cptCodes: string[];
  /** Sessions used before tracking began: the imported value, or the manual adjustment when there is one. */
  priorSessions: number;
}

export interface AppointmentInput {
  key: number;
  patientKey: number;
  /** The patient's ID in the source, when an export gave one. */
  patientId: string | null;
  patientName: string;
  clinicianKey: number | null;
  clinicianName: string | null;
  /** The appointment's payer, else the patient's payer. */
  payerName: string | null;
  serviceDate: IsoDate;
  status: AppointmentStatus | null;
  cptCode: string | null;
  clientUnpaid: Cents | null;
  insuranceUnpaid: Cents | null;
}

export interface ClaimInput {
  key: number;
  claimId: string;
  patientKey: number | null;
  patientName: string | null;
  clinicianName: string | null;
  payerName: string | null;
  serviceDate: IsoDate | null;
  submittedDate: IsoDate | null;
  status: ClaimStatus | null;
  billed: Cents | null;
  allowed: Cents | null;
  paid: Cents | null;
  patientResponsibility: Cents | null;
}

export interface BalanceInput {
  key: number;
  accountId: string | null;
  patientKey: number;
  patientName: string;
  patientPortion: Cents | null;
  insurancePortion: Cents | null;
  total: Cents | null;
  aging0to30: Cents | null;
  aging31to60: Cents | null;
  aging61to90: Cents | null;
  agingOver90: Cents | null;
  lastPaymentDate: IsoDate | null;
  /** A full export of balances listed this row before and the latest one lacks it (SPEC §10). */
  missingFromExport: boolean;
}

/** A manual balance correction (SPEC §6): replaces the portion it names until cleared. */
export interface BalanceAdjustmentInput {
  id: number;
  patientKey: number;
  patientPortion: Cents | null;
  insurancePortion: Cents | null;
  reason: string;
  /** True when a later import changed the source value under this adjustment. */
  conflict: boolean;
}

export interface PatientInput {
  key: number;
  patientId: string | null;
  name: string;
  payerName: string | null;
}

export interface PaymentInput {
  key: number;
  paymentId: string;
  patientKey: number | null;
  patientId: string | null;
  patientName: string | null;
  paymentDate: IsoDate | null;
  type: PaymentType | null;
  method: string | null;
  gross: Cents | null;
  fee: Cents | null;
  net: Cents | null;
  payoutId: string | null;
  payoutDate: IsoDate | null;
  reference: string | null;
  claimId: string | null;
  processor: string | null;
  /** As the processor wrote it (`usd`, `USD`); null when the export has none. */
  currency: string | null;
}
