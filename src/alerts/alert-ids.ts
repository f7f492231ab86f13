// Stable alert ids are `type:natural key` (e.g. `claim_denied:CLM-1001`); a patient in a key is their ID, else a hash.

/**
 * Where a natural key names a patient (an authorization without a number, an unbilled session, a balance without an
 * account), the id carries the patient's source ID as `id-P1001`: it is the patient's identity in the store, so two
 * patients who share a name never share an alert, and a rename keeps it. A patient the exports give no ID is known by
 * name alone (SPEC §4), and the id carries a short hash of the normalized name: ids end up in logs, which must carry
 * record keys but never patient names (SPEC §10). The same name always gives the same id.
 */
export function patientToken(patientId: string | null, patientName: string | null): string {
  return patientId ? `id-${patientId}` : nameToken(patientName);
}

/** The hash of a name (`p` and 8 hex digits), which alert ids carried for every patient before store schema 10. */
export function nameToken(patientName: string | null): string {
  const normalized = (patientName ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  // FNV-1a, 32 bits: collisions among one practice's few thousand patients are vanishingly rare.
  let hash = 0x811c9dc5;
  for (let i = 0; i < normalized.length; i++) {
    hash ^= normalized.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `p${hash.toString(16).padStart(8, '0')}`;
}
