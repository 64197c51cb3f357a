import { describe, expect, it } from 'vitest';
import { conditionTaints } from './condition-taints.ts';
import type { NodeCondition } from './node-conditions.ts';
import type { Taint } from './taints.ts';

const ready = (status: string): NodeCondition => ({ type: 'Ready', status });
const keys = (taints: Taint[]) => taints.map((t) => `${t.key}:${t.effect}`);

describe('conditionTaints', () => {
  it.each([
    { name: 'adds nothing to a ready node', conditions: [ready('True')], expected: [] },
    {
      name: 'taints an unknown node unreachable, NoSchedule and NoExecute',
      conditions: [ready('Unknown')],
      expected: ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'],
    },
    {
      name: 'taints a not-ready node not-ready, NoSchedule and NoExecute',
      conditions: [ready('False')],
      expected: ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute'],
    },
    {
      name: 'taints pressure conditions NoSchedule',
      conditions: [ready('True'), { type: 'MemoryPressure', status: 'True' }, { type: 'DiskPressure', status: 'True' }, { type: 'PIDPressure', status: 'False' }],
      expected: ['node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/disk-pressure:NoSchedule'],
    },
  ])('$name', ({ conditions, expected }) => {
    expect(keys(conditionTaints({ taints: [], conditions, unschedulable: false, now: 'T' }).taints)).toEqual(expected);
  });

  it('stamps new NoExecute taints with now and keeps the time of existing ones', () => {
    const first = conditionTaints({ taints: [], conditions: [ready('Unknown')], unschedulable: false, now: 'T1' });
    expect(first.taints.find((t) => t.effect === 'NoExecute')?.timeAdded).toBe('T1');
    const again = conditionTaints({ taints: first.taints, conditions: [ready('Unknown')], unschedulable: false, now: 'T2' });
    expect(again.changed).toBe(false);
    expect(again.taints.find((t) => t.effect === 'NoExecute')?.timeAdded).toBe('T1');
  });

  it('replaces unreachable by not-ready when the kubelet reports NotReady', () => {
    const unknown = conditionTaints({ taints: [], conditions: [ready('Unknown')], unschedulable: false, now: 'T1' }).taints;
    const notReady = conditionTaints({ taints: unknown, conditions: [ready('False')], unschedulable: false, now: 'T2' });
    expect(keys(notReady.taints)).toEqual(['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
  });

  it('removes its taints when the node recovers and keeps the user taints', () => {
    const user: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
    const tainted = conditionTaints({ taints: [user], conditions: [ready('Unknown')], unschedulable: false, now: 'T' }).taints;
    const recovered = conditionTaints({ taints: tainted, conditions: [ready('True')], unschedulable: false, now: 'T' });
    expect(recovered).toEqual({ taints: [user], changed: true });
  });

  it('taints a cordoned node unschedulable', () => {
    expect(keys(conditionTaints({ taints: [], conditions: [ready('True')], unschedulable: true, now: 'T' }).taints)).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
  });
});
