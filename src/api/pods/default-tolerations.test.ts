import { describe, expect, it } from 'vitest';
import { addDefaultTolerations } from './default-tolerations.ts';

const pod = (tolerations?: object[]) => ({ metadata: { name: 'p' }, spec: { containers: [], ...(tolerations ? { tolerations } : {}) } });

describe('addDefaultTolerations', () => {
  it('adds not-ready and unreachable NoExecute tolerations of 300 s to a pod without any', () => {
    const p = pod();
    addDefaultTolerations(p);
    expect((p.spec as { tolerations: object[] }).tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('keeps a pod’s own toleration for a taint and adds only the missing one', () => {
    const own = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 };
    const p = pod([own]);
    addDefaultTolerations(p);
    const t = (p.spec as { tolerations: { key: string; tolerationSeconds: number }[] }).tolerations;
    expect(t).toHaveLength(2);
    expect(t.find((x) => x.key === 'node.kubernetes.io/unreachable')!.tolerationSeconds).toBe(5);
  });

  it('adds nothing when a wildcard toleration covers every taint', () => {
    const p = pod([{ operator: 'Exists' }]);
    addDefaultTolerations(p);
    expect((p.spec as { tolerations: object[] }).tolerations).toEqual([{ operator: 'Exists' }]);
  });
});
