import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { stopWithin } from './tools.ts';

// Checks in the style of upstream kubectl's own suite (kubernetes/kubernetes test/cmd/apply.sh,
// apps.sh, core.sh, get.sh, save-config.sh, discovery.sh): the same commands and the same
// go-template assertions, restricted to what needs neither nodes nor a controller manager.
let server: RunningServer;
let scratch: string;
const NS = 'upstream-style';

beforeAll(async () => {
  server = await startServer();
  scratch = await mkdtemp(join(tmpdir(), 'skiff-upstream-style-'));
  await ok(['apply', '-f', '-'], `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"${NS}"}}`);
});
afterAll(async () => {
  await stopWithin(server);
  await server?.cleanup();
});

async function run(args: string[], opts: { input?: string } = {}) {
  return server.kubectl([...args, '-n', NS], { input: opts.input });
}
async function ok(args: string[], input?: string): Promise<string> {
  const r = await run(args, { input });
  if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.exitCode}): ${r.stderr}`);
  return r.stdout;
}
async function fails(args: string[], input?: string): Promise<string> {
  const r = await run(args, { input });
  expect(r.exitCode, `kubectl ${args.join(' ')} should fail`).not.toBe(0);
  return r.stderr;
}
/** As test/cmd's kube::test::get_object_assert: a go-template over `kubectl get`. */
const template = (what: string[], tpl: string) => ok(['get', ...what, '-o', `go-template=${tpl}`]);
const names = (resource: string) => template([resource], '{{range.items}}{{.metadata.name}}:{{end}}');

const pod = (name: string, labels: Record<string, string>) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.9' }] } });
const configMap = (name: string, data: Record<string, string>) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });

const retainKeysDeployment = (strategy: string, volume: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: test-deployment-retainkeys }
spec:
  ${strategy}
  selector: { matchLabels: { name: retain } }
  template:
    metadata: { labels: { name: retain } }
    spec:
      containers: [ { name: nginx, image: nginx:1.25, volumeMounts: [ { name: v, mountPath: /v } ] } ]
      volumes: [ { name: v, ${volume} } ]
`;

describe('kubectl apply (test/cmd/apply.sh)', () => {
  it('creates a missing pod, records last-applied-configuration and the client-side apply manager', async () => {
    expect(await ok(['apply', '-f', '-'], pod('test-pod', { name: 'test-pod-label' }))).toBe('pod/test-pod created');
    expect(await template(['pods', 'test-pod'], '{{.metadata.labels.name}}')).toBe('test-pod-label');
    expect(await ok(['get', 'pods', 'test-pod', '-o', 'yaml'])).toContain('kubectl.kubernetes.io/last-applied-configuration');
    expect(await ok(['get', 'pods', 'test-pod', '--show-managed-fields', '-o', 'jsonpath={.metadata.managedFields[*].manager}'])).toContain('kubectl-client-side-apply');
    await ok(['delete', 'pods', 'test-pod']);
  });

  it('adds last-applied-configuration with set-last-applied, but not on a server dry run', async () => {
    await ok(['create', '-f', '-'], pod('test-pod', { name: 'test-pod-label' }));
    expect(await ok(['get', 'pods', 'test-pod', '-o', 'yaml'])).not.toContain('last-applied-configuration');
    await ok(['apply', 'set-last-applied', '--dry-run=server', '-f', '-', '--create-annotation=true'], pod('test-pod', { name: 'test-pod-label' }));
    expect(await ok(['get', 'pods', 'test-pod', '-o', 'yaml'])).not.toContain('last-applied-configuration');
    await ok(['apply', 'set-last-applied', '-f', '-', '--create-annotation=true'], pod('test-pod', { name: 'test-pod-label' }));
    expect(await ok(['get', 'pods', 'test-pod', '-o', 'yaml'])).toContain('last-applied-configuration');
    await ok(['delete', 'pods', 'test-pod']);
  });

  it('clears defaulted fields through retainKeys when the strategy and volume source change', async () => {
    await ok(['apply', '-f', '-'], retainKeysDeployment('', 'emptyDir: {}'));
    const before = await ok(['get', 'deployments', 'test-deployment-retainkeys', '-o', 'yaml']);
    for (const word of ['RollingUpdate', 'maxSurge', 'maxUnavailable', 'emptyDir']) expect(before).toContain(word);
    await ok(['apply', '-f', '-'], retainKeysDeployment('strategy: { type: Recreate }', 'hostPath: { path: /tmp }'));
    const after = await ok(['get', 'deployments', 'test-deployment-retainkeys', '-o', 'yaml']);
    expect(after).toContain('Recreate');
    expect(after).toContain('hostPath');
    expect(after).not.toContain('RollingUpdate');
    expect(after).not.toContain('emptyDir');
    await ok(['delete', 'deployments', 'test-deployment-retainkeys']);
  });

  it('persists nothing on --dry-run=server, neither a create nor a change', async () => {
    expect(await ok(['apply', '--dry-run=server', '-f', '-'], pod('test-pod', { name: 'test-pod-label' }))).toBe('pod/test-pod created (server dry run)');
    expect(await names('pods')).toBe('');
    await ok(['apply', '-f', '-'], pod('test-pod', { name: 'test-pod-label' }));
    const rv = await template(['pods', 'test-pod'], '{{ .metadata.resourceVersion }}');
    expect(await ok(['apply', '--dry-run=server', '-f', '-'], pod('test-pod', { name: 'test-pod-applied' }))).toBe('pod/test-pod configured (server dry run)');
    expect(await template(['pods', 'test-pod'], '{{.metadata.labels.name}}')).toBe('test-pod-label');
    expect(await template(['pods', 'test-pod'], '{{ .metadata.resourceVersion }}')).toBe(rv);
    await ok(['delete', 'pods', 'test-pod']);
  });

  it('prunes the labelled objects a later apply no longer lists', async () => {
    await ok(['apply', '-l', 'prune-group=true', '-f', '-'], pod('a', { 'prune-group': 'true' }));
    expect(await ok(['apply', '--prune', '-l', 'prune-group=true', '-f', '-'], pod('b', { 'prune-group': 'true' }))).toContain('pod/a pruned');
    expect(await names('pods')).toBe('b:');
    expect(await fails(['apply', '--prune', '-f', '-'], pod('b', { 'prune-group': 'true' }))).toContain('all resources selected for prune without explicitly passing --all');
    await ok(['delete', 'pods', 'b']);
  });

  it('refuses to change a Service clusterIP and recreates it with --force', async () => {
    const service = (ip: string) => JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { clusterIP: ip, ports: [{ port: 80 }], selector: { app: 'a' } } });
    await ok(['apply', '-f', '-'], service('10.43.0.12'));
    expect(await template(['services', 'a'], '{{.metadata.name}}')).toBe('a');
    expect(await fails(['apply', '-f', '-'], service('10.43.0.13'))).toContain('may not change once set');
    await ok(['apply', '--force', '-f', '-'], service('10.43.0.13'));
    expect(await template(['services', 'a'], '{{.spec.clusterIP}}')).toBe('10.43.0.13');
    await ok(['delete', 'services', 'a']);
  });
});

describe('server-side apply', () => {
  it('reports a conflict with the manager that owns the field, and takes it over with --force-conflicts', async () => {
    await ok(['apply', '--server-side', '--field-manager=alpha', '-f', '-'], configMap('ssa', { k: 'one' }));
    const conflict = await fails(['apply', '--server-side', '--field-manager=beta', '-f', '-'], configMap('ssa', { k: 'two' }));
    expect(conflict).toContain('Apply failed with 1 conflict: conflict with "alpha": .data.k');
    expect(await ok(['apply', '--server-side', '--field-manager=beta', '--force-conflicts', '-f', '-'], configMap('ssa', { k: 'two' }))).toBe('configmap/ssa serverside-applied');
    // alpha owned nothing else, so its entry disappears once beta takes .data.k.
    expect(await template(['configmap', 'ssa'], '{{.data.k}} {{range .metadata.managedFields}}{{.manager}}/{{.operation}} {{end}}')).toBe('two beta/Apply ');
  });
});

describe('create, replace and edit (test/cmd/core.sh, save-config.sh)', () => {
  it('returns the object from create --dry-run=server without storing it', async () => {
    expect(await ok(['create', '--dry-run=server', '-f', '-', '-o', 'go-template={{.metadata.name}}'], configMap('dry', {}))).toBe('dry');
    expect(await fails(['get', 'configmap', 'dry'])).toContain('configmaps "dry" not found');
  });

  it('deletes and recreates with replace --force, which gives the object a new uid', async () => {
    await ok(['apply', '-f', '-'], configMap('replaced', { a: '1' }));
    const uid = await template(['configmap', 'replaced'], '{{.metadata.uid}}');
    const current = await ok(['get', 'configmap', 'replaced', '-o', 'json']);
    expect(await ok(['replace', '--force', '-f', '-'], current)).toBe('configmap "replaced" deleted\nconfigmap/replaced replaced');
    expect(await template(['configmap', 'replaced'], '{{.metadata.uid}}')).not.toBe(uid);
  });

  it('saves what EDITOR wrote and cancels an edit that changes nothing', async () => {
    await ok(['apply', '-f', '-'], configMap('edited', { k: 'before' }));
    const rewrite = await editorScript('rewrite.sh', "sed -i 's/k: before/k: after/' \"$1\"");
    expect((await edit('edited', rewrite)).stdout).toBe('configmap/edited edited');
    expect(await template(['configmap', 'edited'], '{{.data.k}}')).toBe('after');
    const untouched = await edit('edited', await editorScript('noop.sh', 'true'));
    expect(untouched.exitCode).toBe(0);
    expect(untouched.stderr).toContain('Edit cancelled, no changes made.');
    expect(await template(['configmap', 'edited'], '{{range .metadata.managedFields}}{{.manager}} {{end}}')).toContain('kubectl-edit');
  });
});

describe('kubectl patch (test/cmd/core.sh)', () => {
  beforeAll(async () => {
    await ok(['apply', '-f', '-'], JSON.stringify({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'patched', labels: { app: 'patched' } },
      spec: { selector: { matchLabels: { app: 'patched' } }, template: { metadata: { labels: { app: 'patched' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
    }));
  });
  const containers = () => template(['deployment', 'patched'], '{{range .spec.template.spec.containers}}{{.name}}:{{end}}');

  it('puts a container added by a strategic merge patch before the server-only ones, as normalizeElementOrder does', async () => {
    await ok(['patch', 'deployment', 'patched', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox"}]}}}}']);
    expect(await containers()).toBe('side:web:');
  });

  it('removes a list element with a $patch: delete directive', async () => {
    await ok(['patch', 'deployment', 'patched', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}}}']);
    expect(await containers()).toBe('web:');
  });

  it('reorders a merge-keyed list with $setElementOrder', async () => {
    await ok(['patch', 'deployment', 'patched', '--type=json', '-p', '[{"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"x2","image":"busybox"}}]']);
    expect(await containers()).toBe('web:x2:');
    await ok(['patch', 'deployment', 'patched', '-p', '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"x2"},{"name":"web"}]}}}}']);
    expect(await containers()).toBe('x2:web:');
  });

  it('answers a failed JSON patch test operation with 422 Invalid, as applyJSPatch does', async () => {
    const stderr = await fails(['patch', 'deployment', 'patched', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":7}]']);
    expect(stderr).toContain('The request is invalid: the server rejected our request due to an error in our request');
  });

  it('deletes a label with a null in a merge patch', async () => {
    await ok(['patch', 'deployment', 'patched', '--type=merge', '-p', '{"metadata":{"labels":{"app":null,"tier":"web"}}}']);
    expect(await template(['deployment', 'patched'], '{{.metadata.labels}}')).toBe('map[tier:web]');
  });

  it('says "(no change)" for a patch that changes nothing', async () => {
    expect(await ok(['patch', 'deployment', 'patched', '-p', '{"spec":{"replicas":1}}'])).toBe('deployment.apps/patched patched (no change)');
  });

  it('rejects a patch carrying a stale resourceVersion with a Conflict', async () => {
    expect(await fails(['patch', 'deployment', 'patched', '-p', '{"metadata":{"resourceVersion":"1"},"spec":{"replicas":5}}'])).toContain(
      'Error from server (Conflict): Operation cannot be fulfilled on deployments.apps "patched": the object has been modified',
    );
  });

  it('names the field and the expected type when a patch makes the object invalid', async () => {
    expect(await fails(['patch', 'deployment', 'patched', '--type=merge', '-p', '{"spec":{"replicas":"x"}}'])).toContain('The Deployment "patched" is invalid: spec.replicas');
  });

  it('reports NotFound for a missing object', async () => {
    expect(await fails(['patch', 'deployment', 'missing', '-p', '{}'])).toContain('Error from server (NotFound): deployments.apps "missing" not found');
  });
});

describe('get, raw and discovery (test/cmd/get.sh, discovery.sh)', () => {
  it('reads an object and a 404 Status through get --raw', async () => {
    const ns = JSON.parse((await server.kubectl(['get', '--raw', `/api/v1/namespaces/${NS}`])).stdout);
    expect(ns).toMatchObject({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: NS }, status: { phase: 'Active' } });
    const missing = await server.kubectl(['get', '--raw', `/api/v1/namespaces/${NS}/configmaps/missing`]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('Error from server (NotFound): configmaps "missing" not found');
  });

  it('pages a list with limit and hands back a continue token', async () => {
    const page = JSON.parse((await server.kubectl(['get', '--raw', `/api/v1/namespaces/${NS}/configmaps?limit=1`])).stdout);
    expect(page.items).toHaveLength(1);
    expect(page.metadata.continue).toBeTruthy();
    expect(page.metadata.remainingItemCount).toBeGreaterThan(0);
  });

  it('prints only later changes with --watch-only', async () => {
    const watching = server.kubectl(['get', 'configmaps', '-n', NS, '--watch-only', '-o', 'go-template={{.metadata.name}}{{"\\n"}}', '--request-timeout=4s'], { timeoutMs: 8_000 });
    await new Promise((r) => setTimeout(r, 1_500));
    await ok(['apply', '-f', '-'], configMap('watched', {}));
    expect((await watching).stdout.split('\n').filter(Boolean)).toEqual(['watched']);
  });

  it('lists the served group versions with api-versions', async () => {
    const versions = (await server.kubectl(['api-versions'])).stdout.split('\n');
    for (const gv of ['v1', 'apps/v1', 'batch/v1', 'apiextensions.k8s.io/v1', 'rbac.authorization.k8s.io/v1', 'networking.k8s.io/v1', 'coordination.k8s.io/v1']) {
      expect(versions).toContain(gv);
    }
  });

  it('explains nested fields with --recursive', async () => {
    const out = (await server.kubectl(['explain', 'deployment.spec.strategy', '--recursive'])).stdout;
    expect(out).toMatch(/^FIELD:\s+strategy <DeploymentStrategy>$/m);
    expect(out).toMatch(/^  rollingUpdate\t<RollingUpdateDeployment>$/m);
    expect(out).toMatch(/^    maxSurge\t</m);
    expect(out).toMatch(/^  type\t<string>$/m);
  });

  it('ranges over a list with a go-template, as kube::test::get_object_assert does', async () => {
    expect(await names('configmaps')).toMatch(/^(?:[a-z0-9.-]+:)+$/);
    expect((await names('configmaps')).split(':')).toEqual(expect.arrayContaining(['edited', 'replaced', 'ssa', 'watched']));
  });
});

async function editorScript(name: string, body: string): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

/** `kubectl edit` with EDITOR pointed at a script, as test/cmd does with its fake editors. */
async function edit(name: string, editor: string) {
  const r = await execa('kubectl', ['edit', 'configmap', name, '-n', NS], {
    env: { KUBECONFIG: server.kubeconfig, HOME: server.dataDir, EDITOR: editor, KUBE_EDITOR: editor },
    reject: false,
    timeout: 30_000,
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
