import type { NodeCondition } from './node-conditions.ts';

interface Observed {
  probeMs: number;
  heartbeat?: string;
  leaseRenew?: string;
}

/**
 * When each node last proved alive, measured on the controller's own clock (upstream's
 * nodeHealthMap): a node seen for the first time, a new Ready heartbeat or a renewed Lease
 * sets the probe time to now. Comparing the timestamps themselves would trust the node's
 * clock; upstream only trusts that they changed.
 */
export class NodeHealthTracker {
  private readonly observed = new Map<string, Observed>();

  /** Records what the node shows now; answers the milliseconds since it last proved alive. */
  observe(opts: { name: string; conditions: NodeCondition[]; leaseRenewTime: string | undefined; nowMs: number }): number {
    const heartbeat = opts.conditions.find((c) => c.type === 'Ready')?.lastHeartbeatTime;
    const prior = this.observed.get(opts.name);
    if (!prior || prior.heartbeat !== heartbeat || prior.leaseRenew !== opts.leaseRenewTime) {
      this.observed.set(opts.name, { probeMs: opts.nowMs, heartbeat, leaseRenew: opts.leaseRenewTime });
      return 0;
    }
    return opts.nowMs - prior.probeMs;
  }

  forget(name: string): void {
    this.observed.delete(name);
  }
}
