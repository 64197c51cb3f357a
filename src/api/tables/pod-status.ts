/**
 * The READY, STATUS and RESTARTS cells of a pod, computed as printPod in kubernetes/kubernetes
 * pkg/printers/internalversion/printers.go: init containers first (sidecars count as
 * containers once started), then regular containers from last to first, then deletion.
 */
import { ageSince, parseTimestamp } from './human-duration.ts';
import { asArray, asNumber, asString, field, type Json } from './cell-format.ts';

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** The reason a kubelet sets when the node is unreachable (NodeUnreachablePodReason). */
const nodeLostReason = 'NodeLost';

export function summarizePod(pod: Json, now: Date): PodSummary {
  const spec = (pod.spec ?? {}) as Json;
  const status = (pod.status ?? {}) as Json;
  const phase = asString(status.phase);
  const conditions = asArray(status.conditions);
  let reason = asString(status.reason) || phase;

  // A pod held by scheduling gates reads SchedulingGated.
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const initSpecs = new Map<string, Json>(asArray(spec.initContainers).map((c) => [asString(c.name), c]));
  const isSidecar = (name: string) => field(initSpecs.get(name), 'restartPolicy') === 'Always';
  const total = asArray(spec.containers).length + [...initSpecs.values()].filter((c) => c.restartPolicy === 'Always').length;
  let ready = 0;
  let restarts = 0;
  let lastRestart: Date | undefined;
  let sidecarRestarts = 0;
  let lastSidecarRestart: Date | undefined;

  let initializing = false;
  const initStatuses = asArray(status.initContainerStatuses);
  const initCount = asArray(spec.initContainers).length;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const finishedAt = lastTerminationFinishedAt(c);
    restarts += asNumber(c.restartCount);
    lastRestart = later(lastRestart, finishedAt);
    const sidecar = isSidecar(asString(c.name));
    if (sidecar) {
      sidecarRestarts += asNumber(c.restartCount);
      lastSidecarRestart = later(lastSidecarRestart, finishedAt);
    }
    const terminated = field(c, 'state', 'terminated') as Json | undefined;
    const waiting = field(c, 'state', 'waiting') as Json | undefined;
    if (terminated && asNumber(terminated.exitCode) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready === true) ready++;
      continue;
    }
    if (terminated) {
      reason = terminated.reason ? `Init:${terminated.reason}` : terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${asNumber(terminated.exitCode)}`;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
    break;
  }

  const initializedCondition = conditions.find((c) => c.type === 'Initialized');
  if (!initializing || initializedCondition?.status === 'True') {
    // Only sidecar restarts carry over: finished init containers no longer matter.
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = asArray(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += asNumber(c.restartCount);
      lastRestart = later(lastRestart, lastTerminationFinishedAt(c));
      const terminated = field(c, 'state', 'terminated') as Json | undefined;
      const waiting = field(c, 'state', 'waiting') as Json | undefined;
      if (waiting && waiting.reason) reason = waiting.reason;
      else if (terminated && terminated.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${asNumber(terminated.exitCode)}`;
      else if (c.ready === true && field(c, 'state', 'running')) {
        hasRunning = true;
        ready++;
      }
    }
    // A container that completed while another still runs does not make the pod Completed.
    if (reason === 'Completed' && hasRunning) {
      reason = conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && asString(status.reason) === nodeLostReason) reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  const restartText = restarts !== 0 && lastRestart ? `${restarts} (${ageSince(lastRestart.toISOString(), now)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}

function lastTerminationFinishedAt(containerStatus: Json): Date | undefined {
  const terminated = field(containerStatus, 'lastState', 'terminated');
  return terminated ? parseTimestamp(terminated.finishedAt) : undefined;
}

function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!b) return a;
  if (!a) return b;
  return b > a ? b : a;
}
