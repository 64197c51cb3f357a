import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/e2e/harness/server.ts';

/** The etcd binary on PATH (Debian's `etcd-server`), or undefined: the comparison is optional. */
export function findEtcd(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v etcd'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

export interface EtcdPutOptions {
  binary: string;
  /** Dir under which etcd's data dir is made: the same disk as the Skiff figures. */
  parentDir?: string;
  concurrency: number;
  durationMs: number;
  valueBytes: number;
}

/**
 * Puts/s of a single-member etcd on loopback through its JSON gateway (POST /v3/kv/put, key
 * and value base64), from `concurrency` keep-alive clients. etcd fsyncs its WAL on every
 * commit (batched across concurrent requests), so this is a durable-write peer, measured in
 * the same run on the same disk as Skiff's creates.
 */
export async function etcdPutRate(options: EtcdPutOptions): Promise<number> {
  const dir = await mkdtemp(join(options.parentDir ?? tmpdir(), 'skiff-bench-etcd-'));
  const clientPort = await freePort();
  const peerPort = await freePort();
  const peer = `http://127.0.0.1:${peerPort}`;
  const client = `http://127.0.0.1:${clientPort}`;
  const child = spawn(
    options.binary,
    [
      '--name', 'bench', '--data-dir', join(dir, 'data'),
      '--listen-client-urls', client, '--advertise-client-urls', client,
      '--listen-peer-urls', peer, '--initial-advertise-peer-urls', peer, '--initial-cluster', `bench=${peer}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (d) => (log = (log + d).slice(-4000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  try {
    const deadline = Date.now() + 15_000;
    while ((await post(agent, clientPort, '/v3/kv/range', { key: b64('health') }).catch(() => 0)) !== 200) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`etcd did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const value = b64('x'.repeat(options.valueBytes));
    let done = 0;
    const started = performance.now();
    const end = started + options.durationMs;
    const caller = async () => {
      while (performance.now() < end) {
        const status = await post(agent, clientPort, '/v3/kv/put', { key: b64(`/bench/${done}-${Math.random()}`), value });
        if (status !== 200) throw new Error(`etcd put: HTTP ${status}`);
        done++;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, caller));
    return done / ((performance.now() - started) / 1000);
  } finally {
    agent.destroy();
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    await rm(dir, { recursive: true, force: true });
  }
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

function post(agent: Agent, port: number, path: string, body: unknown): Promise<number> {
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode ?? 0));
    });
    req.on('error', rej);
    req.end(JSON.stringify(body));
  });
}
