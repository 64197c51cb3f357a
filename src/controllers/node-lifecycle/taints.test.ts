import { describe, expect, it } from 'vitest';
import { earliestNoExecuteTaint, evictionTime, tolerates, type Taint, type Toleration } from './taints.ts';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2024-01-01T00:00:00Z' };
const since = Date.parse('2024-01-01T00:00:00Z');

describe('tolerates', () => {
  it.each([
    { name: 'matches the same key with Exists', toleration: { key: unreachable.key, operator: 'Exists' }, expected: true },
    { name: 'matches every taint with an empty key and Exists', toleration: { operator: 'Exists' }, expected: true },
    { name: 'matches an equal value', toleration: { key: 'k', value: 'v' }, taint: { key: 'k', value: 'v', effect: 'NoExecute' }, expected: true },
    { name: 'does not match another value', toleration: { key: 'k', value: 'w' }, taint: { key: 'k', value: 'v', effect: 'NoExecute' }, expected: false },
    { name: 'does not match another effect', toleration: { key: unreachable.key, operator: 'Exists', effect: 'NoSchedule' }, expected: false },
    { name: 'does not match another key', toleration: { key: 'other', operator: 'Exists' }, expected: false },
  ] as { name: string; toleration: Toleration; taint?: Taint; expected: boolean }[])('$name', ({ toleration, taint, expected }) => {
    expect(tolerates(toleration, taint ?? unreachable)).toBe(expected);
  });
});

describe('evictionTime', () => {
  it.each([
    { name: 'evicts at once a pod without a matching toleration', tolerations: [], expected: { at: 'now' } },
    { name: 'never evicts a pod tolerating the taint forever', tolerations: [{ key: unreachable.key, operator: 'Exists', effect: 'NoExecute' }], expected: { at: 'never' } },
    {
      name: 'evicts after tolerationSeconds from when the taint was added',
      tolerations: [{ key: unreachable.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      expected: { at: since + 300_000 },
    },
    {
      name: 'takes the shortest of several matching tolerations',
      tolerations: [
        { key: unreachable.key, operator: 'Exists', tolerationSeconds: 300 },
        { operator: 'Exists', tolerationSeconds: 60 },
      ],
      expected: { at: since + 60_000 },
    },
    { name: 'evicts at once when tolerationSeconds is zero', tolerations: [{ key: unreachable.key, operator: 'Exists', tolerationSeconds: 0 }], expected: { at: 'now' } },
  ] as { name: string; tolerations: Toleration[]; expected: unknown }[])('$name', ({ tolerations, expected }) => {
    expect(evictionTime({ taints: [unreachable], tolerations, taintedSince: since })).toEqual(expected);
  });
  it('never evicts from a node with only NoSchedule taints', () => {
    expect(evictionTime({ taints: [{ key: 'x', effect: 'NoSchedule' }], tolerations: [], taintedSince: since })).toEqual({ at: 'never' });
  });
});

describe('earliestNoExecuteTaint', () => {
  it('answers the earliest timeAdded of NoExecute taints only', () => {
    const taints: Taint[] = [
      { key: 'a', effect: 'NoExecute', timeAdded: '2024-01-01T00:00:10Z' },
      { key: 'b', effect: 'NoExecute', timeAdded: '2024-01-01T00:00:05Z' },
      { key: 'c', effect: 'NoSchedule', timeAdded: '2023-01-01T00:00:00Z' },
    ];
    expect(earliestNoExecuteTaint(taints)).toBe(Date.parse('2024-01-01T00:00:05Z'));
    expect(earliestNoExecuteTaint([{ key: 'a', effect: 'NoExecute' }])).toBeUndefined();
  });
});
