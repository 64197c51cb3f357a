import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as k8s from '@kubernetes/client-node';
import { startServer, type RunningServer } from './harness/server.ts';

let server: RunningServer;
let kc: k8s.KubeConfig;
beforeAll(async () => {
  server = await startServer();
  kc = new k8s.KubeConfig();
  kc.loadFromFile(server.kubeconfig);
});
afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

function until(pred: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (pred()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe('@kubernetes/client-node against skiff', () => {
  it('lists and watches with resourceVersion continuity', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'cn-1' }, data: { a: '1' } } });
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    expect(list.items.map((c) => c.metadata?.name)).toContain('cn-1');
    const events: string[] = [];
    const watch = new k8s.Watch(kc);
    const req = await watch.watch(
      '/api/v1/namespaces/default/configmaps',
      { resourceVersion: list.metadata?.resourceVersion, allowWatchBookmarks: true },
      (type, obj) => events.push(`${type} ${obj.metadata?.name}`),
      () => {},
    );
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'cn-2' } } });
    await core.patchNamespacedConfigMap({ namespace: 'default', name: 'cn-2', body: { data: { b: '2' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'cn-2' });
    await until(() => events.length >= 3, 'three watch events');
    expect(events).toEqual(['ADDED cn-2', 'MODIFIED cn-2', 'DELETED cn-2']);
    req.abort();
  });

  it('keeps an informer cache in step with the server', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () => core.listNamespacedConfigMap({ namespace: 'default' }));
    const seen = new Set<string>();
    informer.on('add', (o) => seen.add(o.metadata!.name!));
    informer.on('delete', (o) => seen.delete(o.metadata!.name!));
    await informer.start();
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'inf-1' } } });
    await until(() => seen.has('inf-1'), 'the informer to see inf-1');
    expect(informer.list().map((o) => o.metadata?.name)).toContain('inf-1');
    await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'inf-1' });
    await until(() => !seen.has('inf-1'), 'the informer to see the delete');
    await informer.stop();
  });

  it('reads typed objects and Status errors', async () => {
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    await expect(apps.readNamespacedDeployment({ namespace: 'default', name: 'absent' })).rejects.toMatchObject({ code: 404 });
  });
});
