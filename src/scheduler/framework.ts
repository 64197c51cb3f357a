/**
 * The scheduler framework's small named interfaces (upstream's pkg/scheduler/framework):
 * plugins implement only the extension points they need, and the core in schedule-pod.ts
 * runs them in the profile's order.
 */
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * As upstream's framework.Code. `Unschedulable` may be fixed by preemption;
 * `UnschedulableAndUnresolvable` may not (preemption skips those nodes); `Skip` from a
 * PreFilter means the plugin has nothing to check for this pod.
 */
export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip' | 'Error';

export interface Status {
  code: Code;
  /** Upstream's reasons: each counts once in the "0/N nodes are available" histogram. */
  reasons: string[];
  /** The plugin that answered, filled in by the framework. */
  plugin?: string;
}

export const SUCCESS: Status = Object.freeze({ code: 'Success', reasons: [] }) as Status;
export const SKIP: Status = Object.freeze({ code: 'Skip', reasons: [] }) as Status;

export function unschedulable(...reasons: string[]): Status {
  return { code: 'Unschedulable', reasons };
}

export function unresolvable(...reasons: string[]): Status {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

export function isRejection(status: Status): boolean {
  return status.code === 'Unschedulable' || status.code === 'UnschedulableAndUnresolvable';
}

/** Per-attempt scratch space where a PreFilter/PreScore leaves what its Filter/Score reads (upstream's CycleState). */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  /** Plugins whose PreFilter answered Skip: their Filter is not run. */
  readonly skipFilter = new Set<string>();
  /** Plugins whose PreScore answered Skip: their Score is not run. */
  readonly skipScore = new Set<string>();

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }
}

export interface Plugin {
  readonly name: string;
}

/** Computes state from the whole snapshot once per attempt; a rejection here rejects every node. */
export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, snapshot: Snapshot): Status;
}

/** Answers whether the pod fits one node. Must not change the node. */
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status;
}

/** Prepares scoring over the nodes that passed the filters. */
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: NodeInfo[], snapshot: Snapshot): Status;
}

/** Scores one feasible node; `normalize` rescales the scores of all of them to 0..100 in place. */
export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  normalize?(state: CycleState, pod: PodInfo, scores: number[]): void;
}

/** As upstream's framework.MaxNodeScore. */
export const MAX_NODE_SCORE = 100;

export function isPreFilter(p: Plugin): p is PreFilterPlugin {
  return typeof (p as PreFilterPlugin).preFilter === 'function';
}
export function isFilter(p: Plugin): p is FilterPlugin {
  return typeof (p as FilterPlugin).filter === 'function';
}
export function isPreScore(p: Plugin): p is PreScorePlugin {
  return typeof (p as PreScorePlugin).preScore === 'function';
}
export function isScore(p: Plugin): p is ScorePlugin {
  return typeof (p as ScorePlugin).score === 'function';
}
