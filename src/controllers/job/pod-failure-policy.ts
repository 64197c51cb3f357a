import type { KubeObject } from '../../client/index.ts';
import type { Job } from './job-types.ts';

export interface PodFailurePolicyMatch {
  action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';
  /** For FailJob: the Failed condition's message, worded as upstream's. */
  message?: string;
}

type ContainerStatus = { name: string; state?: { terminated?: { exitCode?: number } } };

/**
 * The first podFailurePolicy rule a failed pod matches (upstream's matchPodFailurePolicy), or
 * undefined when none does (the failure then counts against backoffLimit). onExitCodes looks
 * at terminated containers with a non-zero exit code; onPodConditions at the pod's conditions.
 */
export function matchPodFailurePolicy(job: Job, pod: KubeObject): PodFailurePolicyMatch | undefined {
  const rules = job.spec.podFailurePolicy?.rules ?? [];
  const status = (pod.status ?? {}) as { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[]; conditions?: { type: string; status: string }[] };
  const containers = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
  const podName = `${pod.metadata.namespace}/${pod.metadata.name}`;
  for (const [i, rule] of rules.entries()) {
    if (rule.onExitCodes) {
      const req = rule.onExitCodes;
      const hit = containers.find((c) => {
        const code = c.state?.terminated?.exitCode;
        if (code === undefined || code === 0) return false;
        if (req.containerName && req.containerName !== c.name) return false;
        return req.operator === 'In' ? req.values.includes(code) : !req.values.includes(code);
      });
      if (hit) {
        return { action: rule.action, message: `Container ${hit.name} for pod ${podName} failed with exit code ${hit.state!.terminated!.exitCode} matching ${rule.action} rule at index ${i}` };
      }
    }
    for (const want of rule.onPodConditions ?? []) {
      if ((status.conditions ?? []).some((c) => c.type === want.type && c.status === (want.status ?? 'True'))) {
        return { action: rule.action, message: `Pod ${podName} has condition ${want.type} matching ${rule.action} rule at index ${i}` };
      }
    }
  }
  return undefined;
}
