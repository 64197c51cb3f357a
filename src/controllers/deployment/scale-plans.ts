import { maxReplicasAnnotation } from './annotations.ts';
import { maxSurge, maxUnavailable } from './fenceposts.ts';
import { activeReplicaSets, byCreation, bySizeNewer, bySizeOlder, sum } from './replica-sets.ts';
import { desiredReplicas, rsReplicas, type Deployment, type ReplicaSet } from './types.ts';

/** One ReplicaSet to scale: the controller applies these in order. */
export interface ScaleStep {
  rs: ReplicaSet;
  replicas: number;
}

/**
 * The new ReplicaSet's next size (upstream's NewRSNewReplicas): Recreate goes straight to the
 * desired count; RollingUpdate grows it as far as maxSurge allows over all ReplicaSets.
 */
export function newReplicaSetReplicas(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): number {
  const desired = desiredReplicas(d);
  if ((d.spec.strategy?.type ?? 'RollingUpdate') === 'Recreate') return desired;
  if (rsReplicas(newRS) >= desired) return desired;
  const current = sum.specReplicas(allRSs);
  const maxTotal = desired + maxSurge(d);
  if (current >= maxTotal) return rsReplicas(newRS);
  return rsReplicas(newRS) + Math.min(maxTotal - current, desired - rsReplicas(newRS));
}

/**
 * How far old ReplicaSets may shrink in one RollingUpdate step (upstream's
 * reconcileOldReplicaSets): first unhealthy replicas of old ReplicaSets, oldest first, within
 * what keeps maxUnavailable; then available ones, as long as availability stays at least
 * replicas - maxUnavailable.
 */
export function oldReplicaSetsScaleDown(d: Deployment, opts: { oldRSs: ReplicaSet[]; newRS: ReplicaSet }): ScaleStep[] {
  const old = activeReplicaSets(opts.oldRSs).map((rs) => ({ ...rs, spec: { ...rs.spec } }));
  if (sum.specReplicas(old) === 0) return [];
  const allPods = sum.specReplicas([...opts.oldRSs, opts.newRS]);
  const minAvailable = desiredReplicas(d) - maxUnavailable(d);
  const newRSUnavailable = rsReplicas(opts.newRS) - (opts.newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return [];
  const steps = new Map<ReplicaSet, number>();
  old.sort(byCreation);
  // Unhealthy replicas first: removing them costs no availability.
  let cleaned = 0;
  for (const rs of old) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = rsReplicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (rsReplicas(rs) === 0 || unhealthy <= 0) continue;
    const down = Math.min(maxScaledDown - cleaned, unhealthy);
    rs.spec.replicas = rsReplicas(rs) - down;
    steps.set(rs, rs.spec.replicas);
    cleaned += down;
  }
  // Then available ones, keeping minAvailable.
  const available = sum.available([...opts.oldRSs, opts.newRS]);
  if (available > minAvailable) {
    const total = available - minAvailable;
    let scaled = 0;
    for (const rs of old) {
      if (scaled >= total) break;
      if (rsReplicas(rs) === 0) continue;
      const down = Math.min(rsReplicas(rs), total - scaled);
      rs.spec.replicas = rsReplicas(rs) - down;
      steps.set(rs, rs.spec.replicas);
      scaled += down;
    }
  }
  return [...steps].map(([rs, replicas]) => ({ rs: opts.oldRSs.find((o) => o.metadata.name === rs.metadata.name)!, replicas }));
}

/**
 * Scaling a deployment whose size changed (upstream's DeploymentController.scale): one active
 * ReplicaSet (or the saturated new one) takes the whole size; during a rollout, the change is
 * shared in proportion to each ReplicaSet's size against the max-replicas annotation, the
 * rounding leftover going to the largest (newest on growth, oldest on shrink).
 */
export function proportionalScale(d: Deployment, opts: { newRS?: ReplicaSet; oldRSs: ReplicaSet[] }): ScaleStep[] {
  const desired = desiredReplicas(d);
  const all = [...(opts.newRS ? [opts.newRS] : []), ...opts.oldRSs];
  const active = activeReplicaSets(all);
  // FindActiveOrLatest: one active ReplicaSet, or none active and the newest.
  const only = active.length === 1 ? active[0] : active.length === 0 ? (opts.newRS ?? [...opts.oldRSs].sort(byCreation).at(-1)) : undefined;
  if (only) return rsReplicas(only) === desired ? [] : [{ rs: only, replicas: desired }];
  // IsSaturated: the new ReplicaSet is complete, so old ones go to zero.
  if (opts.newRS && isSaturated(d, opts.newRS)) {
    return activeReplicaSets(opts.oldRSs).map((rs) => ({ rs, replicas: 0 }));
  }
  if ((d.spec.strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return [];
  const allowed = desired + maxSurge(d);
  const toAdd = allowed - sum.specReplicas(active);
  if (toAdd === 0) return [];
  const ordered = [...active].sort(toAdd > 0 ? bySizeNewer : bySizeOlder);
  let added = 0;
  const sizes = new Map<ReplicaSet, number>();
  for (const rs of ordered) {
    const proportion = shareOf(d, rs, { toAdd, added });
    sizes.set(rs, rsReplicas(rs) + proportion);
    added += proportion;
  }
  const steps: ScaleStep[] = [];
  ordered.forEach((rs, i) => {
    let size = sizes.get(rs)!;
    // The leftover goes to the first ReplicaSet; never below zero.
    if (i === 0 && toAdd !== added) size = Math.max(0, size + toAdd - added);
    // Every active ReplicaSet is written, unchanged sizes too, to refresh its replicas annotations.
    steps.push({ rs, replicas: size });
  });
  return steps;
}

/** GetProportion + getReplicaSetFraction. */
function shareOf(d: Deployment, rs: ReplicaSet, opts: { toAdd: number; added: number }): number {
  if (rsReplicas(rs) === 0 || opts.toAdd === 0 || opts.toAdd === opts.added) return 0;
  const desired = desiredReplicas(d);
  let fraction: number;
  if (desired === 0) fraction = -rsReplicas(rs);
  else {
    const deploymentReplicas = desired + maxSurge(d);
    const annotated = maxReplicasAnnotation(rs) ?? d.status?.replicas ?? 0;
    // Go's math.Round: half away from zero.
    const size = annotated === 0 ? 0 : (rsReplicas(rs) * deploymentReplicas) / annotated;
    fraction = Math.sign(size) * Math.round(Math.abs(size)) - rsReplicas(rs);
  }
  const allowed = opts.toAdd - opts.added;
  return opts.toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** IsSaturated: the new ReplicaSet has all desired replicas, created and available. */
export function isSaturated(d: Deployment, rs: ReplicaSet): boolean {
  const desired = desiredReplicas(d);
  const desiredAnnotation = Number.parseInt(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'] ?? '', 10);
  return rsReplicas(rs) === desired && desiredAnnotation === desired && (rs.status?.availableReplicas ?? 0) === desired;
}
