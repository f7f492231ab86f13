// Header text into matching tokens, so "PatName", "Pat. Name", "patient_name" and "Name (Patient)" meet one synonym.

/** Abbreviations billing exports use, folded into one word each; every "number" word becomes "id". */
const ABBREVIATIONS: Record<string, string> = {
  pat: 'patient', pt: 'patient', pts: 'patient', ins: 'insurance', amt: 'amount', est: 'estimate', estimated: 'estimate',
  pmt: 'payment', pymt: 'payment', pay: 'payment', resp: 'responsible', acct: 'account', acc: 'account', svc: 'service',
  srv: 'service', dt: 'date', ref: 'reference', auth: 'authorization', authorisation: 'authorization', bal: 'balance',
  chg: 'charge', chrg: 'charge', apt: 'appointment', appt: 'appointment', prov: 'provider', num: 'id', no: 'id',
  nbr: 'id', number: 'id', qty: 'quantity', txn: 'transaction', trans: 'transaction', ded: 'deductible',
  desc: 'description', addr: 'address', tel: 'phone', telephone: 'phone', cancelled: 'canceled', payor: 'payer',
};

/** Words that carry no meaning for matching ("Date of Service" = "Service Date"). */
const STOPWORDS = new Set(['of', 'the', 'a', 'an', 'per', 'for', 'in', 'on', 'at', 'to', 'by', 'and', 'or', 'utc', 's']);

/** A plural's last "s" dropped, except in words where it is not a plural ("status", "address", "gross"). */
function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || /(ss|us|is)$/.test(word)) return word;
  return word.slice(0, -1);
}

/** Sorted, de-duplicated tokens: order does not matter ("DateService" matches "Service Date"). */
export function headerTokens(header: string): string[] {
  let text = header.trim();
  // Open Dental's sign prefixes carry meaning: "=Patient" is the patient portion, "Patient" the name.
  const sign = /^([-=+])\s*(?=\S)/.exec(text);
  let prefix = '';
  if (sign) {
    prefix = { '-': 'minus', '=': 'equal', '+': 'plus' }[sign[1]] ?? '';
    text = text.slice(sign[0].length);
  }
  text = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/e-mail/g, 'email')
    .replace(/#/g, ' number ')
    .replace(/\bw\/o\b/g, 'writeoff')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  const words = text.split(' ').filter(Boolean).map((w) => singular(ABBREVIATIONS[w] ?? w)).filter((w) => !STOPWORDS.has(w));
  if (prefix) words.push(prefix);
  return [...new Set(words)].sort();
}

/** One string per token set, for exact lookups. */
export function headerKey(header: string): string {
  return headerTokens(header).join(' ');
}
