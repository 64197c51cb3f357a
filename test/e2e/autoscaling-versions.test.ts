import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlReleases, requireTool, stopWithin } from './clients/tools.ts';
import { startServer, type RunningServer } from './harness/server.ts';

// autoscaling/v1 and autoscaling/v2 serve one storage, as kube-apiserver: `kubectl autoscale`
// POSTs autoscaling/v1 from older releases (1.20, 1.27 here) and autoscaling/v2 from recent
// ones (1.33), and either is readable as the other.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
  for (const { binary } of kubectlReleases) await requireTool(binary);
});
afterAll(async () => {
  await stopWithin(server);
  await server?.cleanup();
});

const binaryOf = (minor: number) => kubectlReleases.find((r) => r.minor === minor)!.binary;

describe('autoscaling/v1 beside autoscaling/v2', () => {
  it('lists autoscaling/v1 in kubectl api-versions', async () => {
    const r = await server.kubectl(['api-versions']);
    expect(r.stdout.split('\n')).toEqual(expect.arrayContaining(['autoscaling/v1', 'autoscaling/v2']));
  });

  it.each([20, 27, 33])('kubectl 1.%i autoscale creates an HPA readable through both versions', async (minor) => {
    const name = `web${minor}`;
    expect((await server.kubectl(['create', 'deployment', name, '--image=nginx'])).exitCode).toBe(0);
    const r = await server.kubectl(['autoscale', 'deployment', name, '--max', '3', '--cpu-percent', '50'], { binary: binaryOf(minor) });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`horizontalpodautoscaler.autoscaling/${name} autoscaled`);

    const asV1 = JSON.parse((await server.kubectl(['get', '--raw', `/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/${name}`])).stdout);
    expect(asV1.apiVersion).toBe('autoscaling/v1');
    expect(asV1.spec).toMatchObject({ maxReplicas: 3, targetCPUUtilizationPercentage: 50, scaleTargetRef: { kind: 'Deployment', name } });
    const asV2 = JSON.parse((await server.kubectl(['get', '--raw', `/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/${name}`])).stdout);
    expect(asV2.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
  });

  it('shows a v2-only metric to a v1 client in the autoscaling.alpha.kubernetes.io/metrics annotation and keeps it on a v1 update', async () => {
    const hpa = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'mem' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web33' },
        maxReplicas: 4,
        metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }],
      },
    };
    expect((await server.kubectl(['create', '-f', '-'], { input: JSON.stringify(hpa) })).exitCode).toBe(0);
    const path = '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/mem';
    const asV1 = JSON.parse((await server.kubectl(['get', '--raw', path])).stdout);
    expect(JSON.parse(asV1.metadata.annotations['autoscaling.alpha.kubernetes.io/metrics'])).toEqual([{ type: 'Resource', resource: { name: 'memory', targetAverageValue: '100Mi' } }]);

    asV1.spec.maxReplicas = 5;
    const put = await server.kubectl(['replace', '-f', '-'], { input: JSON.stringify(asV1) });
    expect(put.exitCode, put.stderr).toBe(0);
    const asV2 = JSON.parse((await server.kubectl(['get', '--raw', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/mem'])).stdout);
    expect(asV2.spec.maxReplicas).toBe(5);
    expect(asV2.spec.metrics).toEqual(hpa.spec.metrics);
    expect(asV2.metadata.annotations?.['autoscaling.alpha.kubernetes.io/metrics']).toBeUndefined();
  });
});
