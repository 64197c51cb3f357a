import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { builtinStrategies } from './index.ts';
import { clusterScoped, lines, namespaced } from './test-objects.ts';

function create(resource: string, obj: KubeObject): string[] {
  const strategy = builtinStrategies[resource]!;
  strategy.defaults?.(obj);
  return lines(strategy.validateCreate!(obj));
}

const rbacV1 = 'rbac.authorization.k8s.io/v1';

describe('defaults of the smaller kinds', () => {
  it('gives a namespace its finalizer, phase and name label', () => {
    const obj = clusterScoped('v1', 'Namespace', {}, 'team-a');
    builtinStrategies.namespaces!.defaults!(obj);
    expect(obj).toMatchObject({
      metadata: { labels: { 'kubernetes.io/metadata.name': 'team-a' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('defaults a claim to a filesystem volume', () => {
    const obj = namespaced('v1', 'PersistentVolumeClaim', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    builtinStrategies.persistentvolumeclaims!.defaults!(obj);
    expect(obj.spec).toMatchObject({ volumeMode: 'Filesystem' });
  });

  it('defaults a storage class to Delete and Immediate', () => {
    const obj = clusterScoped('storage.k8s.io/v1', 'StorageClass', { provisioner: 'rancher.io/local-path' });
    builtinStrategies['storageclasses.storage.k8s.io']!.defaults!(obj);
    expect(obj).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
  });

  it('defaults network policy types from its rules', () => {
    const ingressOnly = namespaced('networking.k8s.io/v1', 'NetworkPolicy', { spec: { podSelector: {} } });
    builtinStrategies['networkpolicies.networking.k8s.io']!.defaults!(ingressOnly);
    expect(ingressOnly.spec).toMatchObject({ policyTypes: ['Ingress'] });
    const both = namespaced('networking.k8s.io/v1', 'NetworkPolicy', { spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } });
    builtinStrategies['networkpolicies.networking.k8s.io']!.defaults!(both);
    expect(both.spec).toMatchObject({ policyTypes: ['Ingress', 'Egress'], egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }] });
  });

  it('defaults a priority class to preempt lower priorities', () => {
    const obj = clusterScoped('scheduling.k8s.io/v1', 'PriorityClass', { value: 1000 });
    builtinStrategies['priorityclasses.scheduling.k8s.io']!.defaults!(obj);
    expect(obj.preemptionPolicy).toBe('PreemptLowerPriority');
  });

  it('defaults binding subjects and roleRef to the RBAC group', () => {
    const obj = namespaced(rbacV1, 'RoleBinding', { roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }, { kind: 'ServiceAccount', name: 's' }] });
    builtinStrategies['rolebindings.rbac.authorization.k8s.io']!.defaults!(obj);
    expect(obj).toMatchObject({
      roleRef: { apiGroup: 'rbac.authorization.k8s.io' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io' }, { apiGroup: '' }],
    });
  });
});

describe('validation of the smaller kinds', () => {
  const cases: Array<[string, string, KubeObject, string[]]> = [
    [
      'rejects a namespace name with a dot',
      'namespaces',
      clusterScoped('v1', 'Namespace', {}, 'team.a'),
      [
        `metadata.name: Invalid value: "team.a": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    [
      'requires verbs in a role rule',
      'roles.rbac.authorization.k8s.io',
      namespaced(rbacV1, 'Role', { rules: [{ apiGroups: [''], resources: ['pods'] }] }),
      ['rules[0].verbs: Required value: verbs must contain at least one value'],
    ],
    [
      'rejects non-resource URLs in a namespaced role',
      'roles.rbac.authorization.k8s.io',
      namespaced(rbacV1, 'Role', { rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }] }),
      ['rules[0].nonResourceURLs: Invalid value: ["/healthz"]: namespaced rules cannot apply to non-resource URLs'],
    ],
    [
      'accepts a cluster role named with colons',
      'clusterroles.rbac.authorization.k8s.io',
      clusterScoped(rbacV1, 'ClusterRole', { rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }] }, 'system:health'),
      [],
    ],
    [
      'requires a namespace for a service account subject of a cluster role binding',
      'clusterrolebindings.rbac.authorization.k8s.io',
      clusterScoped(rbacV1, 'ClusterRoleBinding', { roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'sa' }] }),
      ['subjects[0].namespace: Required value'],
    ],
    [
      'requires access modes and a storage request on a claim',
      'persistentvolumeclaims',
      namespaced('v1', 'PersistentVolumeClaim', { spec: {} }),
      ['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value'],
    ],
    [
      'requires a provisioner on a storage class',
      'storageclasses.storage.k8s.io',
      clusterScoped('storage.k8s.io/v1', 'StorageClass'),
      ['provisioner: Required value'],
    ],
    [
      'requires a pathType on an ingress path',
      'ingresses.networking.k8s.io',
      namespaced('networking.k8s.io/v1', 'Ingress', {
        spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
      }),
      ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'],
    ],
    [
      'rejects both minAvailable and maxUnavailable on a disruption budget',
      'poddisruptionbudgets.policy',
      namespaced('policy/v1', 'PodDisruptionBudget', { spec: { minAvailable: 1, maxUnavailable: 1 } }),
      ['spec: Invalid value: {"minAvailable":1,"maxUnavailable":1}: minAvailable and maxUnavailable cannot be both set'],
    ],
    [
      'rejects a user priority above one billion',
      'priorityclasses.scheduling.k8s.io',
      clusterScoped('scheduling.k8s.io/v1', 'PriorityClass', { value: 2_000_000_000 }),
      ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000'],
    ],
    [
      'rejects a lease duration of zero',
      'leases.coordination.k8s.io',
      namespaced('coordination.k8s.io/v1', 'Lease', { spec: { leaseDurationSeconds: 0 } }),
      ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0'],
    ],
    [
      'rejects an event about an object in another namespace',
      'events',
      namespaced('v1', 'Event', { involvedObject: { kind: 'Pod', name: 'p', namespace: 'other' } }),
      ['involvedObject.namespace: Invalid value: "other": does not match event.namespace'],
    ],
    [
      'rejects an unknown taint effect on a node',
      'nodes',
      clusterScoped('v1', 'Node', { spec: { taints: [{ key: 'k', effect: 'Sometimes' }] } }, 'node-1'),
      ['spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoExecute", "NoSchedule", "PreferNoSchedule"'],
    ],
  ];
  it.each(cases)('%s', (_name, resource, obj, expected) => {
    expect(create(resource, obj)).toEqual(expected);
  });

  it('rejects a changed roleRef', () => {
    const strategy = builtinStrategies['rolebindings.rbac.authorization.k8s.io']!;
    const old = namespaced(rbacV1, 'RoleBinding', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'a' } });
    const next = namespaced(rbacV1, 'RoleBinding', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'b' } });
    expect(lines(strategy.validateUpdate!(next, old))).toEqual([
      'roleRef: Invalid value: {"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"b"}: cannot change roleRef',
    ]);
  });
});

describe('field labels', () => {
  it('selects events by their involved object, reason, source and type', () => {
    const event = namespaced('v1', 'Event', {
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'u1', apiVersion: 'v1', resourceVersion: '7', fieldPath: 'spec.containers{app}' },
      reason: 'Pulled',
      source: { component: 'kubelet' },
      reportingComponent: 'kubelet',
      type: 'Normal',
    });
    expect(builtinStrategies.events!.fieldLabels!(event)).toEqual({
      'involvedObject.kind': 'Pod',
      'involvedObject.namespace': 'default',
      'involvedObject.name': 'web',
      'involvedObject.uid': 'u1',
      'involvedObject.apiVersion': 'v1',
      'involvedObject.resourceVersion': '7',
      'involvedObject.fieldPath': 'spec.containers{app}',
      reason: 'Pulled',
      reportingComponent: 'kubelet',
      source: 'kubelet',
      type: 'Normal',
    });
  });

  const cases: Array<[string, string, KubeObject, Record<string, string>]> = [
    ['nodes by spec.unschedulable', 'nodes', clusterScoped('v1', 'Node', { spec: { unschedulable: true } }), { 'spec.unschedulable': 'true' }],
    ['namespaces by status.phase', 'namespaces', clusterScoped('v1', 'Namespace', { status: { phase: 'Terminating' } }), { 'status.phase': 'Terminating' }],
    ['replicasets by status.replicas', 'replicasets.apps', namespaced('apps/v1', 'ReplicaSet', { status: { replicas: 3 } }), { 'status.replicas': '3' }],
  ];
  it.each(cases)('selects %s', (_name, resource, obj, expected) => {
    expect(builtinStrategies[resource]!.fieldLabels!(obj)).toEqual(expected);
  });
});
