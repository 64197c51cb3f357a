import type { WriteHook } from '../handlers/deps.ts';

/**
 * As upstream's CSR strategy (PrepareForCreate): a new CertificateSigningRequest records who
 * asked (spec.username, uid, groups, extra) from the request's identity, whatever the body said;
 * updates keep what was recorded.
 */
export const csrRequesterHook: WriteHook = ({ obj, old, user }) => {
  const spec = (obj.spec ?? (obj.spec = {})) as Record<string, unknown>;
  const source = old ? ((old.spec ?? {}) as Record<string, unknown>) : user ? { username: user.username, uid: user.uid, groups: user.groups, extra: user.extra } : {};
  for (const field of ['username', 'uid', 'groups', 'extra']) {
    if (source[field] === undefined) delete spec[field];
    else spec[field] = source[field];
  }
  return () => {};
};
