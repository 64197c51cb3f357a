import { errors } from '../errors.ts';
import type { UserInfo } from '../auth/authenticate.ts';
import type { AccessAttributes } from '../handlers/deps.ts';

const EXTRA_PREFIX = 'impersonate-extra-';

/**
 * User impersonation (`kubectl --as/--as-group`), as kube-apiserver's impersonation filter:
 * the requester needs the `impersonate` verb on each user, group, uid and extra it asks for;
 * the request then runs as the impersonated user, who is also system:authenticated.
 * Returns the user to continue with (the requester's own when nothing is impersonated).
 */
export function impersonate(
  headers: Headers,
  requester: UserInfo,
  authorize: (user: UserInfo, attrs: AccessAttributes) => { allowed: boolean; reason: string },
): UserInfo {
  const username = headers.get('impersonate-user');
  const groups = headerValues(headers, 'impersonate-group');
  const uid = headers.get('impersonate-uid');
  const extra: Record<string, string[]> = {};
  headers.forEach((value, name) => {
    if (name.toLowerCase().startsWith(EXTRA_PREFIX)) {
      const key = decodeURIComponent(name.slice(EXTRA_PREFIX.length)).toLowerCase();
      extra[key] = [...(extra[key] ?? []), ...value.split(',').map((v) => v.trim())];
    }
  });
  if (!username) {
    if (groups.length || uid || Object.keys(extra).length) {
      throw errors.internal('requested impersonation of groups, uid or extra without impersonating a user');
    }
    return requester;
  }
  const check = (attrs: Omit<AccessAttributes, 'verb' | 'subresource' | 'resourceRequest'> & { subresource?: string }, what: string) => {
    const decision = authorize(requester, { verb: 'impersonate', subresource: '', resourceRequest: true, ...attrs });
    if (!decision.allowed) {
      throw errors.forbidden(`${what} is forbidden: User "${requester.username}" cannot impersonate resource "${attrs.resource}" in API group "${attrs.apiGroup}"${attrs.namespace ? ` in the namespace "${attrs.namespace}"` : ' at the cluster scope'}`);
    }
  };
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  if (sa) check({ apiGroup: '', resource: 'serviceaccounts', namespace: sa[1], name: sa[2] }, `serviceaccounts "${sa[2]}"`);
  else check({ apiGroup: '', resource: 'users', namespace: '', name: username }, `users "${username}"`);
  for (const g of groups) check({ apiGroup: '', resource: 'groups', namespace: '', name: g }, `groups "${g}"`);
  if (uid) check({ apiGroup: 'authentication.k8s.io', resource: 'uids', namespace: '', name: uid }, `uids.authentication.k8s.io "${uid}"`);
  for (const [key, values] of Object.entries(extra)) {
    for (const v of values) check({ apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: key, namespace: '', name: v }, `userextras.authentication.k8s.io "${v}"`);
  }
  const allGroups = [...groups];
  if (sa) allGroups.push('system:serviceaccounts', `system:serviceaccounts:${sa[1]}`);
  if (username !== 'system:anonymous' && !allGroups.includes('system:authenticated')) allGroups.push('system:authenticated');
  return { username, uid: uid ?? undefined, groups: allGroups, extra: Object.keys(extra).length ? extra : undefined };
}

function headerValues(headers: Headers, name: string): string[] {
  const raw = headers.get(name);
  if (!raw) return [];
  // Headers joins repeated headers with ", " (Go sends one header per group).
  return raw.split(',').map((v) => v.trim()).filter((v) => v !== '');
}
