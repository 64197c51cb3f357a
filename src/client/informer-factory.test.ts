import { describe, expect, it } from 'vitest';
import { FakeTransport, jsonResponse } from './fake-transport.ts';
import { SharedInformerFactory } from './informer-factory.ts';
import { ManualClock } from './manual-clock.ts';
import { pathWithQuery, type TransportRequest } from './transport.ts';

const pods = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const nodes = { group: '', version: 'v1', resource: 'nodes', namespaced: false };
const deployments = { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true };

/** Lists answer one object; watches stay open until their request is aborted, as a quiet server's. */
function quietServer(): FakeTransport {
  return new FakeTransport((req: TransportRequest) => {
    if (req.query?.watch) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          req.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body);
    }
    const name = req.path.split('/').at(-1);
    return jsonResponse({ metadata: { resourceVersion: '3' }, items: [{ metadata: { name: `one-of-${name}`, resourceVersion: '2' } }] });
  });
}

describe('SharedInformerFactory', () => {
  it('shares one informer per resource and namespace', () => {
    const factory = new SharedInformerFactory({ transport: quietServer() });
    expect(factory.informerFor(pods)).toBe(factory.informerFor(pods));
    expect(factory.informerFor(pods, { namespace: 'a' })).not.toBe(factory.informerFor(pods));
    expect(factory.informerFor(deployments)).not.toBe(factory.informerFor(pods));
  });

  it('applies its namespace to namespaced resources only', async () => {
    const transport = quietServer();
    const factory = new SharedInformerFactory({ transport, namespace: 'kube-system', clock: new ManualClock() });
    factory.informerFor(pods);
    factory.informerFor(nodes);
    factory.start();
    expect(await factory.waitForCacheSync()).toBe(true);
    const lists = transport.requests.filter((r) => !r.query?.watch).map((r) => pathWithQuery(r.path, r.query));
    expect(lists.sort()).toEqual(['/api/v1/namespaces/kube-system/pods?limit=500', '/api/v1/nodes?limit=500']);
    await factory.stop();
  });

  it('syncs every started informer, starts informers asked for later on the next start, and stops them all', async () => {
    const transport = quietServer();
    const clock = new ManualClock();
    const factory = new SharedInformerFactory({ transport, clock });
    const podInformer = factory.informerFor(pods);
    factory.start();
    expect(await factory.waitForCacheSync()).toBe(true);
    expect(podInformer.list().map((p) => p.metadata.name)).toEqual(['one-of-pods']);

    const nodeInformer = factory.informerFor(nodes);
    expect(nodeInformer.hasSynced()).toBe(false);
    factory.start();
    expect(await factory.waitForCacheSync()).toBe(true);
    expect(nodeInformer.get('one-of-nodes')).toBeDefined();

    await factory.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('answers false when the wait is abandoned before the caches sync', async () => {
    const factory = new SharedInformerFactory({ transport: new FakeTransport(() => new Promise<Response>(() => {})), clock: new ManualClock() });
    factory.informerFor(pods);
    factory.start();
    const controller = new AbortController();
    const waited = factory.waitForCacheSync(controller.signal);
    controller.abort();
    expect(await waited).toBe(false);
  });
});
