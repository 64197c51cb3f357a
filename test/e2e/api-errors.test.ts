import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './harness/server.ts';
import { httpsClient, type Requester } from './harness/https-client.ts';

let server: RunningServer;
let http: Requester;
beforeAll(async () => {
  server = await startServer();
  http = await httpsClient(server);
});
afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

const CMS = '/api/v1/namespaces/default/configmaps';

describe('bad input gets a Status with the right code, never a crash', () => {
  it('answers 401 to anonymous requests', async () => {
    const r = await http('GET', '/api/v1/namespaces', { anonymous: true });
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  it('answers 401 to a bearer token it does not know', async () => {
    expect((await http('GET', '/api', { bearer: 'not-a-token' })).status).toBe(401);
  });

  it('serves the CA at /cacerts without credentials', async () => {
    const r = await http('GET', '/cacerts', { anonymous: true });
    expect(r.status).toBe(200);
    expect(r.body).toContain('BEGIN CERTIFICATE');
  });

  it('rejects malformed JSON with 400', async () => {
    const r = await http('POST', CMS, { body: '{"metadata": {"name": "x",' });
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
  });

  it('rejects malformed YAML with 400', async () => {
    const r = await http('POST', CMS, { body: 'metadata:\n  name: [x\n', contentType: 'application/yaml' });
    expect(r.status).toBe(400);
  });

  it('accepts a YAML body', async () => {
    const r = await http('POST', CMS, { body: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  mode: "0644"\n', contentType: 'application/yaml' });
    expect(r.status).toBe(201);
    expect(r.json().data.mode).toBe('0644');
  });

  it('rejects bodies over 3 MiB with 413 and writes nothing', async () => {
    const big = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'huge' }, data: { x: 'a'.repeat(3 * 1024 * 1024 + 10) } });
    const r = await http('POST', CMS, { body: big });
    expect(r.status).toBe(413);
    expect((await http('GET', `${CMS}/huge`)).status).toBe(404);
  });

  it('answers 404 with a clear message for unknown resources, groups and versions', async () => {
    const r1 = await http('GET', '/api/v1/namespaces/default/widgets');
    expect(r1.status).toBe(404);
    expect(r1.json()).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    expect((await http('GET', '/apis/example.com/v1/things')).status).toBe(404);
    expect((await http('GET', '/apis/apps/v7/deployments')).status).toBe(404);
  });

  it('answers 409 AlreadyExists for an existing name', async () => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dup' } });
    expect((await http('POST', CMS, { body })).status).toBe(201);
    const r = await http('POST', CMS, { body });
    expect(r.status).toBe(409);
    expect(r.json()).toMatchObject({ reason: 'AlreadyExists', details: { name: 'dup', kind: 'configmaps' } });
  });

  it('answers 409 Conflict for a stale resourceVersion', async () => {
    const created = (await http('POST', CMS, { body: JSON.stringify({ metadata: { name: 'rv' }, data: { a: '1' } }) })).json();
    const first = await http('PUT', `${CMS}/rv`, { body: JSON.stringify({ ...created, data: { a: '2' } }) });
    expect(first.status).toBe(200);
    expect(Number(first.json().metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
    const stale = await http('PUT', `${CMS}/rv`, { body: JSON.stringify({ ...created, data: { a: '3' } }) });
    expect(stale.status).toBe(409);
    expect(stale.json().reason).toBe('Conflict');
  });

  it('answers 422 Invalid naming the field for a bad name and a negative replica count', async () => {
    const bad = await http('POST', CMS, { body: JSON.stringify({ metadata: { name: 'Not_Valid' } }) });
    expect(bad.status).toBe(422);
    expect(bad.json().details.causes[0].field).toBe('metadata.name');
    const d = await http('POST', '/apis/apps/v1/namespaces/default/deployments', {
      body: JSON.stringify({
        metadata: { name: 'neg' },
        spec: { replicas: -1, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
      }),
    });
    expect(d.status).toBe(422);
    expect(d.json().message).toContain('spec.replicas');
  });

  it('answers 404 for a namespace that does not exist', async () => {
    const r = await http('POST', '/api/v1/namespaces/nowhere/configmaps', { body: JSON.stringify({ metadata: { name: 'x' } }) });
    expect(r.status).toBe(404);
    expect(r.json().message).toContain('namespaces "nowhere" not found');
  });

  it('answers 400 for a bad label selector', async () => {
    const r = await http('GET', `${CMS}?labelSelector=${encodeURIComponent('a in (b')}`);
    expect(r.status).toBe(400);
  });

  it('answers 415 for a patch type it does not know', async () => {
    const r = await http('PATCH', `${CMS}/dup`, { body: '{}', contentType: 'application/x-nonsense' });
    expect(r.status).toBe(415);
  });

  it('answers 410 Gone for a watch from a compacted revision', async () => {
    // resourceVersion 1 predates the bootstrap writes of this server's own history window only if compacted;
    // a list with an exact old revision is refused as upstream does once etcd has compacted.
    const r = await http('GET', `${CMS}?resourceVersion=1&resourceVersionMatch=Exact`);
    expect(r.status).toBe(410);
  });

  it('still serves after all of the above', async () => {
    expect((await http('GET', '/readyz')).status).toBe(200);
  });
});
