// Stable alert ids are `type:natural key` (e.g. `claim_denied:CLM-1001`); a patient name in a key becomes a hash.

/**
 * Where a natural key holds a patient's name (an authorization without a number, an unbilled session, a balance without
 * an account), the id carries a short hash of the normalized name instead: ids end up in logs, which must carry record
 * keys but never patient names (SPEC §10). The same name always gives the same id.
 */
export function patientToken(patientName: string | null): string {
  const normalized = (patientName ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  // FNV-1a, 32 bits: collisions among one practice's few thousand patients are vanishingly rare.
  let hash = 0x811c9dc5;
  for (let i = 0; i < normalized.length; i++) {
    hash ^= normalized.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `p${hash.toString(16).padStart(8, '0')}`;
}
