import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { autoscalingV1Conversion } from './hpa-v1-conversion.ts';

const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
const cpu = (percent: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: percent } } });
const memory = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } };
const podsMetric = { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } };

function v2(spec: Record<string, unknown>, status?: Record<string, unknown>, annotations?: Record<string, string>): KubeObject {
  const obj: KubeObject = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default', ...(annotations ? { annotations } : {}) }, spec: { scaleTargetRef: target, maxReplicas: 3, ...spec } };
  if (status) obj.status = status;
  return obj;
}

function v1(spec: Record<string, unknown>, status?: Record<string, unknown>, annotations?: Record<string, string>): KubeObject {
  const obj: KubeObject = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default', ...(annotations ? { annotations } : {}) }, spec: { scaleTargetRef: target, maxReplicas: 3, ...spec } };
  if (status) obj.status = status;
  return obj;
}

describe('autoscalingV1Conversion.fromStorage (v2 stored, v1 served)', () => {
  it.each([
    ['shows a CPU utilization metric as targetCPUUtilizationPercentage', v2({ metrics: [cpu(50)] }), v1({ targetCPUUtilizationPercentage: 50 })],
    [
      'keeps a memory metric in the autoscaling.alpha.kubernetes.io/metrics annotation, in the v1 form',
      v2({ metrics: [cpu(60), memory] }),
      v1({ targetCPUUtilizationPercentage: 60 }, undefined, { 'autoscaling.alpha.kubernetes.io/metrics': '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]' }),
    ],
    [
      'keeps a Pods metric with its metric name and average value',
      v2({ metrics: [podsMetric] }),
      v1({}, undefined, { 'autoscaling.alpha.kubernetes.io/metrics': '[{"type":"Pods","pods":{"metricName":"qps","targetAverageValue":"10"}}]' }),
    ],
    [
      'shows the current CPU utilization and keeps every current metric and condition in annotations',
      v2({ metrics: [cpu(50)] }, { currentReplicas: 2, desiredReplicas: 2, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 37 } } }], conditions: [{ type: 'AbleToScale', status: 'True' }] }),
      v1(
        { targetCPUUtilizationPercentage: 50 },
        { currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 37 },
        {
          'autoscaling.alpha.kubernetes.io/current-metrics': '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":37}}]',
          'autoscaling.alpha.kubernetes.io/conditions': '[{"type":"AbleToScale","status":"True"}]',
        },
      ),
    ],
    [
      'keeps the scaling behaviour in the autoscaling.alpha.kubernetes.io/behavior annotation',
      v2({ metrics: [cpu(50)], behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } }),
      v1({ targetCPUUtilizationPercentage: 50 }, undefined, { 'autoscaling.alpha.kubernetes.io/behavior': '{"scaleDown":{"stabilizationWindowSeconds":60}}' }),
    ],
  ])('%s', (_name, stored, served) => {
    expect(autoscalingV1Conversion.fromStorage(stored)).toEqual(served);
  });

  it('does not change the stored (cached) object', () => {
    const stored = v2({ metrics: [memory] }, undefined, { team: 'a' });
    const before = structuredClone(stored);
    autoscalingV1Conversion.fromStorage(stored);
    expect(stored).toEqual(before);
  });
});

describe('autoscalingV1Conversion.toStorage (v1 written, v2 stored)', () => {
  it.each([
    ['stores targetCPUUtilizationPercentage as a Resource cpu Utilization metric', v1({ targetCPUUtilizationPercentage: 70 }), v2({ metrics: [cpu(70)] })],
    ['defaults an HPA without a target to 80% CPU utilization, as upstream', v1({}), v2({ metrics: [cpu(80)] })],
    [
      'folds the metrics annotation back into spec.metrics and does not store it',
      v1({ targetCPUUtilizationPercentage: 60 }, undefined, { team: 'a', 'autoscaling.alpha.kubernetes.io/metrics': '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]' }),
      v2({ metrics: [cpu(60), memory] }, undefined, { team: 'a' }),
    ],
    [
      'stores currentCPUUtilizationPercentage as a current cpu metric',
      v1({ targetCPUUtilizationPercentage: 50 }, { currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 20 }),
      v2({ metrics: [cpu(50)] }, { currentReplicas: 1, desiredReplicas: 1, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 20 } } }] }),
    ],
    ['ignores a malformed round-trip annotation', v1({ targetCPUUtilizationPercentage: 50 }, undefined, { 'autoscaling.alpha.kubernetes.io/metrics': '{not json' }), v2({ metrics: [cpu(50)] })],
  ])('%s', (_name, written, stored) => {
    expect(autoscalingV1Conversion.toStorage(written)).toEqual(stored);
  });

  it.each([
    ['CPU and memory metrics', v2({ minReplicas: 1, metrics: [cpu(50), memory] })],
    ['Pods, Object and External metrics', v2({ metrics: [podsMetric, { type: 'Object', object: { describedObject: target, metric: { name: 'hits' }, target: { type: 'Value', value: '5' } } }, { type: 'External', external: { metric: { name: 'queue', selector: { matchLabels: { q: 'a' } } }, target: { type: 'AverageValue', averageValue: '30' } } }] })],
    ['a behaviour, current metrics and conditions', v2({ metrics: [cpu(50)], behavior: { scaleUp: { stabilizationWindowSeconds: 0 } } }, { currentReplicas: 1, desiredReplicas: 2, currentMetrics: [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '50Mi' } } }], conditions: [{ type: 'ScalingActive', status: 'False' }] })],
  ])('round-trips an HPA with %s through v1 without loss', (_name, stored) => {
    expect(autoscalingV1Conversion.toStorage(autoscalingV1Conversion.fromStorage(stored))).toEqual(stored);
  });
});
