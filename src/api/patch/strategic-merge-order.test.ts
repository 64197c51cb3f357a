import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch } from './strategic-merge-patch.ts';
import { type SmpCase, containers, pod } from './testdata/builders.ts';
import { deploymentSchema, podSchema } from './testdata/schemas.ts';

// `$setElementOrder`, as `kubectl apply` sends it.
const orderCases: SmpCase[] = [
  {
    name: 'orders containers as $setElementOrder says, merging the changed ones',
    doc: pod(containers({ name: '1', image: 'x' }, { name: '2', image: 'y' })),
    patch: {
      spec: {
        '$setElementOrder/containers': [{ name: '4' }, { name: '1' }, { name: '2' }, { name: '3' }],
        containers: [{ name: '4', image: '4' }, { name: '3', image: '3' }],
      },
    },
    want: pod(containers({ name: '4', image: '4' }, { name: '1', image: 'x' }, { name: '2', image: 'y' }, { name: '3', image: '3' })),
  },
  {
    name: 'reorders a list with only $setElementOrder and no list in the patch',
    doc: pod(containers({ name: 'a' }, { name: 'b' }, { name: 'c' })),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }, { name: 'b' }] } },
    want: pod(containers({ name: 'c' }, { name: 'a' }, { name: 'b' })),
  },
  {
    name: 'weaves in a server-only container by its live position when $setElementOrder omits it',
    doc: pod(containers({ name: 'a' }, { name: 'injected' }, { name: 'b' })),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] } },
    want: pod(containers({ name: 'injected' }, { name: 'b' }, { name: 'a' })),
  },
  {
    name: 'ignores $setElementOrder entries the list does not have',
    doc: pod(containers({ name: '1' }, { name: '3' })),
    patch: {
      spec: {
        '$setElementOrder/containers': [{ name: '3' }, { name: '2' }, { name: '1' }],
        containers: [{ name: '3', image: '3' }, { name: '1', image: '1' }],
      },
    },
    want: pod(containers({ name: '3', image: '3' }, { name: '1', image: '1' })),
  },
  {
    name: 'applies $setElementOrder with $deleteFromPrimitiveList on finalizers (upstream: delete items in lists of scalars)',
    doc: pod({}, { finalizers: ['1', '2', '3', '4'] }),
    patch: { metadata: { '$setElementOrder/finalizers': ['1', '2'], '$deleteFromPrimitiveList/finalizers': ['3'] } },
    want: pod({}, { finalizers: ['1', '2', '4'] }),
  },
  {
    name: 'adds, deletes and orders finalizers in one patch',
    doc: pod({}, { finalizers: ['1', '2', '3'] }),
    patch: {
      metadata: { '$setElementOrder/finalizers': ['4', '1', '2'], '$deleteFromPrimitiveList/finalizers': ['3'], finalizers: ['4'] },
    },
    want: pod({}, { finalizers: ['4', '1', '2'] }),
  },
  {
    name: 'deletes a container and orders the rest with $setElementOrder',
    doc: pod(containers({ name: 'a' }, { name: 'b' }, { name: 'c' })),
    patch: {
      spec: {
        '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }],
        containers: [{ name: 'b', $patch: 'delete' }],
      },
    },
    want: pod(containers({ name: 'c' }, { name: 'a' })),
  },
  {
    name: 'creates a list named by $setElementOrder from the patch list',
    doc: pod({}),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'b' }, { name: 'a' }] } },
    want: pod(containers({ name: 'b' }, { name: 'a' })),
  },
];

// Whole patches as client-side `kubectl apply` computes them (three-way diff with
// $setElementOrder and $retainKeys), applied to a live object that has server-side additions.
const kubectlApplyCases: SmpCase[] = [
  {
    name: 'applies a kubectl apply patch that switches a volume from configMap to secret',
    schema: deploymentSchema,
    doc: {
      spec: {
        template: {
          spec: {
            volumes: [{ name: 'cfg', configMap: { name: 'old' } }, { name: 'scratch', emptyDir: {} }],
            containers: [{ name: 'app', image: 'a', volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }] }],
          },
        },
      },
    },
    patch: {
      spec: {
        template: {
          spec: {
            '$setElementOrder/volumes': [{ name: 'cfg' }, { name: 'scratch' }],
            volumes: [{ $retainKeys: ['name', 'secret'], name: 'cfg', secret: { secretName: 'new' } }],
          },
        },
      },
    },
    want: {
      spec: {
        template: {
          spec: {
            volumes: [{ name: 'cfg', secret: { secretName: 'new' } }, { name: 'scratch', emptyDir: {} }],
            containers: [{ name: 'app', image: 'a', volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }] }],
          },
        },
      },
    },
  },
  {
    name: 'applies a kubectl apply patch that changes the strategy to Recreate and drops rollingUpdate',
    schema: deploymentSchema,
    doc: { spec: { replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } },
    patch: { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } },
    want: { spec: { replicas: 1, strategy: { type: 'Recreate' } } },
  },
  {
    name: 'applies a kubectl apply patch that adds a sidecar, changes an env var and removes a port',
    schema: deploymentSchema,
    doc: {
      metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '1' } },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'app',
                image: 'a:1',
                env: [{ name: 'A', value: '1' }, { name: 'B', value: '1' }],
                ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 9090, protocol: 'TCP' }],
              },
            ],
          },
        },
      },
    },
    patch: {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }, { name: 'proxy' }],
            containers: [
              {
                name: 'app',
                '$setElementOrder/env': [{ name: 'A' }, { name: 'B' }],
                env: [{ name: 'B', value: '2' }],
                '$setElementOrder/ports': [{ containerPort: 80 }],
                ports: [{ containerPort: 9090, $patch: 'delete' }],
              },
              { name: 'proxy', image: 'envoy' },
            ],
          },
        },
      },
    },
    want: {
      metadata: {
        name: 'web',
        annotations: { 'deployment.kubernetes.io/revision': '1', 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
      },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'app',
                image: 'a:1',
                env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
                ports: [{ containerPort: 80, protocol: 'TCP' }],
              },
              { name: 'proxy', image: 'envoy' },
            ],
          },
        },
      },
    },
  },
];

describe('applyStrategicMergePatch element order', () => {
  for (const c of [...orderCases, ...kubectlApplyCases]) {
    it(c.name, () => {
      expect(applyStrategicMergePatch(c.doc, c.patch, c.schema ?? podSchema)).toStrictEqual(c.want);
    });
  }
});
