import { describe, expect, it } from 'vitest';
import type { Node, Taint } from '../../scheduler/types.ts';
import type { DaemonPodSpec } from './daemonset-types.ts';
import { daemonPodTolerations, nodeShouldRunDaemonPod, targetNodeName } from './node-eligibility.ts';

const node = (name: string, labels: Record<string, string> = {}, taints: Taint[] = []): Node => ({ metadata: { name, labels }, spec: { taints } }) as Node;

describe('nodeShouldRunDaemonPod()', () => {
  it.each<[string, Node, DaemonPodSpec, boolean, boolean]>([
    ['runs on a plain node', node('a'), {}, true, true],
    ['honours nodeSelector', node('a', { disk: 'hdd' }), { nodeSelector: { disk: 'ssd' } }, false, false],
    ['honours required node affinity', node('a', { zone: 'x' }), { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['x'] }] }] } } } }, true, true],
    ['skips a node with an untolerated NoSchedule taint but lets a running pod stay', node('a', {}, [{ key: 'k', effect: 'NoSchedule' }]), {}, false, true],
    ['evicts from a node with an untolerated NoExecute taint', node('a', {}, [{ key: 'k', effect: 'NoExecute' }]), {}, false, false],
    ['ignores PreferNoSchedule', node('a', {}, [{ key: 'k', effect: 'PreferNoSchedule' }]), {}, true, true],
    ['runs on a node tolerated by the pod', node('a', {}, [{ key: 'k', value: 'v', effect: 'NoSchedule' }]), { tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }] }, true, true],
    ['runs on a cordoned node thanks to the default tolerations', node('a', {}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), {}, true, true],
    ['stays on a not-ready node thanks to the default tolerations', node('a', {}, [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]), {}, true, true],
    ['skips a node without network unless the pod uses the host network', node('a', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), {}, false, true],
    ['runs a host-network pod on a node without network', node('a', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), { hostNetwork: true }, true, true],
    ['runs only on the node a set nodeName names', node('a'), { nodeName: 'b' }, false, false],
  ])('%s', (_name, n, spec, shouldRun, shouldContinueRunning) => {
    expect(nodeShouldRunDaemonPod(n, spec)).toEqual({ shouldRun, shouldContinueRunning });
  });
});

describe('daemon pod helpers', () => {
  it('adds the default tolerations once, whatever the template already has', () => {
    const tolerations = daemonPodTolerations({ tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }] });
    expect(tolerations.filter((t) => t.key === 'node.kubernetes.io/not-ready')).toEqual([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }]);
    expect(tolerations).toHaveLength(6);
  });

  it.each([
    ['reads nodeName once bound', { spec: { nodeName: 'n1' } }, 'n1'],
    ['reads the metadata.name affinity term before binding', { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }] } } } } }, 'n2'],
    ['finds no node otherwise', { spec: {} }, undefined],
  ])('targetNodeName %s', (_name, podPart, expected) => {
    expect(targetNodeName({ metadata: {}, ...podPart })).toBe(expected);
  });
});
