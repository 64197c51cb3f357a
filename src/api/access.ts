import { prefixOf } from './storage/keys.ts';
import { keyOf } from './storage/keys.ts';
import type { WatchCache } from './storage/watch-cache.ts';
import type { ClusterPki } from '../pki/index.ts';
import { importKeyPairPem, parseJoinToken, boundServiceAccountClaims, signServiceAccountToken, serviceAccountKeyId, DEFAULT_SERVICE_ACCOUNT_ISSUER } from '../pki/index.ts';
import { unionAuthenticator, type Authenticator, type UserInfo } from './auth/authenticate.ts';
import { x509Authenticator } from './auth/x509-authenticator.ts';
import { serviceAccountAuthenticator } from './auth/service-account-authenticator.ts';
import { joinTokenAuthenticator } from './auth/join-token-authenticator.ts';
import { rbacAuthorizer, PRIVILEGED_GROUP, type RbacSource } from './auth/rbac.ts';
import type { Gatekeeper, PeerInfo } from './http/app.ts';
import type { AccessControl, AccessAttributes } from './handlers/deps.ts';
import { rfc3339 } from './handlers/create.ts';

/** RBAC objects straight from the watch cache, so a new RoleBinding takes effect on the next request. */
function cacheRbacSource(cache: WatchCache): RbacSource {
  const all = (resource: string, ns?: string) => {
    const qualified = `${resource}.rbac.authorization.k8s.io`;
    return cache.list(prefixOf(qualified), ns ? prefixOf(qualified, ns) : undefined).map((c) => c.obj);
  };
  return {
    clusterRoles: () => all('clusterroles'),
    clusterRoleBindings: () => all('clusterrolebindings'),
    roles: (ns) => all('roles', ns),
    roleBindings: (ns) => all('rolebindings', ns),
  };
}

/**
 * Authentication (client certificates, service-account JWTs, the join token) and
 * authorization (system:masters, then RBAC) for the HTTP layer and the review APIs.
 */
export async function createAccess(opts: { cache: WatchCache; pki: ClusterPki; token: string; now: () => Date }): Promise<{ gate: Gatekeeper; control: AccessControl }> {
  const saKeys = await importKeyPairPem(opts.pki.serviceAccountKeyPem);
  const keyId = await serviceAccountKeyId(saKeys.publicKey);
  const certs = memoisedCertAuthenticator(x509Authenticator({ clientCaPem: opts.pki.clientCa.certPem, now: opts.now }));
  const serviceAccounts = serviceAccountAuthenticator({
    publicKeys: [saKeys.publicKey],
    now: opts.now,
    // As upstream: a token outlives neither its ServiceAccount nor a recreated one with another uid.
    lookup: (t) => {
      const sa = opts.cache.get(keyOf('serviceaccounts', t.namespace, t.serviceAccount.name));
      return !!sa && (!t.serviceAccount.uid || sa.obj.metadata.uid === t.serviceAccount.uid);
    },
  });
  const bearer = unionAuthenticator(serviceAccounts, joinTokenAuthenticator({ secret: parseJoinToken(opts.token).secret }));
  const rbac = rbacAuthorizer(cacheRbacSource(opts.cache));
  const authorize = (user: UserInfo, attrs: AccessAttributes) => {
    if (user.groups.includes(PRIVILEGED_GROUP)) return { allowed: true, reason: '' };
    return rbac.authorize(user, attrs);
  };
  const gate: Gatekeeper = {
    async authenticate(peer: PeerInfo, bearerToken) {
      if (peer.clientCertificateDer) {
        const user = await certs(peer.clientCertificateDer);
        if (user) return user;
      }
      return bearerToken ? bearer.authenticate({ bearerToken }) : undefined;
    },
    authorize(user, info) {
      const attrs: AccessAttributes = info.isResourceRequest
        ? { verb: info.verb, apiGroup: info.group, resource: info.resource, subresource: info.subresource, namespace: info.namespace, name: info.name, resourceRequest: true }
        : { verb: info.verb, apiGroup: '', resource: '', subresource: '', namespace: '', name: '', path: info.path, resourceRequest: false };
      const decision = authorize(user, attrs);
      return decision.allowed ? undefined : decision.reason;
    },
  };
  const control: AccessControl = {
    authorize,
    rulesFor: (user, namespace) => rbac.rulesFor(user, namespace),
    authenticateToken: (token) => bearer.authenticate({ bearerToken: token }),
    async issueServiceAccountToken(req) {
      const now = opts.now();
      const claims = boundServiceAccountClaims({
        namespace: req.namespace,
        serviceAccount: { name: req.name, uid: req.uid },
        audiences: req.audiences,
        expirationSeconds: req.expirationSeconds,
        pod: req.boundObject?.kind === 'Pod' ? { name: req.boundObject.name, uid: req.boundObject.uid } : undefined,
        secret: req.boundObject?.kind === 'Secret' ? { name: req.boundObject.name, uid: req.boundObject.uid } : undefined,
        issuer: DEFAULT_SERVICE_ACCOUNT_ISSUER,
        now,
      });
      const token = await signServiceAccountToken(saKeys.privateKey, claims, { keyId });
      return { token, expirationTimestamp: rfc3339(new Date(now.getTime() + req.expirationSeconds * 1000)) };
    },
  };
  return { gate, control };
}

/**
 * Certificate verification costs a signature check; clients reuse one certificate for
 * thousands of requests, so results are kept for a minute (bounded).
 */
function memoisedCertAuthenticator(inner: Authenticator): (der: Uint8Array) => Promise<UserInfo | undefined> {
  const cache = new Map<string, { user: UserInfo | undefined; until: number }>();
  return async (der) => {
    const key = Buffer.from(der).toString('base64');
    const hit = cache.get(key);
    const now = Date.now();
    if (hit && hit.until > now) return hit.user;
    const user = await inner.authenticate({ clientCertificate: { der } });
    if (cache.size > 1000) cache.clear();
    cache.set(key, { user, until: now + 60_000 });
    return user;
  };
}
