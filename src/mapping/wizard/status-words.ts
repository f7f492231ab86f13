// The words exports use for statuses and payment types, and the canonical value each most likely means.
import type { EntityName } from '../../domain/entities.js';

type Vocabulary = Record<string, string>;

/** Canonical value → the words that mean it, as written in exports (compared case- and punctuation-insensitively). */
function vocabulary(table: Record<string, string>): Vocabulary {
  const out: Vocabulary = {};
  for (const [canonical, words] of Object.entries(table)) for (const word of words.split('|')) out[normalizeWord(word)] = canonical;
  return out;
}

const APPOINTMENT_STATUS = vocabulary({
  scheduled: 'scheduled|booked|confirmed|unarrived|not arrived|pending|asap|upcoming|rescheduled|reminder sent',
  completed: 'completed|complete|show|shown|kept|arrived|attended|checked out|checked in|seen|done|present|billed|invoiced',
  no_show: 'no show|noshow|no showed|missed|broken|did not show|dns|failed|absent|no call no show',
  late_canceled: 'late cancel|late canceled|late cancellation|late cx|late cancel fee|canceled late|late canceled charged',
  canceled: 'canceled|cancel|cancellation|client canceled|patient canceled|canceled by client|canceled by patient|cx|unschedlist|unscheduled',
  clinician_canceled: 'clinician canceled|provider canceled|therapist canceled|canceled by clinician|canceled by provider|practice canceled|office canceled',
});

const CLAIM_STATUS = vocabulary({
  draft: 'draft|unsent|hold|on hold|prepared|downloaded|scrub|created|ready|ready to send|not submitted|unsubmitted|waiting to send|not sent|new',
  submitted: 'submitted|sent|resent|resubmitted|received|accepted|acknowledged|filed|electronically sent|probably sent|billed|open',
  pending: 'pending|in process|in progress|processing|more info required|deductible|paid pending|partially paid|under review|appealed|suspended',
  paid: 'paid|paid in full|settled|closed paid',
  denied: 'denied|denial|declined',
  rejected: 'rejected|rejection|returned',
  void: 'void|voided|deleted|canceled|cancelled',
});

const PAYMENT_TYPE = vocabulary({
  card_terminal: 'card|credit card|debit card|card reader|card terminal|terminal|manual entry|card present|swipe|card swipe|visa|mastercard|amex|credit|debit|point of sale|pos|in person|keyed',
  portal: 'portal|client portal|patient portal|online|online payment|stripe online|web|website|pay online',
  payment_plan: 'payment plan|autopay|auto pay|recurring|installment|plan|card on file',
  insurance: 'insurance|insurance payment|era|insurance check|payer payment',
  membership: 'membership|subscription|package',
  other: 'cash|check|cheque|other|zelle|venmo|money order|bank transfer|ach|carecredit|gift card',
});

const PATIENT_STATUS = vocabulary({
  active: 'active|yes|true|y|current|open|enrolled',
  inactive: 'inactive|no|false|n|discharged|archived|closed|deceased|former|terminated',
});

const BY_FIELD: Partial<Record<EntityName, Record<string, Vocabulary>>> = {
  appointments: { status: APPOINTMENT_STATUS },
  claims: { status: CLAIM_STATUS },
  payments: { type: PAYMENT_TYPE },
  patients: { status: PATIENT_STATUS },
};

/** Lower-case, `_`/`-` as spaces, spaces collapsed: "No-show", "no_show" and "No Show" are one word. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/cancell/g, 'cancel').replace(/[_\-/]+/g, ' ').replace(/[^\p{L}\p{N} ]+/gu, '').replace(/\s+/g, ' ').trim();
}

/** Does this field take a vocabulary the wizard can propose values for? */
export function hasVocabulary(entity: EntityName, field: string): boolean {
  return BY_FIELD[entity]?.[field] !== undefined;
}

/** The canonical value a cell word most likely means for this field, or null when unknown. */
export function proposeCanonical(entity: EntityName, field: string, value: string): string | null {
  const table = BY_FIELD[entity]?.[field];
  if (!table) return null;
  const word = normalizeWord(value);
  if (word in table) return table[word];
  // The canonical word itself, however written ("late_canceled", "Clinician Canceled").
  const canonical = word.replace(/ /g, '_');
  if (Object.values(table).includes(canonical)) return canonical;
  return containedPhrase(table, word);
}

/**
 * The longest known phrase inside a longer status ("Accepted by Clearinghouse" holds "accepted"), unless a
 * negation could turn its meaning around ("Not Paid").
 */
function containedPhrase(table: Vocabulary, word: string): string | null {
  const padded = ` ${word} `;
  if (/ (not|no|non|un|never) /.test(padded)) return null;
  let best: string | null = null;
  for (const phrase of Object.keys(table)) {
    if (phrase.length > 2 && padded.includes(` ${phrase} `) && (best === null || phrase.length > best.length)) best = phrase;
  }
  return best === null ? null : table[best];
}
