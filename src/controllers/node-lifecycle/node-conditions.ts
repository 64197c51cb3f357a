export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** The conditions the kubelet owns and the controller sets to Unknown when it goes silent (upstream's nodeConditionTypes). */
const KUBELET_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/**
 * The conditions of a node whose kubelet stopped posting status (upstream's
 * tryUpdateNodeHealth once the grace period is over): every kubelet condition becomes
 * Unknown, with NodeStatusUnknown "Kubelet stopped posting node status.", or
 * NodeStatusNeverUpdated "Kubelet never posted node status." for one never reported.
 * Heartbeats are kept; transition times move to `now` for conditions that change.
 */
export function silentNodeConditions(opts: { conditions: NodeCondition[]; now: string; createdAt: string }): { conditions: NodeCondition[]; changed: boolean } {
  const conditions = opts.conditions.map((c) => ({ ...c }));
  let changed = false;
  for (const type of KUBELET_CONDITIONS) {
    const existing = conditions.find((c) => c.type === type);
    if (!existing) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: opts.createdAt,
        lastTransitionTime: opts.now,
      });
      changed = true;
    } else if (existing.status !== 'Unknown') {
      existing.status = 'Unknown';
      existing.reason = 'NodeStatusUnknown';
      existing.message = 'Kubelet stopped posting node status.';
      existing.lastTransitionTime = opts.now;
      changed = true;
    }
  }
  return { conditions, changed };
}

export function conditionStatus(conditions: NodeCondition[] | undefined, type: string): string | undefined {
  return conditions?.find((c) => c.type === type)?.status;
}
