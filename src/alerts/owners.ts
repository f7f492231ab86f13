// Who follows up a denied claim: the `owners` rule for its payer, else a stable round-robin over `billing_staff`.
import type { Config } from '../workspace/config-schema.js';

/** The owner of the first `alerts.owners` rule whose `match` is in the payer name (case-insensitive), else null. */
export function ownerForPayer(payerName: string | null, config: Config): string | null {
  if (!payerName) return null;
  const name = payerName.toLowerCase();
  return config.alerts.owners.find((rule) => name.includes(rule.match.toLowerCase()))?.owner ?? null;
}

export interface OwnerAssignment {
  owners: Map<string, string | null>;
  /** How many owners this call took from the rotation: add it to the count passed in next time. */
  assigned: number;
}

/** A claim_denied alert: its id (`claim_denied:<claim id>`), its payer, and the owner the store remembers for it. */
export interface DeniedClaim {
  id: string;
  payer: string | null;
  rememberedOwner: string | null;
}

/**
 * Owners for claim_denied alerts, by alert id (so id order is claim id order). A payer rule wins; else a remembered
 * owner is kept, so a claim never changes hands between runs; else new alerts, in order of claim id, continue the
 * rotation over `billing_staff` from `rotationOffset` (how many owners it handed out before). A count still means
 * something after staff are added or removed; "the last person assigned" may be gone.
 */
export function assignOwners(claims: readonly DeniedClaim[], rotationOffset: number, config: Config): OwnerAssignment {
  const owners = new Map<string, string | null>();
  const staff = config.alerts.billing_staff;
  // Payers repeat across thousands of denied claims: each payer's rule is looked for once.
  const byPayer = new Map<string | null, string | null>();
  const rotating: string[] = [];
  for (const claim of claims) {
    let ruled = byPayer.get(claim.payer);
    if (ruled === undefined) {
      ruled = ownerForPayer(claim.payer, config);
      byPayer.set(claim.payer, ruled);
    }
    const owner = ruled ?? claim.rememberedOwner;
    if (owner !== null || staff.length === 0) owners.set(claim.id, owner);
    else rotating.push(claim.id);
  }
  // Only new alerts without a payer rule take from the rotation, in id order.
  rotating.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  rotating.forEach((id, i) => owners.set(id, staff[(rotationOffset + i) % staff.length]));
  return { owners, assigned: rotating.length };
}
