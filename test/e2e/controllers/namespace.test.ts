import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { eventually } from './poll.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

const ok = (args: string[], input?: string): Promise<string> => server.kubectlOk(args, input);

const CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: { plural: widgets, singular: widget, kind: Widget }
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true }
`;

const content = (ns: string) => `
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: ${ns} }
data: { a: "1" }
---
apiVersion: v1
kind: Secret
metadata: { name: token, namespace: ${ns} }
stringData: { t: x }
---
apiVersion: v1
kind: Pod
metadata: { name: idle, namespace: ${ns} }
spec: { containers: [{ name: c, image: busybox }] }
---
apiVersion: example.com/v1
kind: Widget
metadata: { name: held, namespace: ${ns}, finalizers: [example.com/hold] }
---
apiVersion: example.com/v1
kind: Widget
metadata: { name: free, namespace: ${ns} }
`;

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

async function namespaceStatus(name: string): Promise<{ phase?: string; conditions?: Condition[] } | undefined> {
  const r = await server.kubectl(['get', 'namespace', name, '-o', 'json']);
  return r.exitCode === 0 ? JSON.parse(r.stdout).status : undefined;
}

describe('namespace deletion', () => {
  it('deletes every object in the namespace, custom resources included, then the namespace', async () => {
    await ok(['apply', '-f', '-'], CRD);
    await eventually('the Widget resource served', async () => ((await server.kubectl(['get', 'widgets', '-A'])).exitCode === 0 ? true : undefined));
    await ok(['create', 'namespace', 'doomed']);
    await ok(['apply', '-f', '-'], content('doomed'));
    await ok(['delete', 'namespace', 'doomed', '--wait=false']);
    expect((await namespaceStatus('doomed'))?.phase).toBe('Terminating');

    // The held Widget's finalizer keeps the namespace, and the conditions say so, in upstream's words.
    const conditions = await eventually('conditions naming the remaining finalizer', async () => {
      const c = (await namespaceStatus('doomed'))?.conditions;
      return c?.find((x) => x.type === 'NamespaceFinalizersRemaining' && x.status === 'True') ? c : undefined;
    });
    const byType = Object.fromEntries(conditions.map((c) => [c.type, c]));
    expect(byType.NamespaceFinalizersRemaining).toMatchObject({ reason: 'SomeFinalizerRemain', message: 'Some finalizers are remaining: example.com/hold in 1 resource instances' });
    expect(byType.NamespaceContentRemaining).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: widgets.example.com has 1 resource instances' });
    expect(byType.NamespaceDeletionDiscoveryFailure).toMatchObject({ status: 'False', reason: 'ResourcesDiscovered' });
    expect(byType.NamespaceDeletionContentFailure).toMatchObject({ status: 'False', reason: 'ContentDeleted' });
    for (const kind of ['configmaps', 'secrets', 'pods', 'serviceaccounts']) {
      expect((await ok(['get', kind, '-n', 'doomed', '-o', 'name'])).trim(), kind).toBe('');
    }
    expect((await ok(['get', 'widgets', '-n', 'doomed', '-o', 'name'])).trim()).toBe('widget.example.com/held');

    await ok(['patch', 'widget', 'held', '-n', 'doomed', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    await eventually('the namespace gone', async () => ((await server.kubectl(['get', 'namespace', 'doomed'])).exitCode !== 0 ? true : undefined), { timeoutMs: 30_000 });
  });

  it('lets kubectl delete namespace wait until the namespace is gone', async () => {
    await ok(['create', 'namespace', 'quick']);
    await ok(['create', 'configmap', 'c', '-n', 'quick', '--from-literal=a=b']);
    const started = Date.now();
    await ok(['delete', 'namespace', 'quick', '--timeout=40s']);
    expect(Date.now() - started).toBeLessThan(40_000);
    expect((await server.kubectl(['get', 'namespace', 'quick'])).exitCode).not.toBe(0);
  });
});
