import { describe, expect, it } from 'vitest';
import { builtinStrategies } from './index.ts';
import { clusterScoped, namespaced, pod } from './test-objects.ts';

describe('builtinStrategies', () => {
  const resources = [
    'pods',
    'services',
    'configmaps',
    'secrets',
    'namespaces',
    'nodes',
    'events',
    'persistentvolumeclaims',
    'deployments.apps',
    'replicasets.apps',
    'statefulsets.apps',
    'daemonsets.apps',
    'jobs.batch',
    'cronjobs.batch',
    'ingresses.networking.k8s.io',
    'networkpolicies.networking.k8s.io',
    'poddisruptionbudgets.policy',
    'priorityclasses.scheduling.k8s.io',
    'storageclasses.storage.k8s.io',
    'leases.coordination.k8s.io',
    'roles.rbac.authorization.k8s.io',
    'clusterroles.rbac.authorization.k8s.io',
    'rolebindings.rbac.authorization.k8s.io',
    'clusterrolebindings.rbac.authorization.k8s.io',
  ];
  it.each(resources)('has a validating strategy for %s', (resource) => {
    expect(builtinStrategies[resource]?.validateCreate).toBeTypeOf('function');
    expect(builtinStrategies[resource]?.validateUpdate).toBeTypeOf('function');
  });

  it('checks metadata even for kinds without semantic rules', () => {
    const causes = builtinStrategies.serviceaccounts!.validateCreate!(namespaced('v1', 'ServiceAccount', {}, 'Bad_Name'));
    expect(causes.map((c) => c.field)).toEqual(['metadata.name']);
  });

  it('reports causes with upstream reasons', () => {
    const obj = pod({ containers: [] });
    builtinStrategies.pods!.defaults!(obj);
    const causes = builtinStrategies.pods!.validateCreate!(obj);
    expect(causes).toEqual([{ reason: 'FieldValueRequired', field: 'spec.containers', message: 'Required value' }]);
  });

  it('accepts fields the schema does not know, leaving unknown-field policy to the handler', () => {
    const obj = clusterScoped('v1', 'Namespace', { spec: { somethingNew: true } }, 'team-a');
    builtinStrategies.namespaces!.defaults!(obj);
    expect(builtinStrategies.namespaces!.validateCreate!(obj)).toEqual([]);
  });
});
