import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';

// The Endpoints, EndpointSlice and EndpointSlice mirroring controllers against a real server
// (no agent): pods are bound by spec.nodeName and their IP and readiness are reported through
// the status subresource, as a kubelet would.

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
  await createNode('node-a', { 'topology.kubernetes.io/zone': 'zone-1' });
});
afterAll(async () => {
  // A graceful stop that hangs (seen intermittently in the server's shutdown, with or without
  // these controllers) must not fail this suite: fall back to a kill after 15 s.
  const stopped = await Promise.race([server?.stop().then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 15_000))]);
  if (!stopped) await server?.kill();
  await server?.cleanup();
});

async function kubectlOk(args: string[], input?: string): Promise<string> {
  const r = await server.kubectl(args, { input });
  if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.exitCode}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

const apply = (manifest: unknown) => kubectlOk(['apply', '-f', '-'], JSON.stringify(manifest));
const getJson = async (args: string[]): Promise<any> => JSON.parse(await kubectlOk(['get', ...args, '-o', 'json']));
const rfc3339 = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Polls `check` every 100 ms until it answers a value other than undefined/false; fails at the deadline with the last state. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
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

async function createNode(name: string, labels: Record<string, string>): Promise<void> {
  await apply({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } } });
  const status = { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'ready', lastHeartbeatTime: rfc3339(), lastTransitionTime: rfc3339() }] };
  await kubectlOk(['patch', 'node', name, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })]);
}

async function createPod(name: string, opts: { app: string; port?: number; ip: string; ready: boolean; hostname?: string; subdomain?: string }): Promise<void> {
  await apply({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: opts.app } },
    spec: {
      nodeName: 'node-a',
      hostname: opts.hostname,
      subdomain: opts.subdomain,
      containers: [{ name: 'main', image: 'busybox', ports: [{ name: 'http', containerPort: opts.port ?? 8080 }] }],
    },
  });
  await setPodStatus(name, opts.ip, opts.ready);
}

/** What a kubelet would report: Running with an IP, and the Ready condition. */
async function setPodStatus(name: string, ip: string, ready: boolean): Promise<void> {
  const now = rfc3339();
  const status = {
    phase: 'Running',
    podIP: ip,
    podIPs: [{ ip }],
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }],
    containerStatuses: [{ name: 'main', image: 'busybox', imageID: '', ready, restartCount: 0, started: true, state: { running: { startedAt: now } } }],
  };
  await kubectlOk(['patch', 'pod', name, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })]);
}

const slicesOf = async (service: string) => (await getJson(['endpointslices', '-l', `kubernetes.io/service-name=${service}`])).items as any[];
const endpointsOf = (slices: any[]) => slices.flatMap((s) => s.endpoints ?? []);
const ipsOf = (addresses: any[] | undefined) => (addresses ?? []).map((a) => a.ip).sort();

describe('Endpoints and EndpointSlice controllers', () => {
  it('publish ready pods on a named targetPort and follow readiness changes', async () => {
    await apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', labels: { team: 'blue' } },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
    await createPod('web-1', { app: 'web', ip: '10.42.0.11', ready: true });
    await createPod('web-2', { app: 'web', ip: '10.42.0.12', ready: true, port: 9090 });

    const ep = await waitFor('Endpoints with both pods', async () => {
      const e = await getJson(['endpoints', 'web']);
      return e.subsets?.flatMap((s: any) => s.addresses ?? []).length === 2 && e;
    });
    // Pods exposing the named port on different numbers land in different subsets.
    expect(ep.subsets.map((s: any) => [ipsOf(s.addresses), s.ports])).toEqual(
      expect.arrayContaining([
        [['10.42.0.11'], [{ name: 'http', port: 8080, protocol: 'TCP' }]],
        [['10.42.0.12'], [{ name: 'http', port: 9090, protocol: 'TCP' }]],
      ]),
    );
    expect(ep.metadata.labels).toEqual({ team: 'blue' });
    expect(ep.metadata.annotations['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(ep.subsets[0].addresses[0].targetRef).toMatchObject({ kind: 'Pod', namespace: 'default' });

    const service = await getJson(['service', 'web']);
    const slices = await waitFor('slices with both pods', async () => {
      const s = await slicesOf('web');
      return endpointsOf(s).length === 2 && s;
    });
    for (const slice of slices) {
      expect(slice.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
      expect(slice.addressType).toBe('IPv4');
      expect(slice.metadata.labels).toEqual({ team: 'blue', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
      expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: service.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    const web1 = endpointsOf(slices).find((e) => e.targetRef.name === 'web-1');
    expect(web1).toMatchObject({ addresses: ['10.42.0.11'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'node-a', zone: 'zone-1' });

    // web-2 stops being ready: it moves to notReadyAddresses and its endpoint to ready=false.
    await setPodStatus('web-2', '10.42.0.12', false);
    await waitFor('web-2 not ready in Endpoints', async () => {
      const e = await getJson(['endpoints', 'web']);
      const notReady = e.subsets?.flatMap((s: any) => s.notReadyAddresses ?? []) ?? [];
      return notReady.length === 1 && notReady[0].ip === '10.42.0.12';
    });
    await waitFor('web-2 not ready in slices', async () => {
      const e = endpointsOf(await slicesOf('web')).find((x) => x.targetRef.name === 'web-2');
      return e?.conditions.ready === false && e.conditions.serving === false;
    });
    const table = await kubectlOk(['get', 'endpoints', 'web']);
    expect(table).toMatch(/10\.42\.0\.11:8080/);
  });

  it('keep a terminating pod in the slices as serving but not ready, and drop it from Endpoints', async () => {
    await apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'term' }, spec: { selector: { app: 'term' }, ports: [{ port: 80, targetPort: 8080 }] } });
    await createPod('term-1', { app: 'term', ip: '10.42.0.21', ready: true });
    await waitFor('Endpoints with term-1', async () => ipsOf((await getJson(['endpoints', 'term'])).subsets?.[0]?.addresses).length === 1);
    // A finalizer holds the pod in its terminating state, as a kubelet still stopping it would.
    await kubectlOk(['patch', 'pod', 'term-1', '--type=merge', '-p', JSON.stringify({ metadata: { finalizers: ['example.com/hold'] } })]);
    await kubectlOk(['delete', 'pod', 'term-1', '--wait=false']);
    await waitFor('term-1 terminating in slices', async () => {
      const e = endpointsOf(await slicesOf('term'))[0];
      return e?.conditions.terminating === true && e.conditions.serving === true && e.conditions.ready === false;
    });
    await waitFor('term-1 gone from Endpoints', async () => (await getJson(['endpoints', 'term'])).subsets === undefined);
    await kubectlOk(['patch', 'pod', 'term-1', '--type=merge', '-p', JSON.stringify({ metadata: { finalizers: null } })]);
    // With the pod gone, the Service keeps one empty placeholder slice.
    await waitFor('an empty placeholder slice', async () => {
      const s = await slicesOf('term');
      return s.length === 1 && (s[0].endpoints ?? []).length === 0;
    });
  });

  it('give a headless Service the pods\u2019 hostnames and the headless label', async () => {
    await apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] } });
    await createPod('db-0', { app: 'db', ip: '10.42.0.31', ready: true, hostname: 'db-0', subdomain: 'db' });
    const ep = await waitFor('headless Endpoints', async () => {
      const e = await getJson(['endpoints', 'db']);
      return e.subsets?.[0]?.addresses?.length === 1 && e;
    });
    expect(ep.subsets[0].addresses[0].hostname).toBe('db-0');
    expect(ep.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    const [slice] = await waitFor('headless slice', async () => {
      const s = await slicesOf('db');
      return endpointsOf(s).length === 1 && s;
    });
    expect(slice.endpoints[0].hostname).toBe('db-0');
    expect(slice.metadata.labels['service.kubernetes.io/headless']).toBe('');
  });

  it('mirror user-written Endpoints of a Service without a selector, and leave the kubernetes ones alone', async () => {
    await apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { ports: [{ name: 'pg', port: 5432 }] } });
    await apply({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'ext', labels: { origin: 'manual' } },
      subsets: [{ addresses: [{ ip: '192.168.50.10' }], notReadyAddresses: [{ ip: '192.168.50.11' }], ports: [{ name: 'pg', port: 5432 }] }],
    });
    const [slice] = await waitFor('a mirrored slice', async () => {
      const s = await slicesOf('ext');
      return endpointsOf(s).length === 2 && s;
    });
    const ep = await getJson(['endpoints', 'ext']);
    expect(slice.metadata.labels).toEqual({ origin: 'manual', 'kubernetes.io/service-name': 'ext', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Endpoints', name: 'ext', uid: ep.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.endpoints.map((e: any) => [e.addresses[0], e.conditions.ready])).toEqual([
      ['192.168.50.10', true],
      ['192.168.50.11', false],
    ]);
    expect(slice.ports).toEqual([{ name: 'pg', port: 5432, protocol: 'TCP' }]);

    // An address change rewrites the same slice.
    await kubectlOk(['patch', 'endpoints', 'ext', '--type=merge', '-p', JSON.stringify({ subsets: [{ addresses: [{ ip: '192.168.50.12' }], ports: [{ name: 'pg', port: 5432 }] }] })]);
    const updated = await waitFor('the mirrored slice updated', async () => {
      const s = await slicesOf('ext');
      return s.length === 1 && s[0].endpoints?.length === 1 && s[0].endpoints[0].addresses[0] === '192.168.50.12' && s[0];
    });
    expect(updated.metadata.name).toBe(slice.metadata.name);

    // Deleting the Endpoints removes the mirror.
    await kubectlOk(['delete', 'endpoints', 'ext']);
    await waitFor('the mirrored slice deleted', async () => (await slicesOf('ext')).length === 0);

    // The API server's own kubernetes Endpoints are skip-mirror: only its own slice exists.
    const kube = await slicesOf('kubernetes');
    expect(kube.map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });

  it('carry on after the server is killed and restarted, without duplicating slices', async () => {
    const before = (await slicesOf('web')).map((x) => x.metadata.name).sort();
    await server.kill();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    await setPodStatus('web-1', '10.42.0.11', false);
    await waitFor('web-1 not ready after the restart', async () => {
      const e = endpointsOf(await slicesOf('web')).find((x) => x.targetRef.name === 'web-1');
      return e?.conditions.ready === false;
    });
    await waitFor('web-1 not ready in Endpoints after the restart', async () => {
      const e = await getJson(['endpoints', 'web']);
      return (e.subsets ?? []).every((s: any) => !(s.addresses ?? []).some((a: any) => a.ip === '10.42.0.11'));
    });
    expect((await slicesOf('web')).map((x) => x.metadata.name).sort()).toEqual(before);
  });

  it('remove the Endpoints with the Service, and its slices through their owner', async () => {
    const before = await slicesOf('web');
    expect(before.length).toBeGreaterThan(0);
    await kubectlOk(['delete', 'service', 'web']);
    await waitFor('Endpoints deleted', async () => (await server.kubectl(['get', 'endpoints', 'web'])).exitCode !== 0);
    // The garbage collector deletes the slices through their owner reference.
    await waitFor('slices deleted', async () => (await slicesOf('web')).length === 0);
  });
});
