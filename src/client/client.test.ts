import { describe, expect, it } from 'vitest';
import { ApiError, isResourceExpired } from './api-error.ts';
import { ResourceClient } from './client.ts';
import { FakeTransport, chunkedStream, jsonResponse } from './fake-transport.ts';
import type { KubeObject } from './object.ts';
import type { TransportRequest } from './transport.ts';
import { pathWithQuery } from './transport.ts';

const pods = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const deployments = { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true };
const nodes = { group: '', version: 'v1', resource: 'nodes', namespaced: false };

function pod(name: string, rv = '1'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', resourceVersion: rv } };
}

/** A client whose transport answers `answer` and remembers the request it got. */
function clientAnswering(type: typeof pods, answer: (req: TransportRequest) => Response = () => jsonResponse({ metadata: {} })) {
  const transport = new FakeTransport(answer);
  return { client: new ResourceClient({ transport, type }), transport, sent: () => transport.requests.at(-1)! };
}

describe('ResourceClient requests', () => {
  const cases: { name: string; type: typeof pods; call: (c: ResourceClient) => Promise<unknown>; method: string; url: string; contentType?: string; body?: unknown }[] = [
    { name: 'gets a core object by namespace and name', type: pods, call: (c) => c.get({ namespace: 'default', name: 'web' }), method: 'GET', url: '/api/v1/namespaces/default/pods/web' },
    { name: 'gets a cluster-scoped object by name', type: nodes, call: (c) => c.get({ name: 'n1' }), method: 'GET', url: '/api/v1/nodes/n1' },
    { name: 'lists across all namespaces with selectors and paging', type: pods, call: (c) => c.list({ labelSelector: 'app=web', fieldSelector: 'spec.nodeName=n1', limit: 500, continue: 'abc' }), method: 'GET', url: '/api/v1/pods?continue=abc&fieldSelector=spec.nodeName%3Dn1&labelSelector=app%3Dweb&limit=500' },
    { name: 'lists a group resource in one namespace at a resourceVersion', type: deployments, call: (c) => c.list({ namespace: 'kube-system', resourceVersion: '10', resourceVersionMatch: 'NotOlderThan' }), method: 'GET', url: '/apis/apps/v1/namespaces/kube-system/deployments?resourceVersion=10&resourceVersionMatch=NotOlderThan' },
    { name: 'creates in the namespace of the object', type: pods, call: (c) => c.create(pod('web'), { fieldManager: 'skiff', dryRun: true }), method: 'POST', url: '/api/v1/namespaces/default/pods?dryRun=All&fieldManager=skiff', body: pod('web') },
    { name: 'updates by PUT on the object path', type: pods, call: (c) => c.update(pod('web', '7')), method: 'PUT', url: '/api/v1/namespaces/default/pods/web', body: pod('web', '7') },
    { name: 'updates the status subresource', type: pods, call: (c) => c.updateStatus(pod('web', '7')), method: 'PUT', url: '/api/v1/namespaces/default/pods/web/status', body: pod('web', '7') },
    { name: 'sends a merge patch with its content type', type: pods, call: (c) => c.patch({ namespace: 'default', name: 'web', type: 'merge', patch: { metadata: { labels: { a: 'b' } } } }), method: 'PATCH', url: '/api/v1/namespaces/default/pods/web', contentType: 'application/merge-patch+json', body: { metadata: { labels: { a: 'b' } } } },
    { name: 'sends a JSON patch with its content type', type: pods, call: (c) => c.patch({ namespace: 'default', name: 'web', type: 'json', patch: [{ op: 'remove', path: '/spec' }] }), method: 'PATCH', url: '/api/v1/namespaces/default/pods/web', contentType: 'application/json-patch+json', body: [{ op: 'remove', path: '/spec' }] },
    { name: 'sends a strategic merge patch to a subresource', type: deployments, call: (c) => c.patch({ namespace: 'default', name: 'web', type: 'strategic', patch: { spec: { replicas: 2 } }, subresource: 'scale' }), method: 'PATCH', url: '/apis/apps/v1/namespaces/default/deployments/web/scale', contentType: 'application/strategic-merge-patch+json', body: { spec: { replicas: 2 } } },
    { name: 'sends a forced server-side apply with its field manager', type: pods, call: (c) => c.patch({ namespace: 'default', name: 'web', type: 'apply', patch: pod('web'), fieldManager: 'ctl', force: true }), method: 'PATCH', url: '/api/v1/namespaces/default/pods/web?fieldManager=ctl&force=true', contentType: 'application/apply-patch+yaml', body: pod('web') },
    {
      name: 'deletes with propagation, grace period and preconditions in DeleteOptions',
      type: pods,
      call: (c) => c.delete({ namespace: 'default', name: 'web', propagationPolicy: 'Foreground', gracePeriodSeconds: 0, preconditions: { uid: 'u1', resourceVersion: '5' } }),
      method: 'DELETE',
      url: '/api/v1/namespaces/default/pods/web',
      body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground', gracePeriodSeconds: 0, preconditions: { uid: 'u1', resourceVersion: '5' } },
    },
    { name: 'escapes names that are not path-safe', type: nodes, call: (c) => c.get({ name: 'a b/c' }), method: 'GET', url: '/api/v1/nodes/a%20b%2Fc' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { client, sent } = clientAnswering(c.type);
      await c.call(client);
      const req = sent();
      expect(req.method).toBe(c.method);
      expect(pathWithQuery(req.path, req.query)).toBe(c.url);
      expect(req.contentType).toBe(c.contentType);
      expect(req.body).toEqual(c.body);
    });
  }

  const refusals: { name: string; call: (c: ResourceClient) => Promise<unknown>; message: RegExp }[] = [
    { name: 'refuses an apply patch without a field manager', call: (c) => c.patch({ namespace: 'default', name: 'web', type: 'apply', patch: {} }), message: /fieldManager/ },
    { name: 'refuses force on a merge patch', call: (c) => c.patch({ namespace: 'default', name: 'web', type: 'merge', patch: {}, force: true }), message: /apply patches only/ },
    { name: 'refuses a namespaced get without a namespace', call: (c) => c.get({ name: 'web' }), message: /namespace is required/ },
  ];
  for (const r of refusals) {
    it(r.name, async () => {
      const { client, transport } = clientAnswering(pods);
      await expect(async () => r.call(client)).rejects.toThrow(r.message);
      expect(transport.requests).toHaveLength(0);
    });
  }
});

describe('ResourceClient errors', () => {
  const cases: { name: string; response: () => Response; code: number; reason: string; message: string }[] = [
    {
      name: 'carries the Status of a 404 as the server wrote it',
      response: () => jsonResponse({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'pods "web" not found', details: { name: 'web', kind: 'pods' } }, 404),
      code: 404,
      reason: 'NotFound',
      message: 'pods "web" not found',
    },
    {
      name: 'carries a 409 AlreadyExists Status',
      response: () => jsonResponse({ kind: 'Status', status: 'Failure', reason: 'AlreadyExists', code: 409, message: 'pods "web" already exists' }, 409),
      code: 409,
      reason: 'AlreadyExists',
      message: 'pods "web" already exists',
    },
    {
      name: 'makes up a Status for a non-Status 503 answer, as client-go',
      response: () => new Response('upstream connect error', { status: 503 }),
      code: 503,
      reason: 'ServiceUnavailable',
      message: 'the server is currently unable to handle the request',
    },
    {
      name: 'makes up an Unknown Status for an unexpected code',
      response: () => new Response('teapot', { status: 418 }),
      code: 418,
      reason: 'Unknown',
      message: 'an error on the server ("teapot") has prevented the request from succeeding',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { client } = clientAnswering(pods, c.response);
      const error = await client.get({ namespace: 'default', name: 'web' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: c.code, reason: c.reason, message: c.message });
      expect((error as ApiError).status.code).toBe(c.code);
    });
  }
});

describe('ResourceClient.watch', () => {
  const added = JSON.stringify({ type: 'ADDED', object: pod('a', '5') });
  const bookmark = JSON.stringify({ type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: '9' } } });
  const expired = JSON.stringify({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', code: 410, message: 'too old resource version: 1 (5)' } });

  async function collect(chunks: (string | Uint8Array)[]): Promise<{ events: { type: string; rv?: string; name?: string }[]; error?: unknown }> {
    const { client } = clientAnswering(pods, () => new Response(chunkedStream(chunks)));
    const events: { type: string; rv?: string; name?: string }[] = [];
    try {
      for await (const e of client.watch({ resourceVersion: '4' })) events.push({ type: e.type, rv: e.object.metadata.resourceVersion, name: e.object.metadata.name });
    } catch (error) {
      return { events, error };
    }
    return { events };
  }

  it('asks for a watch from a resourceVersion with bookmarks', async () => {
    const { client, sent } = clientAnswering(pods, () => new Response(chunkedStream([])));
    for await (const _ of client.watch({ namespace: 'default', resourceVersion: '4', allowWatchBookmarks: true, timeoutSeconds: 300 })) void _;
    expect(pathWithQuery(sent().path, sent().query)).toBe('/api/v1/namespaces/default/pods?allowWatchBookmarks=true&resourceVersion=4&timeoutSeconds=300&watch=true');
  });

  it('parses one event per line and ends when the server closes', async () => {
    expect(await collect([`${added}\n${bookmark}\n`])).toEqual({ events: [{ type: 'ADDED', rv: '5', name: 'a' }, { type: 'BOOKMARK', rv: '9', name: undefined }] });
  });

  it('joins an event split across reads, even inside a UTF-8 character', async () => {
    const withAccent = JSON.stringify({ type: 'MODIFIED', object: { ...pod('é', '6') } });
    const bytes = new TextEncoder().encode(`${withAccent}\n`);
    const cut = bytes.indexOf(0xc3) + 1; // between the two bytes of "é"
    const result = await collect([added.slice(0, 10), `${added.slice(10)}\n`, bytes.slice(0, cut), bytes.slice(cut)]);
    expect(result.events).toEqual([{ type: 'ADDED', rv: '5', name: 'a' }, { type: 'MODIFIED', rv: '6', name: 'é' }]);
  });

  it('reads a last event that has no newline', async () => {
    expect((await collect([added])).events).toEqual([{ type: 'ADDED', rv: '5', name: 'a' }]);
  });

  it('throws an ERROR event as an ApiError carrying its 410 Status, after the events before it', async () => {
    const result = await collect([`${added}\n${expired}\n`]);
    expect(result.events).toEqual([{ type: 'ADDED', rv: '5', name: 'a' }]);
    expect(isResourceExpired(result.error)).toBe(true);
    expect(result.error).toMatchObject({ code: 410, reason: 'Expired', message: 'too old resource version: 1 (5)' });
  });

  it('throws an HTTP 410 answer the same way', async () => {
    const { client } = clientAnswering(pods, () => jsonResponse({ kind: 'Status', reason: 'Expired', code: 410, message: 'too old' }, 410));
    const iteration = client.watch({ resourceVersion: '1' }).next();
    await expect(iteration).rejects.toSatisfy(isResourceExpired);
  });

  it('cancels the body when the caller stops early, closing the connection', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`${added}\n`));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { client } = clientAnswering(pods, () => new Response(body));
    for await (const _ of client.watch()) break;
    expect(cancelled).toBe(true);
  });
});
