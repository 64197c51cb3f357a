import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from './diagnosis.ts';
import { newPodInfo } from './pod-info.ts';
import { preempt } from './preemption.ts';
import { schedulePod } from './schedule-pod.ts';
import { snapshotOf } from './snapshot.ts';
import { makeNode, makePod, type NodeShape, type PodShape } from './test-builders.ts';

const controlPlane = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };
const zoned = (zone: string, extra: NodeShape = {}): NodeShape => ({ ...extra, labels: { 'topology.kubernetes.io/zone': zone, ...extra.labels } });

interface Case {
  name: string;
  nodes: [string, NodeShape?][];
  bound?: [string, PodShape][];
  pod: PodShape;
  /** The chosen node, or one of several. */
  oneOf?: string[];
  /** The FailedScheduling message, with preemption's outcome. */
  message?: string;
}

const antiSelf = (key: string): PodShape => ({
  labels: { app: 'web' },
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: key }] } },
});
const affineTo = (app: string, key: string): PodShape => ({
  labels: { app: 'client' },
  affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: key }] } },
});
const spread = (maxSkew: number, key: string, extra: object = {}): PodShape => ({
  labels: { app: 'web' },
  topologySpreadConstraints: [{ maxSkew, topologyKey: key, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra }],
});

const cases: Case[] = [
  {
    name: 'reports each node once in upstream\'s message when nothing fits',
    nodes: [['cp', { taints: [controlPlane] }], ['n1', { cpu: '1' }], ['n2', { taints: [controlPlane] }]],
    pod: { cpu: '2' },
    message:
      '0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
  },
  {
    name: 'says preemption is not helpful when every node is unresolvable',
    nodes: [['n1', { labels: { disk: 'hdd' } }], ['n2', { unschedulable: true }]],
    pod: { nodeSelector: { disk: 'ssd' } },
    message:
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  },
  {
    name: 'does not preempt for a pod whose preemptionPolicy is Never',
    nodes: [['n1', { cpu: '1' }]],
    pod: { cpu: '2', preemptionPolicy: 'Never', priority: 100 },
    message: '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
  },
  { name: 'no nodes at all gives upstream\'s ErrNoNodesAvailable', nodes: [], pod: {}, message: 'no nodes available to schedule pods' },
  { name: 'places a pod on the only node that fits', nodes: [['n1', { cpu: '1' }], ['n2', { cpu: '4' }]], pod: { cpu: '2' }, oneOf: ['n2'] },
  { name: 'prefers the least allocated node', nodes: [['busy'], ['idle']], bound: [['busy', { cpu: '3', memory: '6Gi' }]], pod: { cpu: '500m', memory: '1Gi' }, oneOf: ['idle'] },
  {
    name: 'keeps anti-affine replicas on distinct hosts',
    nodes: [['n1'], ['n2']],
    bound: [['n1', antiSelf('kubernetes.io/hostname')]],
    pod: antiSelf('kubernetes.io/hostname'),
    oneOf: ['n2'],
  },
  {
    name: 'keeps anti-affine replicas in distinct zones',
    nodes: [['a1', zoned('a')], ['a2', zoned('a')], ['b1', zoned('b')]],
    bound: [['a1', antiSelf('topology.kubernetes.io/zone')]],
    pod: antiSelf('topology.kubernetes.io/zone'),
    oneOf: ['b1'],
  },
  {
    name: 'rejects a node where an existing pod\'s anti-affinity selects the new pod',
    nodes: [['n1'], ['n2']],
    bound: [['n1', { ...antiSelf('kubernetes.io/hostname'), labels: { app: 'other' }, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } } }]],
    pod: { labels: { app: 'web' } },
    oneOf: ['n2'],
  },
  {
    name: 'places a pod in the zone of the pods it is affine to',
    nodes: [['a1', zoned('a')], ['b1', zoned('b')], ['b2', zoned('b')]],
    bound: [['b2', { labels: { app: 'db' } }]],
    pod: affineTo('db', 'topology.kubernetes.io/zone'),
    oneOf: ['b1', 'b2'],
  },
  {
    name: 'fails pod affinity with no matching pod as an unresolvable reason',
    nodes: [['n1'], ['n2']],
    pod: affineTo('db', 'kubernetes.io/hostname'),
    message: "0/2 nodes are available: 2 node(s) didn't match pod affinity rules. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  },
  {
    name: 'lets the first pod of a self-affine group go anywhere',
    nodes: [['n1']],
    pod: { labels: { app: 'db' }, affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } } },
    oneOf: ['n1'],
  },
  {
    name: 'spreads within maxSkew across zones',
    nodes: [['a1', zoned('a')], ['b1', zoned('b')]],
    bound: [['a1', { labels: { app: 'web' } }], ['a1', { labels: { app: 'web' } }], ['b1', { labels: { app: 'web' } }]],
    pod: spread(1, 'topology.kubernetes.io/zone'),
    oneOf: ['b1'],
  },
  {
    name: 'rejects a node missing the spread key as unresolvable',
    nodes: [['a1', zoned('a')], ['bare']],
    pod: spread(1, 'topology.kubernetes.io/zone'),
    oneOf: ['a1'],
  },
  {
    name: 'treats the minimum as zero below minDomains',
    nodes: [['a1', zoned('a')], ['b1', zoned('b')]],
    bound: [['a1', { labels: { app: 'web' } }], ['b1', { labels: { app: 'web' } }]],
    pod: spread(1, 'topology.kubernetes.io/zone', { minDomains: 3 }),
    message:
      "0/2 nodes are available: 2 node(s) didn't match pod topology spread constraints. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
  },
  {
    name: 'spreads replicas of one owner across hosts by default',
    nodes: [['n1'], ['n2']],
    bound: [['n1', { ownerUid: 'rs-1' }], ['n1', { ownerUid: 'rs-1' }]],
    pod: { ownerUid: 'rs-1' },
    oneOf: ['n2'],
  },
];

describe('schedulePod', () => {
  for (const c of cases) {
    it(c.name, () => {
      const pods = (c.bound ?? []).map(([node, shape], i) => makePod(`bound-${i}`, { ...shape, nodeName: node }));
      const snapshot = snapshotOf(c.nodes.map(([name, shape]) => makeNode(name, shape)), pods);
      const pod = newPodInfo(makePod('incoming', c.pod));
      const result = schedulePod(pod, snapshot, { random: () => 0.5 });
      if (c.oneOf) {
        expect('node' in result ? result.node : fitErrorMessage(result.unschedulable)).toBeOneOf(c.oneOf);
      } else {
        expect('unschedulable' in result).toBe(true);
        if (!('unschedulable' in result)) return;
        const preemption = c.nodes.length > 0 ? preempt(pod, snapshot, result.unschedulable) : undefined;
        const postFilter = preemption && 'message' in preemption ? preemption.message : undefined;
        expect(fitErrorMessage(result.unschedulable, postFilter)).toBe(c.message);
      }
    });
  }

  it('spreads 100 replicas of one owner evenly over 10 nodes when placed one after another', () => {
    const nodes = Array.from({ length: 10 }, (_, i) => makeNode(`n${i}`));
    const snapshot = snapshotOf(nodes);
    for (let i = 0; i < 100; i++) {
      const pod = newPodInfo(makePod(`p${i}`, { ownerUid: 'rs', cpu: '10m', memory: '10Mi' }));
      const result = schedulePod(pod, snapshot);
      if (!('node' in result)) throw new Error(fitErrorMessage(result.unschedulable));
      snapshot.node(result.node)!.addPod(pod);
    }
    expect(snapshot.nodes.map((n) => n.pods.size)).toEqual(Array(10).fill(10));
  });
});

describe('preempt', () => {
  const build = (bound: [string, PodShape][]) =>
    snapshotOf(
      [makeNode('n1', { cpu: '2' }), makeNode('n2', { cpu: '2' })],
      bound.map(([node, shape], i) => makePod(`v${i}`, { ...shape, nodeName: node })),
    );

  it('picks the node whose most important victim has the lowest priority', () => {
    const snapshot = build([['n1', { cpu: '2', priority: 50 }], ['n2', { cpu: '2', priority: 10 }]]);
    const pod = newPodInfo(makePod('hi', { cpu: '1', priority: 100 }));
    const r = schedulePod(pod, snapshot);
    if (!('unschedulable' in r)) throw new Error('expected no fit');
    const p = preempt(pod, snapshot, r.unschedulable);
    expect('node' in p && [p.node, p.victims.map((v) => v.key)]).toEqual(['n2', ['default/v1']]);
  });

  it('then picks the node with fewer victims and reprieves the pods it does not need to evict', () => {
    const snapshot = build([
      ['n1', { cpu: '1', priority: 10 }],
      ['n1', { cpu: '1', priority: 10 }],
      ['n2', { cpu: '500m', priority: 10 }],
      ['n2', { cpu: '500m', priority: 10 }],
      ['n2', { cpu: '1', priority: 10 }],
    ]);
    const pod = newPodInfo(makePod('hi', { cpu: '1', priority: 100 }));
    const r = schedulePod(pod, snapshot);
    if (!('unschedulable' in r)) throw new Error('expected no fit');
    const p = preempt(pod, snapshot, r.unschedulable);
    expect('node' in p && [p.node, p.victims.length]).toEqual(['n1', 1]);
  });

  it('never evicts pods of equal or higher priority', () => {
    const snapshot = build([['n1', { cpu: '2', priority: 100 }], ['n2', { cpu: '2', priority: 200 }]]);
    const pod = newPodInfo(makePod('hi', { cpu: '1', priority: 100 }));
    const r = schedulePod(pod, snapshot);
    if (!('unschedulable' in r)) throw new Error('expected no fit');
    expect(preempt(pod, snapshot, r.unschedulable)).toEqual({
      message: 'preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    });
  });
});
