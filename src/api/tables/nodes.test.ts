import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { nodePrinter } from './nodes.ts';

const now = new Date('2024-05-01T12:00:00Z');

function node(labels: Record<string, string>, spec: Record<string, unknown>, conditions: unknown[]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1', labels, creationTimestamp: '2024-04-01T12:00:00Z' },
    spec,
    status: {
      conditions,
      addresses: [
        { type: 'InternalIP', address: '192.168.1.10' },
        { type: 'Hostname', address: 'n1' },
      ],
      nodeInfo: { kubeletVersion: 'v1.33.0+skiff', osImage: 'Debian GNU/Linux 12', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://1.6.20' },
    },
  };
}

describe('nodePrinter', () => {
  const cases: Array<{ name: string; node: KubeObject; status: string; roles: string }> = [
    { name: 'a ready node without roles', node: node({}, {}, [{ type: 'Ready', status: 'True' }]), status: 'Ready', roles: '<none>' },
    {
      name: 'a cordoned node that is not ready',
      node: node({}, { unschedulable: true }, [{ type: 'Ready', status: 'False' }]),
      status: 'NotReady,SchedulingDisabled',
      roles: '<none>',
    },
    { name: 'a node without a Ready condition', node: node({}, {}, [{ type: 'MemoryPressure', status: 'False' }]), status: 'Unknown', roles: '<none>' },
    {
      name: 'a node with role labels',
      node: node({ 'node-role.kubernetes.io/control-plane': 'true', 'node-role.kubernetes.io/master': '', 'kubernetes.io/role': 'edge', 'node-role.kubernetes.io/': 'x' }, {}, [
        { type: 'Ready', status: 'True' },
      ]),
      status: 'Ready',
      roles: 'control-plane,edge,master',
    },
  ];
  for (const c of cases) {
    it(`prints ${c.name}`, () => expect(nodePrinter.cells(c.node, now).slice(1, 3)).toEqual([c.status, c.roles]));
  }

  it('prints age, version and the wide cells', () => {
    expect(nodePrinter.cells(node({}, {}, [{ type: 'Ready', status: 'True' }]), now).slice(3)).toEqual([
      '30d',
      'v1.33.0+skiff',
      '192.168.1.10',
      '<none>',
      'Debian GNU/Linux 12',
      '6.1.0',
      'containerd://1.6.20',
    ]);
  });
});
