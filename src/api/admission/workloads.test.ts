import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { builtinStrategies } from './index.ts';
import { deployment, lines, podTemplate, workload } from './test-objects.ts';

const deployments = builtinStrategies['deployments.apps']!;

function create(resource: string, obj: KubeObject): string[] {
  const strategy = builtinStrategies[resource]!;
  strategy.defaults!(obj);
  return lines(strategy.validateCreate!(obj));
}

describe('deployment defaults', () => {
  it('fills replicas, the rolling update strategy and the history limits', () => {
    const obj = deployment();
    deployments.defaults!(obj);
    expect(obj.spec).toMatchObject({
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: { spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' } },
    });
    expect((obj.spec as { template: { spec: Record<string, unknown> } }).template.spec.enableServiceLinks).toBeUndefined();
  });

  it('adds no rollingUpdate block to a Recreate deployment', () => {
    const obj = deployment({ strategy: { type: 'Recreate' } });
    deployments.defaults!(obj);
    expect((obj.spec as { strategy: unknown }).strategy).toEqual({ type: 'Recreate' });
  });
});

describe('deployment validation', () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['accepts a deployment whose selector matches its template', {}, []],
    [
      'rejects a Deployment whose selector does not match its template',
      { template: podTemplate({ app: 'x' }) },
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`'],
    ],
    ['requires a selector', { selector: undefined }, ['spec.selector: Required value']],
    ['rejects an empty selector', { selector: {} }, ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['rejects negative replicas', { replicas: -1 }, ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    [
      'rejects maxSurge and maxUnavailable both zero',
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    ],
    [
      'rejects a percentage without the percent sign',
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25', maxUnavailable: 1 } } },
      [
        `spec.strategy.rollingUpdate.maxSurge: Invalid value: "25": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
      ],
    ],
    [
      'rejects a template that does not always restart',
      { template: podTemplate({ app: 'web' }, { restartPolicy: 'OnFailure' }) },
      ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    ],
    [
      'rejects an unknown strategy type',
      { strategy: { type: 'BlueGreen' } },
      ['spec.strategy.type: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"'],
    ],
    [
      'rejects an In expression without values',
      { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In' }] } },
      [
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      ],
    ],
  ];
  it.each(cases)('%s', (_name, spec, expected) => {
    const obj = deployment(spec);
    if (spec.selector === undefined && 'selector' in spec) delete (obj.spec as Record<string, unknown>).selector;
    expect(create('deployments.apps', obj)).toEqual(expected);
  });

  it('rejects a changed selector on update', () => {
    const old = deployment();
    deployments.defaults!(old);
    const next = deployment({ selector: { matchLabels: { app: 'web', tier: 'x' } }, template: podTemplate({ app: 'web', tier: 'x' }) });
    deployments.defaults!(next);
    expect(lines(deployments.validateUpdate!(next, old))).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"x"}}: field is immutable',
    ]);
  });
});

describe('statefulset, daemonset and replicaset', () => {
  it('defaults a StatefulSet as apps/v1 does', () => {
    const obj = workload('StatefulSet');
    builtinStrategies['statefulsets.apps']!.defaults!(obj);
    expect(obj.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
  });

  it('defaults a DaemonSet rolling update to one unavailable and no surge', () => {
    const obj = workload('DaemonSet');
    builtinStrategies['daemonsets.apps']!.defaults!(obj);
    expect(obj.spec).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    });
  });

  const cases: Array<[string, string, KubeObject, string[]]> = [
    ['accepts a valid ReplicaSet', 'replicasets.apps', workload('ReplicaSet'), []],
    [
      'rejects an empty StatefulSet selector',
      'statefulsets.apps',
      workload('StatefulSet', { selector: {} }),
      ['spec.selector: Invalid value: {}: empty selector is invalid for statefulset'],
    ],
    [
      'rejects an unknown pod management policy',
      'statefulsets.apps',
      workload('StatefulSet', { podManagementPolicy: 'Random' }),
      ['spec.podManagementPolicy: Unsupported value: "Random": supported values: "OrderedReady", "Parallel"'],
    ],
    [
      'rejects a DaemonSet whose selector does not match its template',
      'daemonsets.apps',
      workload('DaemonSet', { template: podTemplate({ app: 'other' }) }),
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`'],
    ],
  ];
  it.each(cases)('%s', (_name, resource, obj, expected) => {
    expect(create(resource, obj)).toEqual(expected);
  });

  it('forbids a StatefulSet update outside the mutable fields', () => {
    const strategy = builtinStrategies['statefulsets.apps']!;
    const old = workload('StatefulSet', { serviceName: 'web' });
    strategy.defaults!(old);
    const next = structuredClone(old);
    (next.spec as Record<string, unknown>).serviceName = 'other';
    expect(lines(strategy.validateUpdate!(next, old))).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });
});
