import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { builtinStrategies } from './index.ts';
import { defaultPullPolicy } from './pod-defaults.ts';
import { container, lines, pod } from './test-objects.ts';

const strategy = builtinStrategies.pods!;

function create(obj: KubeObject): string[] {
  strategy.defaults!(obj);
  return lines(strategy.validateCreate!(obj));
}

describe('pod defaults', () => {
  it('fills the pod spec defaults kube-apiserver fills', () => {
    const obj = pod({ containers: [container({ ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1', memory: '1Gi' } } })] });
    strategy.defaults!(obj);
    expect(obj.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      enableServiceLinks: true,
      containers: [
        {
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: { requests: { cpu: '1', memory: '1Gi' } },
        },
      ],
    });
    expect(obj.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('stores resource quantities in canonical form', () => {
    const obj = pod({ containers: [container({ resources: { requests: { cpu: '0.5', memory: '1024Mi' } } })] });
    strategy.defaults!(obj);
    expect((obj.spec as { containers: Array<{ resources: unknown }> }).containers[0]!.resources).toEqual({
      requests: { cpu: '500m', memory: '1Gi' },
    });
  });

  it('keeps a value the client set, including false', () => {
    const obj = pod({ enableServiceLinks: false, restartPolicy: 'Never' });
    strategy.defaults!(obj);
    expect(obj.spec).toMatchObject({ enableServiceLinks: false, restartPolicy: 'Never' });
  });

  it('defaults probe timings and the httpGet scheme', () => {
    const obj = pod({ containers: [container({ livenessProbe: { httpGet: { port: 80 } } })] });
    strategy.defaults!(obj);
    expect((obj.spec as { containers: Array<Record<string, unknown>> }).containers[0]!.livenessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  const pullPolicies: Array<[string, string, string]> = [
    ['pulls Always for an image without a tag', 'nginx', 'Always'],
    ['pulls Always for :latest', 'nginx:latest', 'Always'],
    ['pulls IfNotPresent for a pinned tag', 'nginx:1.27', 'IfNotPresent'],
    ['pulls IfNotPresent for a digest', 'nginx@sha256:abcd', 'IfNotPresent'],
    ['does not mistake a registry port for a tag', 'registry:5000/app', 'Always'],
  ];
  it.each(pullPolicies)('%s (%s)', (_name, image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  it('classifies a pod without resources as BestEffort and one with requests only as Burstable', () => {
    const bestEffort = pod();
    strategy.defaults!(bestEffort);
    expect((bestEffort.status as { qosClass: string }).qosClass).toBe('BestEffort');
    const burstable = pod({ containers: [container({ resources: { requests: { cpu: '100m' } } })] });
    strategy.defaults!(burstable);
    expect((burstable.status as { qosClass: string }).qosClass).toBe('Burstable');
  });
});

describe('pod validation', () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['accepts a minimal pod', {}, []],
    ['requires at least one container', { containers: [] }, ['spec.containers: Required value']],
    ['requires an image', { containers: [{ name: 'app' }] }, ['spec.containers[0].image: Required value', 'spec.containers[0].imagePullPolicy: Required value']],
    [
      'rejects a duplicate container name',
      { containers: [container(), container()] },
      ['spec.containers[1].name: Duplicate value: "app"'],
    ],
    [
      'rejects an unknown pull policy',
      { containers: [container({ imagePullPolicy: 'Foo' })] },
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Foo": supported values: "Always", "IfNotPresent", "Never"'],
    ],
    [
      'rejects a port out of range',
      { containers: [container({ ports: [{ containerPort: 70000 }] })] },
      ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ],
    [
      'rejects an unknown protocol',
      { containers: [container({ ports: [{ containerPort: 80, protocol: 'ICMP' }] })] },
      ['spec.containers[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'rejects an unknown restart policy',
      { restartPolicy: 'Sometimes' },
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'rejects requests above limits',
      { containers: [container({ resources: { limits: { cpu: '500m' }, requests: { cpu: '1' } } })] },
      ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m'],
    ],
    [
      'rejects a malformed quantity',
      { containers: [container({ resources: { limits: { memory: '1GB' } } })] },
      [
        `spec.containers[0].resources.limits[memory]: Invalid value: "1GB": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      ],
    ],
    [
      'rejects a mount of an undeclared volume',
      { containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] },
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
  ];
  it.each(cases)('%s', (_name, spec, expected) => {
    expect(create(pod(spec))).toEqual(expected);
  });

  it('reports a wrong JSON type alone, as a decoding failure would', () => {
    const obj = pod({ containers: [container({ ports: [{ containerPort: 'eighty' }] })], restartPolicy: 'Foo' });
    expect(lines(strategy.validateCreate!(obj))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: "string": spec.containers[0].ports[0].containerPort in body must be of type integer: "string"',
    ]);
  });

  it('tolerates null metadata fields that clients send', () => {
    const obj = pod({}, { creationTimestamp: null, labels: null });
    expect(create(obj)).toEqual([]);
  });
});

describe('pod update', () => {
  it('allows a new image', () => {
    const old = pod();
    strategy.defaults!(old);
    const next = structuredClone(old);
    (next.spec as { containers: Array<Record<string, unknown>> }).containers[0]!.image = 'nginx:1.28';
    expect(lines(strategy.validateUpdate!(next, old))).toEqual([]);
  });

  it('forbids changing anything else in the spec', () => {
    const old = pod();
    strategy.defaults!(old);
    const next = structuredClone(old);
    (next.spec as Record<string, unknown>).restartPolicy = 'Never';
    expect(lines(strategy.validateUpdate!(next, old))[0]).toMatch(/^spec: Forbidden: pod updates may not change fields other than/);
  });
});

describe('pod field labels', () => {
  it('exposes the fields kubectl selects pods by', () => {
    const obj = pod({ nodeName: 'node-1' });
    strategy.defaults!(obj);
    expect(strategy.fieldLabels!(obj)).toMatchObject({
      'spec.nodeName': 'node-1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.hostNetwork': 'false',
      'status.phase': 'Pending',
    });
  });
});
