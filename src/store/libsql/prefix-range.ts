/**
 * The half-open key range [from, to) holding every key that starts with prefix, as etcd's
 * clientv3.GetPrefixRangeEnd computes it: bump the last character that can be bumped.
 * `to` is undefined when no upper bound exists (the empty prefix).
 *
 * @example
 * prefixRange('/registry/pods/'); // { from: '/registry/pods/', to: '/registry/pods0' }
 */
export function prefixRange(prefix: string): { from: string; to?: string } {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const code = prefix.charCodeAt(i);
    if (code < 0xffff) return { from: prefix, to: prefix.slice(0, i) + String.fromCharCode(code + 1) };
  }
  return { from: prefix };
}
