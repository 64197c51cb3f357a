/**
 * Names of ControllerRevisions and the `controller-revision-hash` label, as upstream's
 * controller/history.HashControllerRevision: a 32-bit FNV-1a hash of the revision's data (plus
 * the parent's collisionCount when set), written with apimachinery's rand.SafeEncodeString
 * alphabet so that it never spells words and never looks like a number.
 */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function fnv32a(text: string, hash = 0x811c9dc5): number {
  const bytes = new TextEncoder().encode(text);
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** JSON with keys sorted at every level, so equal objects hash equally whatever their key order. */
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

/** rand.SafeEncodeString of the decimal form of the hash, as upstream does. */
function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** The hash of a revision's data; `collisionCount` perturbs it after a name collision. */
export function hashRevision(data: unknown, collisionCount?: number): string {
  let hash = fnv32a(canonicalJson(data));
  if (collisionCount) {
    const buf = new Uint8Array(4);
    new DataView(buf.buffer).setUint32(0, collisionCount, true);
    hash = fnv32a(String.fromCharCode(...buf), hash);
  }
  return safeEncode(String(hash));
}
