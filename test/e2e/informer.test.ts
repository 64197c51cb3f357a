import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './harness/server.ts';
import { ApiError, isNotFound } from '../../src/client/api-error.ts';
import { ResourceClient } from '../../src/client/client.ts';
import { Informer } from '../../src/client/informer.ts';
import { transportFromKubeconfig } from '../../src/client/kubeconfig-transport.ts';
import type { KubeObject } from '../../src/client/object.ts';

const NAMESPACE = 'informer-e2e';
const configmaps = { group: '', version: 'v1', resource: 'configmaps', namespaced: true };
const namespaces = { group: '', version: 'v1', resource: 'namespaces', namespaced: false };

const servers: RunningServer[] = [];
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  for (const s of servers) await s.stop();
  await servers[0]?.cleanup();
});

/** Polls (real time: this is a real server) until `condition` holds. */
async function eventually(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function configMap(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NAMESPACE, labels: { test: 'informer' } }, data };
}

describe('an informer over HTTPS against a real server', () => {
  it('sees creates, updates and deletes, and converges without duplicates across a server restart', async () => {
    const first = await startServer();
    servers.push(first);
    const writer = await transportFromKubeconfig(first.kubeconfig);
    const readerTransport = await transportFromKubeconfig(first.kubeconfig);
    cleanups.push(() => writer.close(), () => readerTransport.close());
    const cms = new ResourceClient({ transport: writer, type: configmaps });
    await new ResourceClient({ transport: writer, type: namespaces }).create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });

    // The client maps the server's Status answers.
    const missing = await cms.get({ namespace: NAMESPACE, name: 'nope' }).catch((e: unknown) => e);
    expect(isNotFound(missing)).toBe(true);
    await cms.create(configMap('before', { k: '0' }));
    const duplicate = await cms.create(configMap('before', { k: '0' })).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ApiError);
    expect(duplicate).toMatchObject({ code: 409, reason: 'AlreadyExists' });

    const errors: unknown[] = [];
    // Only this test's ConfigMaps: the server's own controllers add kube-root-ca.crt to every namespace.
    const informer = new Informer({ source: new ResourceClient({ transport: readerTransport, type: configmaps }), namespace: NAMESPACE, labelSelector: 'test=informer', onError: (e) => errors.push(e), name: 'configmaps' });
    cleanups.push(() => informer.stop());
    const seen: string[] = [];
    informer.addEventHandler({
      onAdd: (o) => seen.push(`add ${o.metadata.name}`),
      onUpdate: (a, b) => seen.push(`update ${b.metadata.name} ${(a.data as Record<string, string>).k}->${(b.data as Record<string, string>).k}`),
      onDelete: (o) => seen.push(`delete ${o.metadata.name}`),
    });
    await informer.start();
    expect(informer.hasSynced()).toBe(true);
    expect(seen).toEqual(['add before']);

    const a = await cms.create(configMap('a', { k: '1' }));
    await cms.create(configMap('b', { k: '1' }));
    await cms.update({ ...a, data: { k: '2' } });
    await cms.patch({ namespace: NAMESPACE, name: 'b', type: 'merge', patch: { data: { k: '3' } } });
    await cms.delete({ name: 'before', namespace: NAMESPACE });
    const live = ['add a', 'add b', 'update a 1->2', 'update b 1->3', 'delete before'];
    await eventually(() => seen.length >= 6, 'the live changes');
    expect(seen.slice(1)).toEqual(live);

    // Restart on the same data dir and port: the informer's watch breaks, it backs off while the
    // port refuses connections, then resumes from its last resourceVersion.
    await first.stop();
    const second = await startServer({ dataDir: first.dataDir, port: first.port });
    servers.push(second);
    await cms.create(configMap('c', { k: '1' }));
    const currentA = await cms.get({ namespace: NAMESPACE, name: 'a' });
    await cms.update({ ...currentA, data: { k: '4' } });
    await cms.delete({ name: 'b', namespace: NAMESPACE });
    await eventually(() => seen.length >= 9, 'the changes made after the restart');
    await new Promise((r) => setTimeout(r, 500)); // anything extra (a duplicate) would arrive now
    expect(seen.slice(6)).toEqual(['add c', 'update a 2->4', 'delete b']);
    // It did go through the outage: at least one reconnect found the port closed.
    expect(errors.some((e) => /ECONNREFUSED/.test(String(e)))).toBe(true);

    const server = await cms.list({ namespace: NAMESPACE, labelSelector: 'test=informer' });
    const summary = (items: KubeObject[]) => items.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort();
    expect(summary(informer.list())).toEqual(summary(server.items));
    await informer.stop();
  });
});
