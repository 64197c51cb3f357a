import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueServingCert } from '../pki/index.ts';
import { httpsTransport } from './https-transport.ts';

interface Seen {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server;
let caPem: string;
let origin: string;
const seen: Seen[] = [];
/** Lets a test finish the streamed answer it started. */
let finishStream: (() => void) | undefined;

beforeAll(async () => {
  const ca = await createCertificateAuthority({ commonName: 'client-test-ca' });
  const serving = await issueServingCert({ ca, commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  caPem = ca.certPem;
  server = createServer({ cert: serving.certPem, key: serving.keyPem }, (req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url?.startsWith('/empty')) return void res.writeHead(204).end();
      if (req.url?.startsWith('/stream')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"type":"ADDED"}\n');
        finishStream = () => res.end('{"type":"DELETED"}\n');
        return;
      }
      res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('httpsTransport', () => {
  it('trusts the cluster CA and sends the method, path, query, bearer token and JSON body', async () => {
    const transport = httpsTransport({ server: origin, caPem, bearerToken: 'abc' });
    const answer = await transport.request({ method: 'POST', path: '/api/v1/namespaces/a/pods', query: { dryRun: 'All' }, body: { metadata: { name: 'é' } } });
    transport.close();
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ ok: true });
    expect(answer.headers.get('set-cookie')).toBe('a=1, b=2');
    const req = seen.at(-1)!;
    expect(req).toMatchObject({ method: 'POST', url: '/api/v1/namespaces/a/pods?dryRun=All', body: '{"metadata":{"name":"é"}}' });
    expect(req.headers).toMatchObject({ authorization: 'Bearer abc', 'content-type': 'application/json', accept: 'application/json', 'content-length': '26' }); // bytes, not characters
  });

  it('refuses a server whose certificate does not chain to the given CA', async () => {
    const other = await createCertificateAuthority({ commonName: 'someone-else' });
    const transport = httpsTransport({ server: origin, caPem: other.certPem });
    await expect(transport.request({ method: 'GET', path: '/' })).rejects.toThrow();
    transport.close();
  });

  it('answers 204 with an empty body', async () => {
    const transport = httpsTransport({ server: origin, caPem });
    const answer = await transport.request({ method: 'DELETE', path: '/empty' });
    transport.close();
    expect(answer.status).toBe(204);
    expect(answer.body).toBeNull();
  });

  it('streams the body as it arrives and errors the reader when aborted mid-stream', async () => {
    const transport = httpsTransport({ server: origin, caPem });
    const reader = (await transport.request({ method: 'GET', path: '/stream' })).body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"type":"ADDED"}\n');
    finishStream!();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"type":"DELETED"}\n');
    expect((await reader.read()).done).toBe(true);

    const controller = new AbortController();
    const aborted = (await transport.request({ method: 'GET', path: '/stream', signal: controller.signal })).body!.getReader();
    await aborted.read();
    controller.abort();
    await expect(aborted.read()).rejects.toThrow();
    transport.close();
  });

  it('refuses a server URL that is not https', () => {
    expect(() => httpsTransport({ server: 'http://127.0.0.1:6443' })).toThrow(/https/);
  });
});
