import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import type { UserInfo } from './authenticate.ts';
import { bootstrapPolicy } from './bootstrap-policy.ts';
import { rbacAuthorizer, type AuthorizationAttributes } from './rbac.ts';
import { staticRbacSource } from './rbac-static-source.ts';

const rbac = 'rbac.authorization.k8s.io';
const binding = (options: { name: string; namespace: string; role: string; roleKind?: string; subject: Record<string, string> }): KubeObject => ({
  apiVersion: `${rbac}/v1`,
  kind: 'RoleBinding',
  metadata: { name: options.name, namespace: options.namespace },
  roleRef: { apiGroup: rbac, kind: options.roleKind ?? 'ClusterRole', name: options.role },
  subjects: [options.subject],
});

const objects: KubeObject[] = [
  ...bootstrapPolicy(),
  binding({ name: 'alice-view', namespace: 'dev', role: 'view', subject: { kind: 'User', name: 'alice' } }),
  binding({ name: 'bob-edit', namespace: 'dev', role: 'edit', subject: { kind: 'User', name: 'bob' } }),
  binding({ name: 'carol-admin', namespace: 'dev', role: 'admin', subject: { kind: 'Group', name: 'dev-admins' } }),
  binding({ name: 'ci-reader', namespace: 'dev', role: 'settings-reader', roleKind: 'Role', subject: { kind: 'ServiceAccount', name: 'ci' } }),
  binding({ name: 'dangling', namespace: 'dev', role: 'gone', roleKind: 'Role', subject: { kind: 'User', name: 'dave' } }),
  {
    apiVersion: `${rbac}/v1`,
    kind: 'Role',
    metadata: { name: 'settings-reader', namespace: 'dev' },
    rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['get'] }],
  },
  {
    apiVersion: `${rbac}/v1`,
    kind: 'ClusterRole',
    metadata: { name: 'widgets-view', labels: { [`${rbac}/aggregate-to-view`]: 'true' } },
    rules: [{ apiGroups: ['example.com'], resources: ['widgets'], verbs: ['get', 'list', 'watch'] }],
  },
  // Two aggregated roles selecting each other: evaluation must terminate.
  { apiVersion: `${rbac}/v1`, kind: 'ClusterRole', metadata: { name: 'loop-a', labels: { loop: 'a' } }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { loop: 'b' } }] } },
  { apiVersion: `${rbac}/v1`, kind: 'ClusterRole', metadata: { name: 'loop-b', labels: { loop: 'b' } }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { loop: 'a' } }] } },
  binding({ name: 'loop', namespace: 'dev', role: 'loop-a', subject: { kind: 'User', name: 'erin' } }),
];

const authorizer = rbacAuthorizer(staticRbacSource(objects));
const person = (username: string, ...groups: string[]): UserInfo => ({ username, groups: [...groups, 'system:authenticated'] });
const resource = (verb: string, resourcePath: string, options: { group?: string; namespace?: string; name?: string } = {}): AuthorizationAttributes => {
  const [resourceName, subresource = ''] = resourcePath.split('/') as [string, string?];
  return { verb, apiGroup: options.group ?? '', resource: resourceName, subresource, namespace: options.namespace ?? 'dev', name: options.name ?? '', resourceRequest: true };
};
const url = (verb: string, path: string): AuthorizationAttributes => ({ verb, apiGroup: '', resource: '', subresource: '', namespace: '', name: '', path, resourceRequest: false });

const cases: Array<{ name: string; user: UserInfo; attributes: AuthorizationAttributes; allowed: boolean }> = [
  { name: 'view can get pods', user: person('alice'), attributes: resource('get', 'pods'), allowed: true },
  { name: 'view can read pod logs', user: person('alice'), attributes: resource('get', 'pods/log'), allowed: true },
  { name: 'view cannot get secrets', user: person('alice'), attributes: resource('get', 'secrets'), allowed: false },
  { name: 'view cannot delete pods', user: person('alice'), attributes: resource('delete', 'pods', { name: 'p' }), allowed: false },
  { name: 'view cannot exec into pods', user: person('alice'), attributes: resource('create', 'pods/exec', { name: 'p' }), allowed: false },
  { name: 'a RoleBinding grants nothing in another namespace', user: person('alice'), attributes: resource('get', 'pods', { namespace: 'prod' }), allowed: false },
  { name: 'a RoleBinding grants nothing cluster-wide', user: person('alice'), attributes: resource('list', 'pods', { namespace: '' }), allowed: false },
  { name: 'edit can create deployments', user: person('bob'), attributes: resource('create', 'deployments', { group: 'apps' }), allowed: true },
  { name: 'edit can scale deployments', user: person('bob'), attributes: resource('update', 'deployments/scale', { group: 'apps', name: 'd' }), allowed: true },
  { name: 'edit can read secrets', user: person('bob'), attributes: resource('get', 'secrets', { name: 's' }), allowed: true },
  { name: 'edit can exec into pods', user: person('bob'), attributes: resource('create', 'pods/exec', { name: 'p' }), allowed: true },
  { name: 'edit inherits view through aggregation', user: person('bob'), attributes: resource('list', 'events'), allowed: true },
  { name: 'edit cannot create rolebindings', user: person('bob'), attributes: resource('create', 'rolebindings', { group: rbac }), allowed: false },
  { name: 'edit cannot update pod status', user: person('bob'), attributes: resource('update', 'pods/status', { name: 'p' }), allowed: false },
  { name: 'admin (through a group) can create rolebindings', user: person('carol', 'dev-admins'), attributes: resource('create', 'rolebindings', { group: rbac }), allowed: true },
  { name: 'admin inherits edit through aggregation', user: person('carol', 'dev-admins'), attributes: resource('delete', 'deployments', { group: 'apps', name: 'd' }), allowed: true },
  { name: 'a custom role labelled aggregate-to-view extends view', user: person('alice'), attributes: resource('list', 'widgets', { group: 'example.com' }), allowed: true },
  { name: 'the custom role reaches admin through view and edit', user: person('carol', 'dev-admins'), attributes: resource('watch', 'widgets', { group: 'example.com' }), allowed: true },
  { name: 'resourceNames allow the named object', user: person('system:serviceaccount:dev:ci'), attributes: resource('get', 'configmaps', { name: 'settings' }), allowed: true },
  { name: 'resourceNames deny other objects', user: person('system:serviceaccount:dev:ci'), attributes: resource('get', 'configmaps', { name: 'other' }), allowed: false },
  { name: 'resourceNames deny requests without a name (list)', user: person('system:serviceaccount:dev:ci'), attributes: resource('list', 'configmaps'), allowed: false },
  { name: 'a ServiceAccount subject without namespace means the binding namespace only', user: person('system:serviceaccount:prod:ci'), attributes: resource('get', 'configmaps', { name: 'settings' }), allowed: false },
  { name: 'authenticated users may GET /healthz', user: person('alice'), attributes: url('get', '/healthz'), allowed: true },
  { name: 'a trailing * matches by prefix', user: person('alice'), attributes: url('get', '/apis/apps/v1'), allowed: true },
  { name: 'a trailing * needs the prefix up to the star', user: person('alice'), attributes: url('get', '/apisx'), allowed: false },
  { name: 'non-resource URLs are verb-checked', user: person('alice'), attributes: url('post', '/healthz'), allowed: false },
  { name: 'authenticated users may not read /metrics', user: person('alice'), attributes: url('get', '/metrics'), allowed: false },
  { name: 'system:masters may do anything', user: person('root', 'system:masters'), attributes: resource('delete', 'nodes', { namespace: '', name: 'n' }), allowed: true },
  { name: 'nodes may update pod status', user: person('system:node:n1', 'system:nodes'), attributes: resource('patch', 'pods/status', { name: 'p' }), allowed: true },
  { name: 'nodes may not create deployments', user: person('system:node:n1', 'system:nodes'), attributes: resource('create', 'deployments', { group: 'apps' }), allowed: false },
  { name: 'the scheduler may bind pods', user: person('system:kube-scheduler'), attributes: resource('create', 'pods/binding', { name: 'p' }), allowed: true },
  { name: 'an aggregation cycle terminates and grants nothing', user: person('erin'), attributes: resource('get', 'pods'), allowed: false },
];

describe('rbacAuthorizer().authorize()', () => {
  for (const { name, user, attributes, allowed } of cases) {
    it(`${allowed ? 'allows' : 'denies'}: ${name}`, () => {
      expect(authorizer.authorize(user, attributes).allowed).toBe(allowed);
    });
  }

  it('names the binding, role and subject that allowed the request, as upstream', () => {
    expect(authorizer.authorize(person('alice'), resource('get', 'pods')).reason).toBe(
      'RBAC: allowed by RoleBinding "alice-view/dev" of ClusterRole "view" to User "alice"',
    );
    expect(authorizer.authorize(person('alice'), url('get', '/version')).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"',
    );
    expect(authorizer.authorize(person('system:serviceaccount:dev:ci'), resource('get', 'configmaps', { name: 'settings' })).reason).toBe(
      'RBAC: allowed by RoleBinding "ci-reader/dev" of Role "settings-reader" to ServiceAccount "ci/dev"',
    );
  });

  it('gives an empty reason for a plain denial and names a missing role', () => {
    expect(authorizer.authorize(person('alice'), resource('get', 'secrets'))).toEqual({ allowed: false, reason: '' });
    expect(authorizer.authorize(person('dave'), resource('get', 'pods'))).toEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "gone" not found',
    });
  });
});

describe('rbacAuthorizer().rulesFor()', () => {
  it('lists the rules of namespace bindings together with cluster-wide ones', () => {
    const { rules } = authorizer.rulesFor(person('system:serviceaccount:dev:ci'), 'dev');
    expect(rules).toContainEqual({ apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['get'] });
    expect(rules.some((rule) => rule.nonResourceURLs?.includes('/healthz'))).toBe(true);
  });
});
