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
  let assigned = 0;
  const ordered = [...claims].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const claim of ordered) {
    const owner = ownerForPayer(claim.payer, config) ?? claim.rememberedOwner;
    if (owner !== null || staff.length === 0) {
      owners.set(claim.id, owner);
      continue;
    }
    owners.set(claim.id, staff[(rotationOffset + assigned) % staff.length]);
    assigned += 1;
  }
  return { owners, assigned };
}
