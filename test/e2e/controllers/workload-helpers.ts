import type { RunningServer } from '../harness/server.ts';

/**
 * Stops the server, killing it if SIGTERM has not ended it in 5 s (today the server's own
 * shutdown can hang, independently of these controllers), then removes its data.
 */
export async function stopServer(server: RunningServer | undefined): Promise<void> {
  if (!server) return;
  const stopped = await Promise.race([server.stop().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
  if (!stopped) await server.kill();
  await server.cleanup();
}

/** Polls `check` every 100 ms until it answers something truthy; throws with the last value after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, opts: { timeoutMs?: number; what: string }): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let last: unknown;
  for (;;) {
    try {
      const got = await check();
      if (got) return got;
      last = got;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${opts.what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function getJson<T = any>(server: RunningServer, args: string[]): Promise<T> {
  const r = await server.kubectl([...args, '-o', 'json']);
  if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export async function kubectlOk(server: RunningServer, args: string[], input?: string): Promise<string> {
  const r = await server.kubectl(args, { input });
  if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Plays the kubelet: marks every listed pending pod Running and Ready through the status subresource. */
export async function makePodsReady(server: RunningServer, selector: string, namespace = 'default'): Promise<number> {
  const pods = await getJson(server, ['get', 'pods', '-n', namespace, '-l', selector]);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const todo = pods.items.filter((p: any) => !p.metadata.deletionTimestamp && !(p.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True'));
  await Promise.all(
    todo.map((p: any) =>
      kubectlOk(server, [
        'patch', 'pod', p.metadata.name, '-n', namespace, '--subresource=status', '--type=merge', '-p',
        JSON.stringify({ status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }], containerStatuses: [{ name: 'c', ready: true, restartCount: 0, image: 'x', imageID: '', started: true, state: { running: { startedAt: now } } }] } }),
      ]),
    ),
  );
  return todo.length;
}

export function deploymentYaml(o: { name: string; image: string; replicas?: number; strategy?: string; extra?: string }): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${o.name}}
spec:
  replicas: ${o.replicas ?? 3}
  ${o.strategy ?? ''}
  ${o.extra ?? ''}
  selector: {matchLabels: {app: ${o.name}}}
  template:
    metadata: {labels: {app: ${o.name}}}
    spec: {containers: [{name: c, image: "${o.image}"}]}
`;
}
