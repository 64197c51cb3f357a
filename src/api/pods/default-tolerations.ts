import type { KubeObject } from '../meta/object.ts';

interface Toleration {
  key?: string;
  operator?: string;
  effect?: string;
  tolerationSeconds?: number;
}

const DEFAULT_SECONDS = 300;
const TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/**
 * The DefaultTolerationSeconds admission plugin: a new pod tolerates its node being not-ready
 * or unreachable for 300 s (NoExecute) unless it already says otherwise, so the taint manager
 * evicts it after five minutes rather than at once. On create only, as upstream.
 */
export function addDefaultTolerations(pod: KubeObject): void {
  const spec = (pod.spec ?? (pod.spec = {})) as { tolerations?: Toleration[] };
  const tolerations = spec.tolerations ?? [];
  for (const key of TAINTS) {
    const covered = tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
    if (!covered) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_SECONDS });
  }
  spec.tolerations = tolerations;
}


