import type { KubeObject } from '../meta/object.ts';
import { metricSpecFromV1, metricSpecToV1, metricStatusFromV1, metricStatusToV1 } from './hpa-v1-metrics.ts';
import type { StorageConversion } from './types.ts';

/**
 * autoscaling/v1 HorizontalPodAutoscalers are stored as autoscaling/v2 (one storage, as
 * kube-apiserver). v1 speaks only of CPU utilization: `targetCPUUtilizationPercentage` is the
 * first `Resource` metric on `cpu` with a `Utilization` target, and
 * `currentCPUUtilizationPercentage` its current value. Whatever v1 cannot say is kept, as
 * upstream does (pkg/apis/autoscaling/v1/conversion.go), in round-trip annotations that a v1
 * reader sees and a v1 writer sends back: other metrics, the current metrics, the conditions
 * and the scaling behaviour. Writes through v1 fold them back in and never store them.
 */
const OTHER_METRICS = 'autoscaling.alpha.kubernetes.io/metrics';
const CURRENT_METRICS = 'autoscaling.alpha.kubernetes.io/current-metrics';
const CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';
const BEHAVIOR = 'autoscaling.alpha.kubernetes.io/behavior';
const ROUND_TRIP = [OTHER_METRICS, CURRENT_METRICS, CONDITIONS, BEHAVIOR];

/** As upstream's v1 conversion: an HPA that names no metric scales on 80% CPU utilization. */
const DEFAULT_CPU_UTILIZATION = 80;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

function isCpuResource(metric: Json): boolean {
  return metric.type === 'Resource' && obj(metric.resource).name === 'cpu';
}

function isCpuUtilization(metric: Json): boolean {
  return isCpuResource(metric) && obj(obj(metric.resource).target).type === 'Utilization';
}

function cpuUtilizationMetric(percent: unknown): Json {
  return { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: percent } } };
}

/** Parses a round-trip annotation; a malformed one is treated as absent rather than failing the write. */
function parseAnnotation(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function withoutRoundTrip(annotations: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!annotations) return undefined;
  const rest = Object.fromEntries(Object.entries(annotations).filter(([k]) => !ROUND_TRIP.includes(k)));
  return Object.keys(rest).length ? rest : undefined;
}

function defined(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** A stored autoscaling/v2 HPA as autoscaling/v1 shows it. */
function toV1(stored: KubeObject): KubeObject {
  const spec = obj(stored.spec);
  const status = stored.status === undefined ? undefined : obj(stored.status);
  const metrics = list(spec.metrics);
  const annotations: Record<string, string> = { ...(stored.metadata.annotations ?? {}) };
  const other = metrics.filter((m) => !isCpuUtilization(m));
  if (other.length) annotations[OTHER_METRICS] = JSON.stringify(other.map(metricSpecToV1));
  const currentMetrics = list(status?.currentMetrics);
  if (currentMetrics.length) annotations[CURRENT_METRICS] = JSON.stringify(currentMetrics.map(metricStatusToV1));
  const conditions = list(status?.conditions);
  if (conditions.length) annotations[CONDITIONS] = JSON.stringify(conditions);
  if (spec.behavior !== undefined && spec.behavior !== null) annotations[BEHAVIOR] = JSON.stringify(spec.behavior);

  const firstCpu = metrics.find(isCpuResource);
  const cpuTarget = firstCpu && isCpuUtilization(firstCpu) ? obj(obj(firstCpu.resource).target).averageUtilization : undefined;
  const currentCpu = currentMetrics.find((m) => m.type === 'Resource' && obj(m.resource).name === 'cpu');
  const out: KubeObject = {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: { ...stored.metadata, annotations: Object.keys(annotations).length ? annotations : undefined },
    spec: defined({ scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas, targetCPUUtilizationPercentage: cpuTarget }),
  };
  if (!out.metadata.annotations) delete out.metadata.annotations;
  if (status) {
    out.status = defined({
      observedGeneration: status.observedGeneration,
      lastScaleTime: status.lastScaleTime,
      currentReplicas: status.currentReplicas,
      desiredReplicas: status.desiredReplicas,
      currentCPUUtilizationPercentage: currentCpu ? obj(obj(currentCpu.resource).current).averageUtilization : undefined,
    });
  }
  return out;
}

/** An autoscaling/v1 HPA as it is stored (autoscaling/v2), its round-trip annotations folded back in. */
function fromV1(v1: KubeObject): KubeObject {
  const spec = obj(v1.spec);
  const annotations = v1.metadata.annotations ?? {};
  const metrics: Json[] = [];
  if (spec.targetCPUUtilizationPercentage !== undefined && spec.targetCPUUtilizationPercentage !== null) metrics.push(cpuUtilizationMetric(spec.targetCPUUtilizationPercentage));
  for (const m of list(parseAnnotation(annotations[OTHER_METRICS]))) metrics.push(metricSpecFromV1(obj(m)));
  if (metrics.length === 0) metrics.push(cpuUtilizationMetric(DEFAULT_CPU_UTILIZATION));
  const behavior = parseAnnotation(annotations[BEHAVIOR]);
  const out: KubeObject = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { ...v1.metadata, annotations: withoutRoundTrip(v1.metadata.annotations) },
    spec: defined({ scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas, metrics, behavior: behavior ?? undefined }),
  };
  if (!out.metadata.annotations) delete out.metadata.annotations;
  if (v1.status !== undefined) {
    const status = obj(v1.status);
    // The annotation carries more than the single CPU percentage: it wins, as upstream.
    const annotated = parseAnnotation(annotations[CURRENT_METRICS]);
    const currentMetrics = Array.isArray(annotated)
      ? annotated.map((m) => metricStatusFromV1(obj(m)))
      : status.currentCPUUtilizationPercentage !== undefined
        ? [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } } }]
        : undefined;
    const conditions = parseAnnotation(annotations[CONDITIONS]);
    out.status = defined({
      observedGeneration: status.observedGeneration,
      lastScaleTime: status.lastScaleTime,
      currentReplicas: status.currentReplicas,
      desiredReplicas: status.desiredReplicas,
      currentMetrics,
      conditions: Array.isArray(conditions) ? conditions : undefined,
    });
  }
  return out;
}

export const autoscalingV1Conversion: StorageConversion = { toStorage: fromV1, fromStorage: toV1 };
