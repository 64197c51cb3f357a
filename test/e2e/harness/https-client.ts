import { request, Agent } from 'node:https';
import { adminCredentials } from './server.ts';

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): any;
}

export type Requester = (method: string, path: string, opts?: { body?: string | Buffer; contentType?: string; accept?: string; anonymous?: boolean; bearer?: string }) => Promise<HttpResult>;

/** A raw HTTPS client with the admin certificate (or none), for answers kubectl would hide. */
export async function httpsClient(server: { kubeconfig: string; port: number }): Promise<Requester & { agent: Agent }> {
  const creds = await adminCredentials(server);
  const agent = new Agent({ keepAlive: true, maxSockets: 64, ca: creds.ca, cert: creds.cert, key: creds.key });
  const anonymousAgent = new Agent({ keepAlive: true, ca: creds.ca });
  const fn = (method: string, path: string, opts: { body?: string | Buffer; contentType?: string; accept?: string; anonymous?: boolean; bearer?: string } = {}) =>
    new Promise<HttpResult>((resolve, reject) => {
      const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
      if (opts.body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
      if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
      const req = request(
        { host: '127.0.0.1', port: server.port, method, path, headers, agent: opts.anonymous || opts.bearer ? anonymousAgent : agent, servername: 'localhost' },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (opts.body !== undefined) req.write(opts.body);
      req.end();
    });
  return Object.assign(fn, { agent });
}
