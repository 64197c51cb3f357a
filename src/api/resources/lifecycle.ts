import type { KubeObject } from '../meta/object.ts';
import type { ResourceInfo } from './types.ts';
import { qualifiedName } from './registry.ts';

/**
 * How objects of a kind are born and die, where kinds differ from the generic registry
 * (upstream's per-kind REST strategies and storage). The generic handlers ask this registry
 * instead of testing kinds themselves; kinds not listed get the defaults.
 */
export interface Lifecycle {
  /** The status a new object starts with (kinds with a status subresource): undefined drops it. */
  statusOnCreate(obj: KubeObject): unknown;
  /**
   * Seconds a delete leaves to another component before the object goes (a pod's kubelet);
   * 0 deletes at once. `requested` is DeleteOptions.gracePeriodSeconds.
   */
  gracePeriodSeconds(obj: KubeObject, requested: number | undefined): number;
  /**
   * Whether deletion also waits for finalizers kept outside metadata (a namespace's
   * spec.finalizers, emptied by the namespace controller); `markTerminating` records it.
   */
  specFinalizersPending(obj: KubeObject): boolean;
  markTerminating(obj: KubeObject): void;
}

const defaults: Lifecycle = {
  statusOnCreate: () => undefined,
  gracePeriodSeconds: () => 0,
  specFinalizersPending: () => false,
  markTerminating: () => {},
};

const lifecycles: Record<string, Partial<Lifecycle>> = {
  // As upstream's pod strategy: a new pod is Pending; one bound to a node is deleted
  // gracefully (its kubelet finishes the job); unbound or finished pods go at once.
  pods: {
    statusOnCreate: () => ({ phase: 'Pending' }),
    gracePeriodSeconds(pod, requested) {
      const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
      return Math.max(0, requested ?? spec.terminationGracePeriodSeconds ?? 30);
    },
  },
  // Nodes may carry status on create: the kubelet registers itself that way.
  nodes: { statusOnCreate: (node) => node.status },
  namespaces: {
    statusOnCreate: (ns) => ns.status,
    specFinalizersPending: (ns) => ((ns.spec as { finalizers?: string[] } | undefined)?.finalizers?.length ?? 0) > 0,
    markTerminating(ns) {
      ns.status = { ...(ns.status as object), phase: 'Terminating' };
    },
  },
};

export function lifecycleOf(info: ResourceInfo): Lifecycle {
  return { ...defaults, ...lifecycles[qualifiedName(info)] };
}
