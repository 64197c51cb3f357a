import type { Requester } from '../../test/e2e/harness/https-client.ts';

/**
 * A ConfigMap whose data is valueBytes of payload (the "1 KiB ConfigMaps").
 *
 * @example
 * JSON.stringify(configMap('cm-1', 1024))
 */
export function configMap(name: string, valueBytes = 1024): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { payload: 'x'.repeat(valueBytes) } };
}

/**
 * A small pod nobody will schedule: as upstream's scheduler, a scheduler only picks pods whose
 * spec.schedulerName is its own, so the LIST benchmark measures 5,000 objects at rest, not
 * 5,000 objects plus the scheduler's status writes.
 */
export function unscheduledPod(name: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'bench' } },
    spec: { schedulerName: 'skiff-bench-nobody', containers: [{ name: 'main', image: 'registry.local/bench:1' }] },
  };
}

/** Creates a namespace and fails loudly unless the server answers 201. */
export async function createNamespace(request: Requester, name: string): Promise<void> {
  const r = await request('POST', '/api/v1/namespaces', { body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }) });
  if (r.status !== 201) throw new Error(`creating namespace ${name}: HTTP ${r.status} ${r.body.slice(0, 300)}`);
}
