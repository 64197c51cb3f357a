/**
 * Preemption by priority, pure (upstream's DefaultPreemption PostFilter and preemption
 * Evaluator): find nodes where evicting lower-priority pods makes the pod fit, keep as few
 * victims as possible on each (reprieving the most important first), and pick one node.
 * The run loop then nominates the node and deletes the victims.
 */
import { fitErrorMessage, type Diagnosis } from './diagnosis.ts';
import { runFiltersWithNominated, runPreFilters } from './framework-runner.ts';
import { unresolvable, type Status } from './framework.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import { defaultProfile, type Profile } from './registry.ts';
import type { Snapshot } from './snapshot.ts';

export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_ELIGIBLE_NEVER = 'not eligible due to preemptionPolicy=Never.';
export const NOT_ELIGIBLE_TERMINATING = 'not eligible due to a terminating pod on the nominated node.';

export type PreemptionResult =
  | { node: string; victims: PodInfo[] }
  /** The PostFilter message for the FailedScheduling event ("preemption: ..."). */
  | { message: string };

interface Candidate {
  node: string;
  victims: PodInfo[];
}

export function preempt(pod: PodInfo, snapshot: Snapshot, diagnosis: Diagnosis, profile: Profile = defaultProfile): PreemptionResult {
  const notEligible = ineligibility(pod, snapshot, diagnosis);
  if (notEligible) return { message: `preemption: ${notEligible}` };

  const statuses = new Map<string, Status>();
  const candidates: Candidate[] = [];
  for (const node of snapshot.nodes) {
    const status = diagnosis.nodeStatuses.get(node.name);
    // As upstream's nodesWherePreemptionMightHelp: only plain Unschedulable nodes are tried.
    if (!status || status.code !== 'Unschedulable') {
      statuses.set(node.name, unresolvable(PREEMPTION_NOT_HELPFUL));
      continue;
    }
    const outcome = selectVictimsOnNode(pod, node, snapshot, profile);
    if ('victims' in outcome) candidates.push({ node: node.name, victims: outcome.victims });
    else statuses.set(node.name, outcome.status);
  }
  if (candidates.length === 0) {
    const message = fitErrorMessage({ numAllNodes: snapshot.nodes.length, nodeStatuses: statuses, unschedulablePlugins: new Set() });
    return { message: `preemption: ${message}` };
  }
  return pickCandidate(candidates);
}

/** Upstream's PodEligibleToPreemptOthers; answers the reason it is not, or undefined. */
function ineligibility(pod: PodInfo, snapshot: Snapshot, diagnosis: Diagnosis): string | undefined {
  if (pod.pod.spec.preemptionPolicy === 'Never') return NOT_ELIGIBLE_NEVER;
  const nominated = pod.pod.status?.nominatedNodeName;
  if (nominated && diagnosis.nodeStatuses.get(nominated)?.code === 'Unschedulable') {
    // Victims of an earlier preemption are still terminating there: wait for them.
    const node = snapshot.node(nominated);
    for (const pi of node?.pods.values() ?? []) {
      if (pi.pod.metadata.deletionTimestamp && pi.priority < pod.priority) return NOT_ELIGIBLE_TERMINATING;
    }
  }
  return undefined;
}

function fits(pod: PodInfo, node: NodeInfo, snapshot: Snapshot, profile: Profile): Status {
  const trial = snapshot.withNode(node);
  const { state, status } = runPreFilters(profile, pod, trial);
  if (status.code !== 'Success') return status;
  return runFiltersWithNominated(profile, state, pod, node, trial);
}

/**
 * As upstream's SelectVictimsOnNode: remove every lower-priority pod; if the pod then fits,
 * add them back most important first (higher priority, then earlier start), keeping out
 * only those whose return would make the pod not fit.
 */
export function selectVictimsOnNode(pod: PodInfo, node: NodeInfo, snapshot: Snapshot, profile: Profile = defaultProfile): { victims: PodInfo[] } | { status: Status } {
  const trial = node.clone();
  const potential = [...trial.pods.values()].filter((pi) => pi.priority < pod.priority);
  if (potential.length === 0) return { status: unresolvable(NO_VICTIMS) };
  for (const pi of potential) trial.removePod(pi.key);
  const status = fits(pod, trial, snapshot, profile);
  if (status.code !== 'Success') return { status };
  potential.sort(moreImportantFirst);
  const victims: PodInfo[] = [];
  for (const pi of potential) {
    trial.addPod(pi);
    if (fits(pod, trial, snapshot, profile).code !== 'Success') {
      trial.removePod(pi.key);
      victims.push(pi);
    }
  }
  return { victims };
}

function startTime(pi: PodInfo): string {
  return (pi.pod.status?.startTime as string | undefined) ?? pi.pod.metadata.creationTimestamp ?? '';
}

/** Upstream's MoreImportantPod: higher priority first, then the one that started earlier. */
function moreImportantFirst(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return startTime(a) < startTime(b) ? -1 : startTime(a) > startTime(b) ? 1 : 0;
}

/**
 * As upstream's pickOneNodeForPreemption (without PodDisruptionBudgets): the lowest
 * highest-victim priority, then the lowest sum of victim priorities, then the fewest
 * victims, then the node whose most important victims started last; first wins a tie.
 */
export function pickCandidate(candidates: Candidate[]): Candidate {
  const highest = (c: Candidate) => Math.max(...c.victims.map((v) => v.priority));
  // Upstream offsets each priority by MaxInt32+1 so negative priorities still add up as costs.
  const sum = (c: Candidate) => c.victims.reduce((s, v) => s + v.priority + 2147483648, 0);
  const latestStartOfMostImportant = (c: Candidate) => {
    const top = highest(c);
    return c.victims.filter((v) => v.priority === top).map(startTime).sort().at(0) ?? '';
  };
  const keys: ((c: Candidate) => number | string)[] = [highest, sum, (c) => c.victims.length];
  let pool = candidates;
  for (const key of keys) {
    const best = pool.reduce((min, c) => (key(c) < min ? key(c) : min), key(pool[0]!));
    pool = pool.filter((c) => key(c) === best);
    if (pool.length === 1) return pool[0]!;
  }
  let chosen = pool[0]!;
  for (const c of pool) if (latestStartOfMostImportant(c) > latestStartOfMostImportant(chosen)) chosen = c;
  return chosen;
}
