// The notes a report carries when full exports lacked records it still shows (SPEC §10: reported, not removed).

/** How each table's records are shown, and what their absence may mean (`them`: the pronoun for the count). */
const WHAT: Record<string, { one: string; many: string; shown: string; hint?: (them: string) => string }> = {
  claims: { one: 'claim', many: 'claims', shown: 'with the status last imported', hint: (them) => `the payer may have paid or closed ${them}` },
  balances: { one: 'balance', many: 'balances', shown: 'as last exported', hint: (them) => `the PMS may show ${them} paid off` },
  authorizations: { one: 'authorization', many: 'authorizations', shown: 'as last imported' },
  appointments: { one: 'appointment', many: 'appointments', shown: 'as last imported' },
  patients: { one: 'patient', many: 'patients', shown: 'as last imported' },
  payments: { one: 'payment', many: 'payments', shown: 'as last imported' },
};

/** One note per table of `tables` with records missing, from `counts` (table → records missing). */
export function missingNotes(counts: ReadonlyMap<string, number>, tables: readonly string[]): string[] {
  return tables.flatMap((table) => {
    const count = counts.get(table) ?? 0;
    if (count === 0) return [];
    const what = WHAT[table];
    const them = count === 1 ? 'it' : 'them';
    const records = count === 1 ? `1 ${what.one} is` : `${count} ${what.many} are`;
    const hint = what.hint ? `; ${what.hint(them)}` : '';
    return [`${records} missing from the latest full export that listed ${them} before: kept and shown ${what.shown} (nothing is removed)${hint}`];
  });
}
