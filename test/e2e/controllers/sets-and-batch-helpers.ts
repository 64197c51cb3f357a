import type { RunningServer } from '../harness/server.ts';

/** Shared steps of the DaemonSet, StatefulSet, Job and CronJob end-to-end tests. */

export async function kubectlOk(server: RunningServer, args: string[], input?: string): Promise<string> {
  const r = await server.kubectl(args, { input });
  if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.exitCode}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

export async function apply(server: RunningServer, manifest: unknown): Promise<void> {
  await kubectlOk(server, ['apply', '-f', '-'], JSON.stringify(manifest));
}

export async function getJson<T = any>(server: RunningServer, args: string[]): Promise<T> {
  return JSON.parse(await kubectlOk(server, ['get', ...args, '-o', 'json'])) as T;
}

/** Polls `check` every 100 ms until it returns a value other than undefined/false, or fails at the deadline with the last state. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function podsWith(server: RunningServer, selector: string, namespace = 'default'): Promise<any[]> {
  return (await getJson(server, ['pods', '-n', namespace, '-l', selector])).items;
}

/** What a kubelet would report: a phase, and for Running pods the Ready condition and a running container. */
export async function setPodPhase(server: RunningServer, pod: { name: string; namespace?: string }, phase: 'Running' | 'Succeeded' | 'Failed', ready = phase === 'Running'): Promise<void> {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const state = phase === 'Running' ? { running: { startedAt: now } } : { terminated: { exitCode: phase === 'Succeeded' ? 0 : 1, finishedAt: now, reason: phase === 'Succeeded' ? 'Completed' : 'Error' } };
  const status = {
    phase,
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }],
    containerStatuses: [{ name: 'main', image: 'busybox', imageID: '', ready, restartCount: 0, started: phase === 'Running', state }],
  };
  await kubectlOk(server, ['patch', 'pod', pod.name, '-n', pod.namespace ?? 'default', '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })]);
}

/** A Node object standing in for a machine, with Ready=True reported through the status subresource. */
export async function createNode(server: RunningServer, name: string, opts: { labels?: Record<string, string>; taints?: unknown[] } = {}): Promise<void> {
  await apply(server, { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(opts.labels ?? {}) } }, spec: { taints: opts.taints } });
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const status = {
    conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'ready', lastHeartbeatTime: now, lastTransitionTime: now }],
    capacity: { cpu: '4', memory: '8Gi', pods: '110' },
    allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
  };
  await kubectlOk(server, ['patch', 'node', name, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })]);
}

export const container = { name: 'main', image: 'busybox', command: ['sleep', '3600'] };

/**
 * SIGTERM, then SIGKILL after 5 s: a server holding pending pods does not yet finish its
 * shutdown on its own (reported to the lead), and a test must not hang on that.
 */
export async function stopServer(server: RunningServer | undefined): Promise<void> {
  if (!server) return;
  await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 5_000))]);
  await server.kill();
  await server.cleanup();
}
