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

/** Creates a ConfigMap and answers its uid. */
async function configMap(name: string, opts: { owners?: { name: string; uid: string; block?: boolean }[]; finalizers?: string[] } = {}): Promise<string> {
  const ownerReferences = (opts.owners ?? []).map((o) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: o.name, uid: o.uid, ...(o.block ? { blockOwnerDeletion: true } : {}) }));
  const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', ownerReferences, finalizers: opts.finalizers }, data: { k: 'v' } };
  // The uid comes from the create answer: an object with absent owners may be collected at once.
  return (await ok(['create', '-f', '-', '-o', 'jsonpath={.metadata.uid}'], JSON.stringify(manifest))).trim();
}

async function gone(name: string): Promise<true | undefined> {
  const r = await server.kubectl(['get', 'configmap', name]);
  return r.exitCode !== 0 && /NotFound/.test(r.stderr) ? true : undefined;
}

async function meta(name: string): Promise<{ ownerReferences?: { uid: string }[]; finalizers?: string[]; deletionTimestamp?: string } | undefined> {
  const r = await server.kubectl(['get', 'configmap', name, '-o', 'json']);
  return r.exitCode === 0 ? JSON.parse(r.stdout).metadata : undefined;
}

describe('garbage collector', () => {
  it('deletes dependents in the background once their owner is deleted', async () => {
    const parent = await configMap('bg-parent');
    await configMap('bg-child', { owners: [{ name: 'bg-parent', uid: parent }] });
    await ok(['delete', 'configmap', 'bg-parent']);
    await eventually('bg-child collected', () => gone('bg-child'));
  });

  it('collects an object whose only owner never existed', async () => {
    await configMap('ghost-child', { owners: [{ name: 'ghost', uid: '00000000-0000-0000-0000-000000000001' }] });
    await eventually('ghost-child collected', () => gone('ghost-child'));
  });

  it('keeps an object with a live owner and drops its reference to a missing one', async () => {
    const parent = await configMap('solid-parent');
    await configMap('solid-child', { owners: [{ name: 'solid-parent', uid: parent }, { name: 'ghost', uid: '00000000-0000-0000-0000-000000000002' }] });
    const refs = await eventually('the missing owner dropped', async () => {
      const m = await meta('solid-child');
      return m?.ownerReferences?.length === 1 ? m.ownerReferences : undefined;
    });
    expect(refs.map((r) => r.uid)).toEqual([parent]);
  });

  it('orphans dependents with --cascade=orphan', async () => {
    const parent = await configMap('orphan-parent');
    await configMap('orphan-child', { owners: [{ name: 'orphan-parent', uid: parent, block: true }] });
    await ok(['delete', 'configmap', 'orphan-parent', '--cascade=orphan']);
    await eventually('orphan-parent gone', () => gone('orphan-parent'));
    const child = await meta('orphan-child');
    expect(child?.ownerReferences ?? []).toEqual([]);
    expect(child?.deletionTimestamp).toBeUndefined();
  });

  it('deletes blocking dependents first with --cascade=foreground, and the owner only after them', async () => {
    const parent = await configMap('fg-parent');
    await configMap('fg-child', { owners: [{ name: 'fg-parent', uid: parent, block: true }], finalizers: ['example.com/hold'] });
    await ok(['delete', 'configmap', 'fg-parent', '--cascade=foreground', '--wait=false']);
    // The child's finalizer holds it, so the owner waits with foregroundDeletion.
    await eventually('fg-child being deleted', async () => ((await meta('fg-child'))?.deletionTimestamp ? true : undefined));
    const owner = await meta('fg-parent');
    expect(owner?.finalizers).toContain('foregroundDeletion');
    expect(owner?.deletionTimestamp).toBeDefined();
    await ok(['patch', 'configmap', 'fg-child', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    await eventually('fg-child gone', () => gone('fg-child'));
    await eventually('fg-parent gone', () => gone('fg-parent'));
  });

  it('lets kubectl delete --cascade=foreground wait for a whole tree', async () => {
    const root = await configMap('tree-root');
    const mid = await configMap('tree-mid', { owners: [{ name: 'tree-root', uid: root, block: true }] });
    await configMap('tree-leaf', { owners: [{ name: 'tree-mid', uid: mid, block: true }] });
    await ok(['delete', 'configmap', 'tree-root', '--cascade=foreground', '--timeout=30s']);
    expect(await gone('tree-mid')).toBe(true);
    expect(await gone('tree-leaf')).toBe(true);
  });

  it('collects the dependents of a custom resource defined after the server started', async () => {
    await ok(['apply', '-f', '-'], JSON.stringify({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'gadgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    }));
    const uid = await eventually('a Gadget created', async () => {
      const r = await server.kubectl(['create', '-f', '-', '-o', 'jsonpath={.metadata.uid}'], {
        input: JSON.stringify({ apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'owner', namespace: 'default' } }),
      });
      return r.exitCode === 0 ? r.stdout.trim() : undefined;
    });
    const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'gadget-part', namespace: 'default', ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Gadget', name: 'owner', uid }] } };
    await ok(['create', '-f', '-'], JSON.stringify(manifest));
    // Give the collector a moment to see the new kind, so the child is not judged before the owner is known.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await meta('gadget-part')).toBeDefined();
    await ok(['delete', 'gadget', 'owner']);
    await eventually('gadget-part collected', () => gone('gadget-part'));
  });

  it('carries on a foreground deletion after the server is killed and restarted', async () => {
    const parent = await configMap('restart-parent');
    await configMap('restart-child', { owners: [{ name: 'restart-parent', uid: parent, block: true }], finalizers: ['example.com/hold'] });
    await ok(['delete', 'configmap', 'restart-parent', '--cascade=foreground', '--wait=false']);
    await eventually('restart-child being deleted', async () => ((await meta('restart-child'))?.deletionTimestamp ? true : undefined));
    await server.kill();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    await ok(['patch', 'configmap', 'restart-child', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    await eventually('restart-parent gone after the restart', () => gone('restart-parent'));
  });
});
