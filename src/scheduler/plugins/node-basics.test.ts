import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework.ts';
import { NodeInfo } from '../node-info.ts';
import { makeNode, podInfo, type NodeShape, type PodShape } from '../test-builders.ts';
import { nodeNamePlugin } from './node-name.ts';
import { nodePortsPlugin } from './node-ports.ts';
import { nodeUnschedulablePlugin } from './node-unschedulable.ts';

interface Case {
  name: string;
  node?: NodeShape;
  bound?: PodShape[];
  pod: PodShape;
  code: string;
  reasons?: string[];
}

function run(plugin: typeof nodeNamePlugin, c: Case) {
  const node = new NodeInfo(makeNode('n1', c.node));
  (c.bound ?? []).forEach((shape, i) => node.addPod(podInfo(`bound-${i}`, { ...shape, nodeName: 'n1' })));
  return plugin.filter(new CycleState(), podInfo('p', c.pod), node);
}

const hostPort = (port: number, extra: { hostIP?: string; protocol?: string } = {}) => ({
  containers: [{ name: 'c', ports: [{ containerPort: port, hostPort: port, ...extra }] }],
});

const suites: [string, typeof nodeNamePlugin, Case[]][] = [
  [
    'NodeName',
    nodeNamePlugin,
    [
      { name: 'passes a pod that names no node', pod: {}, code: 'Success' },
      { name: 'passes a pod that names this node', pod: { nodeName: 'n1' }, code: 'Success' },
      { name: 'rejects a pod that names another node, unresolvably', pod: { nodeName: 'n2' }, code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match the requested node name"] },
    ],
  ],
  [
    'NodeUnschedulable',
    nodeUnschedulablePlugin,
    [
      { name: 'passes a schedulable node', pod: {}, code: 'Success' },
      { name: 'rejects a cordoned node', node: { unschedulable: true }, pod: {}, code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] },
      {
        name: 'passes a cordoned node for a pod tolerating node.kubernetes.io/unschedulable:NoSchedule',
        node: { unschedulable: true },
        pod: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] },
        code: 'Success',
      },
    ],
  ],
  [
    'NodePorts',
    nodePortsPlugin,
    [
      { name: 'passes a pod without host ports', bound: [hostPort(80)], pod: {}, code: 'Success' },
      { name: 'rejects a host port already taken on all addresses', bound: [hostPort(80)], pod: hostPort(80), code: 'Unschedulable', reasons: ["node(s) didn't have free ports for the requested pod ports"] },
      { name: 'passes the same port over another protocol', bound: [hostPort(53)], pod: hostPort(53, { protocol: 'UDP' }), code: 'Success' },
      { name: 'passes the same port on two distinct host IPs', bound: [hostPort(80, { hostIP: '10.0.0.1' })], pod: hostPort(80, { hostIP: '10.0.0.2' }), code: 'Success' },
      { name: 'rejects a specific IP when the port is taken on 0.0.0.0', bound: [hostPort(80)], pod: hostPort(80, { hostIP: '10.0.0.2' }), code: 'Unschedulable' },
    ],
  ],
];

for (const [plugin, impl, cases] of suites) {
  describe(plugin, () => {
    for (const c of cases) {
      it(c.name, () => {
        const status = run(impl, c);
        expect(status.code).toBe(c.code);
        if (c.reasons) expect(status.reasons).toEqual(c.reasons);
      });
    }
  });
}
