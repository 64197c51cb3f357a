import { describe, expect, it } from 'vitest';
import { inProcessTransport } from './in-process-transport.ts';

describe('inProcessTransport', () => {
  it('hands the fetch a Request with the path, query, headers and JSON body', async () => {
    let seen: Request | undefined;
    const transport = inProcessTransport(async (request) => {
      seen = request;
      return new Response('{}', { status: 201 });
    });
    const answer = await transport.request({
      method: 'POST',
      path: '/api/v1/namespaces/default/configmaps',
      query: { fieldManager: 'scheduler', dryRun: undefined },
      body: { metadata: { name: 'x' } },
      headers: { 'X-Trace': '1' },
    });
    expect(answer.status).toBe(201);
    const url = new URL(seen!.url);
    expect(url.pathname + url.search).toBe('/api/v1/namespaces/default/configmaps?fieldManager=scheduler');
    expect(seen!.method).toBe('POST');
    expect(seen!.headers.get('content-type')).toBe('application/json');
    expect(seen!.headers.get('accept')).toBe('application/json');
    expect(seen!.headers.get('x-trace')).toBe('1');
    expect(await seen!.json()).toEqual({ metadata: { name: 'x' } });
  });

  it('sends a patch body with its own content type and passes the abort signal on', async () => {
    let seen: Request | undefined;
    const transport = inProcessTransport(async (request) => {
      seen = request;
      return new Response(null, { status: 204 });
    });
    const controller = new AbortController();
    await transport.request({ method: 'PATCH', path: '/api/v1/nodes/n1', body: '[]', contentType: 'application/json-patch+json', signal: controller.signal });
    expect(seen!.headers.get('content-type')).toBe('application/json-patch+json');
    expect(await seen!.text()).toBe('[]');
    controller.abort();
    expect(seen!.signal.aborted).toBe(true);
  });
});
