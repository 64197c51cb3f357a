/**
 * Runs a profile's extension points over a pod and a snapshot (upstream's frameworkImpl):
 * shared by the scheduling core and the preemption dry runs, so both judge a node the same.
 */
import { CycleState, SUCCESS, isRejection, type Status } from './framework.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { Profile } from './registry.ts';
import type { Snapshot } from './snapshot.ts';

/** Runs every PreFilter; the first rejection (tagged with its plugin) is returned, with the state so far. */
export function runPreFilters(profile: Profile, pod: PodInfo, snapshot: Snapshot): { state: CycleState; status: Status } {
  const state = new CycleState();
  for (const plugin of profile.preFilters) {
    const status = plugin.preFilter(state, pod, snapshot);
    if (status.code === 'Skip') state.skipFilter.add(plugin.name);
    else if (status.code !== 'Success') return { state, status: { ...status, plugin: plugin.name } };
  }
  return { state, status: SUCCESS };
}

/** Runs the Filters in order and stops at the first that does not pass, as upstream does by default. */
export function runFilters(profile: Profile, state: CycleState, pod: PodInfo, node: NodeInfo): Status {
  for (const plugin of profile.filters) {
    if (state.skipFilter.has(plugin.name)) continue;
    const status = plugin.filter(state, pod, node);
    if (status.code !== 'Success') return { ...status, plugin: plugin.name };
  }
  return SUCCESS;
}

/**
 * Filters one node as if the pods nominated to it (with at least this pod's priority) were
 * already there (upstream's RunFilterPluginsWithNominatedPods), so a preemptor's freed room
 * is not taken by a lower-priority pod while its victims terminate.
 */
export function runFiltersWithNominated(profile: Profile, state: CycleState, pod: PodInfo, node: NodeInfo, snapshot: Snapshot): Status {
  const nominated = snapshot.nominatedPods(node.name).filter((n) => n.key !== pod.key && n.priority >= pod.priority);
  if (nominated.length === 0) return runFilters(profile, state, pod, node);
  const withNominated = node.clone();
  for (const n of nominated) withNominated.addPod(n);
  const status = runFilters(profile, state, pod, withNominated);
  return isRejection(status) || status.code === 'Error' ? status : runFilters(profile, state, pod, node);
}
