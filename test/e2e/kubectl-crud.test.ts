import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './harness/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

const deployment = (name: string, replicas = 2, image = 'nginx:1.25') => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: { app: ${name} }
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{ containerPort: 80 }]
      - name: sidecar
        image: busybox:1.36
`;

const ok = (args: string[], input?: string): Promise<string> => server.kubectlOk(args, input);

async function json<T = Record<string, any>>(args: string[]): Promise<T> {
  return JSON.parse(await ok([...args, '-o', 'json'])) as T;
}

describe('kubectl against skiff server', () => {
  it('lists the system namespaces as a server-side table', async () => {
    const out = await ok(['get', 'namespaces']);
    expect(out.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+AGE$/);
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) expect(out).toMatch(new RegExp(`^${ns}\\s+Active`, 'm'));
  });

  it('applies a Deployment, defaults it and prints the usual columns', async () => {
    expect(await ok(['apply', '-f', '-'], deployment('web'))).toContain('deployment.apps/web created');
    const out = await ok(['get', 'deployments']);
    expect(out.split('\n')[0]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    expect(out).toMatch(/^web\s+0\/2\s+\d+\s+0\s+\d+s$/m);
    const d = await json(['get', 'deployment', 'web']);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.template.spec.restartPolicy).toBe('Always');
    expect(d.metadata.generation).toBe(1);
    expect(d.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBeTruthy();
  });

  it('re-applies a changed Deployment as a strategic merge patch that keeps the other container', async () => {
    expect(await ok(['apply', '-f', '-'], deployment('web', 3, 'nginx:1.26'))).toContain('deployment.apps/web configured');
    const d = await json(['get', 'deployment', 'web']);
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.spec.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`)).toEqual(['web=nginx:1.26', 'sidecar=busybox:1.36']);
    expect(d.metadata.generation).toBe(2);
  });

  it('patches with all three classic patch types', async () => {
    await ok(['patch', 'deployment', 'web', '--type', 'strategic', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox:1.37"}]}}}}']);
    await ok(['patch', 'deployment', 'web', '--type', 'merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}']);
    await ok(['patch', 'deployment', 'web', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/replicas","value":4}]']);
    const d = await json(['get', 'deployment', 'web']);
    expect(d.spec.template.spec.containers.map((c: { image: string }) => c.image)).toEqual(['nginx:1.26', 'busybox:1.37']);
    expect(d.metadata.labels.tier).toBe('front');
    expect(d.spec.replicas).toBe(4);
  });

  it('scales through the scale subresource', async () => {
    expect(await ok(['scale', 'deployment', 'web', '--replicas', '1'])).toContain('deployment.apps/web scaled');
    expect((await json(['get', 'deployment', 'web'])).spec.replicas).toBe(1);
  });

  it('labels and annotates, and selects by label', async () => {
    await ok(['create', 'configmap', 'one', '--from-literal', 'a=1']);
    await ok(['create', 'configmap', 'two', '--from-literal', 'b=2']);
    await ok(['label', 'configmap', 'one', 'color=blue']);
    await ok(['annotate', 'configmap', 'one', 'note=hello']);
    const selected = await ok(['get', 'configmaps', '-l', 'color=blue', '-o', 'name']);
    expect(selected.trim()).toBe('configmap/one');
    const notBlue = await ok(['get', 'configmaps', '-l', 'color!=blue', '-o', 'name']);
    expect(notBlue).toContain('configmap/two');
    expect(notBlue).not.toContain('configmap/one');
    expect((await json(['get', 'configmap', 'one'])).metadata.annotations.note).toBe('hello');
    const byField = await ok(['get', 'configmaps', '--field-selector', 'metadata.name=two', '-o', 'name']);
    expect(byField.trim()).toBe('configmap/two');
  });

  it('replaces with the current resourceVersion and refuses a stale one with a Conflict', async () => {
    const cm = await json(['get', 'configmap', 'two']);
    cm.data.b = '3';
    await ok(['replace', '-f', '-'], JSON.stringify(cm));
    cm.data.b = '4';
    const stale = await server.kubectl(['replace', '-f', '-'], { input: JSON.stringify(cm) });
    expect(stale.exitCode).not.toBe(0);
    expect(stale.stderr).toContain('the object has been modified; please apply your changes to the latest version and try again');
  });

  it('refuses to create an object that exists with AlreadyExists', async () => {
    const r = await server.kubectl(['create', 'configmap', 'one']);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('configmaps "one" already exists');
  });

  it('creates nothing on --dry-run=server but reports what it would have done', async () => {
    expect(await ok(['create', 'configmap', 'dry', '--dry-run=server', '--from-literal', 'x=y'])).toContain('configmap/dry created (server dry run)');
    const r = await server.kubectl(['get', 'configmap', 'dry']);
    expect(r.stderr).toContain('configmaps "dry" not found');
  });

  it('applies server-side with managed fields and reports conflicts with other managers', async () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  k: v1\n';
    expect(await ok(['apply', '--server-side', '-f', '-'], cm)).toContain('configmap/ssa serverside-applied');
    const got = await json(['get', 'configmap', 'ssa', '--show-managed-fields']);
    expect(got.metadata.managedFields[0]).toMatchObject({ manager: 'kubectl', operation: 'Apply' });
    const conflict = await server.kubectl(['apply', '--server-side', '--field-manager', 'other', '-f', '-'], { input: cm.replace('k: v1', 'k: v2') });
    expect(conflict.exitCode).not.toBe(0);
    expect(conflict.stderr, conflict.stderr).toMatch(/conflict/i);
    await ok(['apply', '--server-side', '--force-conflicts', '--field-manager', 'other', '-f', '-'], cm.replace('k: v1', 'k: v2'));
    expect((await json(['get', 'configmap', 'ssa'])).data.k).toBe('v2');
  });

  it('pages lists with --chunk-size', async () => {
    for (let i = 0; i < 7; i++) await ok(['create', 'configmap', `page-${i}`, '-n', 'kube-public']);
    const out = await ok(['get', 'configmaps', '-n', 'kube-public', '--chunk-size', '2', '-o', 'name']);
    expect(out.trim().split('\n').filter((l) => l.startsWith('configmap/page-'))).toHaveLength(7);
  });

  it('generates names from generateName', async () => {
    const out = await ok(['create', '-f', '-', '-o', 'name'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: gen-\n');
    expect(out.trim()).toMatch(/^configmap\/gen-[a-z0-9]{5}$/);
  });

  it('keeps an object with a finalizer until the finalizer is removed', async () => {
    await ok(['create', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers: [example.com/hold]\n');
    await ok(['delete', 'configmap', 'held', '--wait=false']);
    const held = await json(['get', 'configmap', 'held']);
    expect(held.metadata.deletionTimestamp).toBeTruthy();
    await ok(['patch', 'configmap', 'held', '--type', 'merge', '-p', '{"metadata":{"finalizers":null}}']);
    const gone = await server.kubectl(['get', 'configmap', 'held']);
    expect(gone.stderr).toContain('not found');
  });

  it('deletes objects and describes a deployment with its events', async () => {
    await ok(['create', '-f', '-'], JSON.stringify({
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default', uid: (await json(['get', 'deployment', 'web'])).metadata.uid },
      reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-1 to 1', type: 'Normal', count: 1,
      firstTimestamp: new Date().toISOString().replace(/\.\d+Z/, 'Z'), lastTimestamp: new Date().toISOString().replace(/\.\d+Z/, 'Z'),
      source: { component: 'deployment-controller' },
    }));
    const described = await ok(['describe', 'deployment', 'web']);
    expect(described).toMatch(/Name:\s+web/);
    expect(described).toContain('ScalingReplicaSet');
    expect(await ok(['delete', 'deployment', 'web'])).toContain('deployment.apps "web" deleted');
    expect((await server.kubectl(['get', 'deployment', 'web'])).stderr).toContain('deployments.apps "web" not found');
  });
});
