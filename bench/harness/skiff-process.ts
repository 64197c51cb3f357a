import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request, Agent } from 'node:https';
import { join, resolve } from 'node:path';
import { adminCredentials } from '../../test/e2e/harness/server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A `skiff server --disable-agent` this module spawned, timed from the spawn call. */
export interface SpawnedSkiff {
  child: ChildProcess;
  dataDir: string;
  port: number;
  kubeconfig: string;
  /** performance.now() just before spawn(). */
  spawnedAt: number;
  output(): string;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Spawns the npm bin as the e2e harness does (same flags and environment), but returns at once so
 * the caller can time start-up itself: the e2e harness waits for a log line, which says
 * nothing about when /readyz first answers.
 */
export function spawnSkiff(options: { dataDir: string; port: number; /** e.g. ['--cpu-prof'] to profile the server. */ nodeArgs?: string[] }): SpawnedSkiff {
  const kubeconfig = join(options.dataDir, 'kubeconfig.yaml');
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), join(ROOT, 'bin/skiff.mjs'), 'server', '--disable-agent', '--data-dir', options.dataDir, '--https-listen-port', String(options.port), '--bind-address', '127.0.0.1', '--write-kubeconfig', kubeconfig],
    // Without the caller's SKIFF_* variables, as the e2e harness: only the flags configure it.
    { stdio: ['ignore', 'pipe', 'pipe'], env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKIFF_'))) },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    dataDir: options.dataDir,
    port: options.port,
    kubeconfig,
    spawnedAt,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Milliseconds from spawn to the first 200 from /readyz with the admin certificate. The
 * kubeconfig is written just before the server is ready, so polling starts once it parses;
 * /readyz is then polled every couple of milliseconds (a refused connection costs ~0.1 ms).
 */
export async function millisecondsToReady(server: SpawnedSkiff, timeoutMs = 30_000): Promise<number> {
  const deadline = server.spawnedAt + timeoutMs;
  const failIfDone = () => {
    if (server.child.exitCode !== null) throw new Error(`skiff server exited with ${server.child.exitCode}:\n${server.output()}`);
    if (performance.now() > deadline) throw new Error(`skiff server not ready within ${timeoutMs} ms:\n${server.output()}`);
  };
  let creds: Awaited<ReturnType<typeof adminCredentials>> | undefined;
  while (!creds) {
    failIfDone();
    if (existsSync(server.kubeconfig)) creds = await adminCredentials(server).catch(() => undefined); // may be half-written
    if (!creds) await pause(2);
  }
  const agent = new Agent({ keepAlive: true, ca: creds.ca, cert: creds.cert, key: creds.key });
  try {
    for (;;) {
      failIfDone();
      const status = await readyzStatus(server.port, agent);
      if (status === 200) return performance.now() - server.spawnedAt;
      await pause(2);
    }
  } finally {
    agent.destroy();
  }
}

function readyzStatus(port: number, agent: Agent): Promise<number> {
  return new Promise((res) => {
    const req = request({ host: '127.0.0.1', port, path: '/readyz', agent, servername: 'localhost' }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode ?? 0));
    });
    req.on('error', () => res(0));
    req.end();
  });
}

export interface ResidentMemory {
  /** VmRSS: what the idle-memory target is about. */
  totalMiB: number;
  /** RssAnon: heaps (V8's and native) and stacks. */
  anonMiB: number;
  /** RssFile: mapped executables and libraries (node itself, libSQL's addon). */
  fileMiB: number;
}

/** Resident memory of a process in MiB, from /proc/PID/status (Linux only). */
export function residentMemory(pid: number): ResidentMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1]) / 1024;
  return { totalMiB: mib('VmRSS'), anonMiB: mib('RssAnon'), fileMiB: mib('RssFile') };
}
