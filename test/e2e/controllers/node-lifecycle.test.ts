import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { eventually } from './poll.ts';

// Test-tunable timings (upstream defaults: 40s and 5s).
const GRACE = '3s';
const PERIOD = '500ms';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ extraArgs: ['--node-monitor-grace-period', GRACE, '--node-monitor-period', PERIOD] });
});
afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

const ok = (args: string[], input?: string): Promise<string> => server.kubectlOk(args, input);

async function json<T>(args: string[]): Promise<T | undefined> {
  const r = await server.kubectl([...args, '-o', 'json']);
  return r.exitCode === 0 ? (JSON.parse(r.stdout) as T) : undefined;
}

const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** What a kubelet does: post Ready=True with a fresh heartbeat. */
async function postReady(node: string): Promise<void> {
  const now = stamp();
  const status = { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now, lastTransitionTime: now }] };
  await ok(['patch', 'node', node, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })]);
}

async function createNode(name: string): Promise<void> {
  await ok(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } } }));
}

interface Node {
  spec: { podCIDR?: string; podCIDRs?: string[]; taints?: { key: string; effect: string; timeAdded?: string }[] };
  status: { conditions?: { type: string; status: string; reason?: string; message?: string }[] };
}
interface Pod {
  metadata: { deletionTimestamp?: string };
  spec?: { tolerations?: unknown[] };
  status: { conditions?: { type: string; status: string; reason?: string }[] };
}

function pod(name: string, tolerations: unknown[]): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: 'worker', tolerations, containers: [{ name: 'c', image: 'busybox' }] } });
}

describe('node IPAM', () => {
  it('gives each registering node its own /24 of the cluster CIDR, and the same one back after re-registration', async () => {
    await createNode('ipam-a');
    await createNode('ipam-b');
    const cidrs = await eventually('both nodes have pod CIDRs', async () => {
      const a = (await json<Node>(['get', 'node', 'ipam-a']))?.spec;
      const b = (await json<Node>(['get', 'node', 'ipam-b']))?.spec;
      return a?.podCIDR && b?.podCIDR ? [a, b] : undefined;
    });
    expect(new Set(cidrs.map((s) => s.podCIDR)).size).toBe(2);
    for (const s of cidrs) {
      expect(s.podCIDR).toMatch(/^10\.42\.\d+\.0\/24$/);
      expect(s.podCIDRs).toEqual([s.podCIDR]);
    }
    await ok(['delete', 'node', 'ipam-a']);
    // A newcomer does not take the block ipam-a may come back for.
    await createNode('ipam-c');
    const newcomer = await eventually('ipam-c has a pod CIDR', async () => (await json<Node>(['get', 'node', 'ipam-c']))?.spec.podCIDR);
    expect(newcomer).not.toBe(cidrs[0]!.podCIDR);
    await createNode('ipam-a');
    const again = await eventually('ipam-a has a pod CIDR again', async () => (await json<Node>(['get', 'node', 'ipam-a']))?.spec.podCIDR);
    expect(again).toBe(cidrs[0]!.podCIDR);
    await ok(['delete', 'node', 'ipam-a', 'ipam-b', 'ipam-c']);
  });
});

describe('node lifecycle', () => {
  it('marks a silent node Unknown, taints it unreachable, evicts pods by their tolerations, and untaints it when it is back', async () => {
    await createNode('worker');
    await postReady('worker');
    const unreachable = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' };
    // Pods that say nothing get DefaultTolerationSeconds' 300 s; "plain" opts for eviction at once.
    await ok(['create', '-f', '-'], pod('defaulted', []));
    const defaulted = await json<Pod>(['get', 'pod', 'defaulted']);
    expect(defaulted?.spec?.tolerations).toContainEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    await ok(['create', '-f', '-'], pod('plain', [{ ...unreachable, tolerationSeconds: 0 }]));
    await ok(['create', '-f', '-'], pod('patient', [{ ...unreachable, tolerationSeconds: 4 }]));
    await ok(['create', '-f', '-'], pod('forever', [unreachable]));
    const now = stamp();
    await ok(['patch', 'pod', 'forever', '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] } })]);

    // Nothing is posted any more: after the grace period the node turns Unknown.
    const node = await eventually('worker Ready=Unknown and tainted', async () => {
      const n = await json<Node>(['get', 'node', 'worker']);
      const ready = n?.status.conditions?.find((c) => c.type === 'Ready');
      return ready?.status === 'Unknown' && n?.spec.taints?.some((t) => t.effect === 'NoExecute') ? n : undefined;
    });
    expect(node.status.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(node.spec.taints?.map((t) => `${t.key}:${t.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(node.spec.taints?.find((t) => t.effect === 'NoExecute')?.timeAdded).toBeDefined();

    // No toleration: evicted at once (bound pods end gracefully: no kubelet finishes them here).
    await eventually('plain evicted', async () => ((await json<Pod>(['get', 'pod', 'plain']))?.metadata.deletionTimestamp ? true : undefined));
    const events = await ok(['get', 'events', '--field-selector', 'involvedObject.name=plain', '-o', 'jsonpath={range .items[*]}{.source.component} {.reason}: {.message}{"\\n"}{end}']);
    expect(events).toContain('TaintManagerEviction: Marking for deletion Pod default/plain');
    const plain = await json<Pod>(['get', 'pod', 'plain']);
    expect(plain?.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });

    // tolerationSeconds 4: still there for a while, evicted after.
    expect((await json<Pod>(['get', 'pod', 'patient']))?.metadata.deletionTimestamp).toBeUndefined();
    await eventually('patient evicted after its toleration', async () => ((await json<Pod>(['get', 'pod', 'patient']))?.metadata.deletionTimestamp ? true : undefined), { timeoutMs: 15_000 });

    // Tolerates forever: stays, but is marked not ready (MarkPodsNotReady).
    const forever = await eventually('forever marked not ready', async () => {
      const p = await json<Pod>(['get', 'pod', 'forever']);
      return p?.status.conditions?.find((c) => c.type === 'Ready')?.status === 'False' ? p : undefined;
    });
    expect(forever.metadata.deletionTimestamp).toBeUndefined();
    // kubectl describe node shows these under From: node-controller, as upstream.
    const nodeEvents = await ok(['get', 'events', '--field-selector', 'involvedObject.name=worker', '-o', 'jsonpath={range .items[*]}{.source.component} {.reason}: {.message}{"\\n"}{end}']);
    expect(nodeEvents).toContain('node-controller RegisteredNode: Node worker event: Registered Node worker in Controller');
    expect(nodeEvents).toContain('node-controller NodeNotReady: Node worker status is now: NodeNotReady');
    expect(events).toContain('taint-eviction-controller');

    // The kubelet posts again: Ready, and the controller's taints are gone.
    await postReady('worker');
    await eventually('worker untainted', async () => {
      const n = await json<Node>(['get', 'node', 'worker']);
      return n?.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True' && (n.spec.taints ?? []).length === 0 ? true : undefined;
    });
    expect((await json<Pod>(['get', 'pod', 'forever']))?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('keeps a node whose Lease is renewed Ready even when its status heartbeat is old', async () => {
    await createNode('leased');
    await postReady('leased');
    await ok(['get', 'namespace', 'kube-node-lease']).catch(() => ok(['create', 'namespace', 'kube-node-lease']));
    const lease = (renewTime: string) =>
      JSON.stringify({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'leased', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'leased', leaseDurationSeconds: 40, renewTime } });
    const renewUntil = Date.now() + 6_000;
    while (Date.now() < renewUntil) {
      await ok(['apply', '-f', '-'], lease(new Date().toISOString().replace('Z', '000Z'))); // a MicroTime
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const n = await json<Node>(['get', 'node', 'leased']);
    expect(n?.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(n?.spec.taints ?? []).toEqual([]);
  });
});
