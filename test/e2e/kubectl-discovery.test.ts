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

describe('discovery, OpenAPI and authorization through kubectl', () => {
  it('lists the built-in API resources with their short names and scopes', async () => {
    const r = await server.kubectl(['api-resources']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    expect(r.stdout).toMatch(/^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
    expect(r.stdout).toMatch(/^customresourcedefinitions\s+crd,crds\s+apiextensions.k8s.io\/v1\s+false\s+CustomResourceDefinition$/m);
  });

  it('explains a field from the served OpenAPI', async () => {
    const r = await server.kubectl(['explain', 'deployment.spec.replicas']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('KIND:       Deployment');
    expect(r.stdout).toMatch(/FIELD:\s+replicas <integer>/);
    expect(r.stdout).toContain('Number of desired pods');
  });

  it('rejects unknown fields on apply (kubectl asks for strict field validation)', async () => {
    const r = await server.kubectl(['apply', '-f', '-'], {
      input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: strict\ndata:\n  a: b\nbogus: 1\n',
    });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/unknown field "bogus"/);
  });

  it('answers auth can-i from RBAC', async () => {
    expect((await server.kubectl(['auth', 'can-i', 'create', 'deployments'])).stdout.trim()).toBe('yes');
    const asViewer = await server.kubectl(['auth', 'can-i', 'get', 'secrets', '--as', 'someone', '--as-group', 'system:authenticated']);
    expect(asViewer.stdout.trim()).toBe('no');
  });

  it('answers auth whoami with the admin identity', async () => {
    const r = await server.kubectl(['auth', 'whoami', '-o', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const review = JSON.parse(r.stdout);
    expect(review.status.userInfo.username).toBe('system:admin');
    expect(review.status.userInfo.groups).toContain('system:masters');
  });

  it('reports the server version', async () => {
    const r = await server.kubectl(['version', '-o', 'json']);
    expect(JSON.parse(r.stdout).serverVersion.gitVersion).toMatch(/^v1\.\d+\.\d+/);
  });

  it('works with every installed kubectl release from 1.27 to 1.33', async () => {
    for (const minor of [27, 28, 29, 30, 31, 32, 33]) {
      const binary = `/usr/lib/google-cloud-sdk/bin/kubectl.1.${minor}`;
      const r = await server.kubectl(['get', 'namespaces', '-o', 'name'], { binary });
      expect(r.exitCode, `kubectl 1.${minor}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('namespace/default');
      const a = await server.kubectl(['apply', '-f', '-'], { binary, input: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v1-${minor}\ndata:\n  a: b\n` });
      expect(a.exitCode, `kubectl 1.${minor} apply: ${a.stderr}`).toBe(0);
    }
  });
});
