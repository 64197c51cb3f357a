/**
 * The short, stable hashes controllers name things with (upstream's controller.ComputeHash and
 * history.HashControllerRevision): 32-bit FNV-1a over an object's canonical JSON, then over the
 * collision count as a little-endian uint32 when one is given, printed in decimal and written
 * with apimachinery's rand.SafeEncodeString alphabet (no vowels, no look-alike characters).
 * Upstream hashes Go's printed form of the struct; canonical JSON (keys sorted) is as stable
 * across restarts and releases, which is what names of ReplicaSets and revisions need.
 */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function computeHash(data: unknown, collisionCount?: number): string {
  let hash = 0x811c9dc5;
  const feed = (byte: number) => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  for (const byte of new TextEncoder().encode(canonicalJson(data))) feed(byte);
  if (collisionCount !== undefined) {
    for (let i = 0; i < 4; i++) feed((collisionCount >>> (8 * i)) & 0xff);
  }
  return [...String(hash >>> 0)].map((c) => SAFE_ALPHABET[c.charCodeAt(0) % SAFE_ALPHABET.length]).join('');
}

/** JSON with object keys sorted at every level, so equal objects hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
