/**
 * The scheduling decision, pure: a pod and a snapshot in, a node name or a diagnosis out
 * (upstream's schedulePod: findNodesThatFitPod, prioritizeNodes, selectHost). Nothing here
 * talks to the API or changes the snapshot.
 */
import { runFiltersWithNominated, runPreFilters } from './framework-runner.ts';
import type { Diagnosis } from './diagnosis.ts';
import type { CycleState, Status } from './framework.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import { defaultProfile, type Profile } from './registry.ts';
import type { Snapshot } from './snapshot.ts';

export interface ScheduleOptions {
  profile?: Profile;
  /** In [0, 1): breaks ties between equally scored nodes (upstream picks one at random). */
  random?: () => number;
}

export type ScheduleResult =
  | { node: string; feasibleNodes: number; evaluatedNodes: number }
  | { unschedulable: Diagnosis };

export function schedulePod(pod: PodInfo, snapshot: Snapshot, options: ScheduleOptions = {}): ScheduleResult {
  const profile = options.profile ?? defaultProfile;
  const nodes = snapshot.nodes;
  const diagnosis: Diagnosis = { numAllNodes: nodes.length, nodeStatuses: new Map(), unschedulablePlugins: new Set() };
  if (nodes.length === 0) return { unschedulable: diagnosis };

  const { state, status: preFilterStatus } = runPreFilters(profile, pod, snapshot);
  if (preFilterStatus.code !== 'Success') {
    // As upstream: a PreFilter rejection applies to every node, and the message says it once.
    for (const n of nodes) diagnosis.nodeStatuses.set(n.name, preFilterStatus);
    diagnosis.preFilterMessage = preFilterStatus.reasons.join(', ');
    if (preFilterStatus.plugin) diagnosis.unschedulablePlugins.add(preFilterStatus.plugin);
    return { unschedulable: diagnosis };
  }

  const feasible: NodeInfo[] = [];
  for (const node of nodes) {
    const status = runFiltersWithNominated(profile, state, pod, node, snapshot);
    if (status.code === 'Success') feasible.push(node);
    else recordRejection(diagnosis, node.name, status);
  }
  if (feasible.length === 0) return { unschedulable: diagnosis };
  if (feasible.length === 1) return { node: feasible[0]!.name, feasibleNodes: 1, evaluatedNodes: nodes.length };

  const totals = prioritizeNodes(profile, state, pod, feasible, snapshot);
  return { node: selectHost(feasible, totals, options.random ?? Math.random), feasibleNodes: feasible.length, evaluatedNodes: nodes.length };
}

function recordRejection(diagnosis: Diagnosis, nodeName: string, status: Status): void {
  diagnosis.nodeStatuses.set(nodeName, status);
  if (status.plugin) diagnosis.unschedulablePlugins.add(status.plugin);
}

/** Weighted sum of every Score plugin's normalised 0..100 scores, per feasible node. */
export function prioritizeNodes(profile: Profile, state: CycleState, pod: PodInfo, feasible: NodeInfo[], snapshot: Snapshot): number[] {
  for (const plugin of profile.preScores) {
    const status = plugin.preScore(state, pod, feasible, snapshot);
    if (status.code === 'Skip') state.skipScore.add(plugin.name);
  }
  const totals = new Array<number>(feasible.length).fill(0);
  const scores = new Array<number>(feasible.length);
  for (const { plugin, weight } of profile.scores) {
    if (state.skipScore.has(plugin.name)) continue;
    for (let i = 0; i < feasible.length; i++) scores[i] = plugin.score(state, pod, feasible[i]!);
    plugin.normalize?.(state, pod, scores);
    for (let i = 0; i < feasible.length; i++) totals[i]! += scores[i]! * weight;
  }
  return totals;
}

/** The highest total; ties broken uniformly at random by reservoir sampling, as upstream's selectHost. */
function selectHost(nodes: NodeInfo[], totals: number[], random: () => number): string {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (totals[i]! > totals[best]!) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (random() * ties < 1) best = i;
    }
  }
  return nodes[best]!.name;
}
