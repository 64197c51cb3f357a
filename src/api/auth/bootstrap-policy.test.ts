import { describe, expect, it } from 'vitest';
import { bootstrapPolicy } from './bootstrap-policy.ts';
import { effectiveClusterRoleRules } from './rbac-aggregation.ts';

const policy = bootstrapPolicy();
const clusterRoles = policy.filter((object) => object.kind === 'ClusterRole');
const byName = (kind: string, name: string) => policy.find((object) => object.kind === kind && object.metadata.name === name);

describe('bootstrapPolicy()', () => {
  it.each([
    'cluster-admin', 'admin', 'edit', 'view', 'system:aggregate-to-admin', 'system:aggregate-to-edit', 'system:aggregate-to-view',
    'system:basic-user', 'system:discovery', 'system:public-info-viewer', 'system:node', 'system:kube-scheduler', 'system:kube-controller-manager',
  ])('defines the ClusterRole %s', (name) => {
    expect(byName('ClusterRole', name)).toBeDefined();
  });

  it('labels and annotates every object as upstream bootstrap objects', () => {
    for (const object of policy) {
      expect(object.metadata.labels?.['kubernetes.io/bootstrapping']).toBe('rbac-defaults');
      expect(object.metadata.annotations?.['rbac.authorization.kubernetes.io/autoupdate']).toBe('true');
    }
  });

  it('builds admin, edit and view by aggregation, view excluding secrets', () => {
    for (const name of ['admin', 'edit', 'view']) {
      expect(byName('ClusterRole', name)?.aggregationRule).toEqual({
        clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${name}`]: 'true' } }],
      });
    }
    const viewRules = effectiveClusterRoleRules(byName('ClusterRole', 'view')!, clusterRoles);
    expect(viewRules.flatMap((rule) => rule.resources ?? [])).toContain('pods');
    expect(viewRules.flatMap((rule) => rule.resources ?? [])).not.toContain('secrets');
    const editRules = effectiveClusterRoleRules(byName('ClusterRole', 'edit')!, clusterRoles);
    expect(editRules.flatMap((rule) => rule.resources ?? [])).toContain('secrets');
    expect(editRules.flatMap((rule) => rule.resources ?? [])).not.toContain('rolebindings');
  });

  it.each([
    ['cluster-admin', [['Group', 'system:masters']]],
    ['system:discovery', [['Group', 'system:authenticated']]],
    ['system:basic-user', [['Group', 'system:authenticated']]],
    ['system:public-info-viewer', [['Group', 'system:authenticated'], ['Group', 'system:unauthenticated']]],
    ['system:node', [['Group', 'system:nodes']]],
  ])('binds %s to its default subjects', (name, subjects) => {
    const binding = byName('ClusterRoleBinding', name);
    expect(binding?.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name });
    expect((binding?.subjects as Array<{ kind: string; name: string }>).map((s) => [s.kind, s.name])).toEqual(subjects);
  });

  it('binds only roles it defines', () => {
    for (const binding of policy.filter((object) => object.kind === 'ClusterRoleBinding')) {
      expect(byName('ClusterRole', (binding.roleRef as { name: string }).name)).toBeDefined();
    }
  });

  it('returns fresh objects on every call, so callers may change them', () => {
    const first = bootstrapPolicy();
    first[0]!.metadata.labels!.changed = 'yes';
    const viewRole = first.find((object) => object.metadata.name === 'system:aggregate-to-view')!;
    (viewRole.rules as Array<{ resources: string[] }>)[0]!.resources.push('secrets');
    const second = bootstrapPolicy();
    expect(second[0]!.metadata.labels!.changed).toBeUndefined();
    const fresh = second.find((object) => object.metadata.name === 'system:aggregate-to-view')!;
    expect((fresh.rules as Array<{ resources: string[] }>)[0]!.resources).not.toContain('secrets');
  });
});
