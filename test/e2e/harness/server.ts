import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface RunningServer {
  dataDir: string;
  port: number;
  kubeconfig: string;
  process: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** Runs the real kubectl against this server; never throws, returns the result. */
  kubectl(args: string[], opts?: { input?: string; binary?: string; timeoutMs?: number }): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  /** Runs kubectl and answers its stdout; throws with kubectl's stderr when it fails. */
  kubectlOk(args: string[], input?: string): Promise<string>;
  /** kill -9 and wait for the process to be gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** Removes the data directory (after stop). */
  cleanup(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Starts `skiff server --disable-agent` as users do (the npm bin), on a free port and a fresh data dir. */
export async function startServer(opts: { dataDir?: string; port?: number; extraArgs?: string[] } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'skiff-e2e-')));
  const port = opts.port ?? (await freePort());
  const kubeconfig = join(dataDir, 'kubeconfig.yaml');
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/skiff.mjs'), 'server', '--disable-agent', '--data-dir', dataDir, '--https-listen-port', String(port), '--bind-address', '127.0.0.1', '--write-kubeconfig', kubeconfig, ...(opts.extraArgs ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'], env: withoutSkiffEnv(process.env) },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`skiff server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`skiff server did not become ready in 30 s:\n${output}`);
    }
    if (/ready on/.test(output)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const server: RunningServer = {
    dataDir,
    port,
    kubeconfig,
    process: child,
    output: () => output,
    async kubectl(args, o = {}) {
      const r = await execa(o.binary ?? 'kubectl', args, {
        env: { KUBECONFIG: kubeconfig, HOME: dataDir },
        input: o.input,
        reject: false,
        timeout: o.timeoutMs ?? 60_000,
      });
      return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
    },
    async kubectlOk(args, input) {
      const r = await server.kubectl(args, { input });
      if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.exitCode}): ${r.stderr}`);
      return r.stdout;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async cleanup() {
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** The admin credentials of a running server, for HTTPS clients in tests and benchmarks. */
export async function adminCredentials(server: { kubeconfig: string }): Promise<{ ca: string; cert: string; key: string; server: string }> {
  const { load } = await import('js-yaml');
  const cfg = load(await readFile(server.kubeconfig, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
    users: { user: { 'client-certificate-data': string; 'client-key-data': string } }[];
  };
  const b64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');
  return {
    ca: b64(cfg.clusters[0].cluster['certificate-authority-data']),
    cert: b64(cfg.users[0].user['client-certificate-data']),
    key: b64(cfg.users[0].user['client-key-data']),
    server: cfg.clusters[0].cluster.server,
  };
}

/** The test's own environment minus SKIFF_* variables, so a developer's settings cannot leak into a test server. */
function withoutSkiffEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('SKIFF_')));
}
