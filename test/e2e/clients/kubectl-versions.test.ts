import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { kubectlReleases, requireTool, stopWithin } from './tools.ts';

// Every kubectl the machine carries (Debian's 1.20, then 1.27 to 1.33) runs the everyday verbs
// against one server, each in a namespace of its own so the releases cannot see each other's objects.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
  for (const { binary } of kubectlReleases) await requireTool(binary);
  const crd = await server.kubectl(['apply', '-f', '-'], { input: GADGET_CRD });
  if (crd.exitCode !== 0) throw new Error(`applying the Gadget CRD failed: ${crd.stderr}`);
});
afterAll(async () => {
  await stopWithin(server);
  await server?.cleanup();
});

const GADGET_CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: gadgets.qa.skiff.dev }
spec:
  group: qa.skiff.dev
  scope: Namespaced
  names: { plural: gadgets, singular: gadget, kind: Gadget }
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: { type: object, properties: { size: { type: string } } }
`;

const deployment = (namespace: string, image: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: ${namespace}, labels: { app: web } }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [ { name: web, image: ${image} } ] }
`;

for (const { minor, binary } of kubectlReleases) {
  describe(`kubectl 1.${minor}`, () => {
    const ns = `kubectl-1-${minor}`;
    const run = (args: string[], input?: string) => server.kubectl(args, { binary, input });
    const ok = async (args: string[], input?: string) => {
      const r = await run(args, input);
      if (r.exitCode !== 0) throw new Error(`kubectl 1.${minor} ${args.join(' ')} failed (${r.exitCode}): ${r.stderr}`);
      return r.stdout;
    };

    it('creates a namespace and applies a Deployment into it', async () => {
      // `apply` rather than `create namespace`: 1.32+ typed commands send protobuf bodies.
      expect(await ok(['apply', '-f', '-'], `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"${ns}"}}`)).toBe(`namespace/${ns} created`);
      expect(await ok(['apply', '-f', '-'], deployment(ns, 'nginx:1.25'))).toBe('deployment.apps/web created');
    });

    it('shows a pending image change with diff, exiting 1 as diff(1) does', async () => {
      const r = await run(['diff', '-f', '-'], deployment(ns, 'nginx:1.26'));
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(/^-\s+- image: nginx:1\.25$/m);
      expect(r.stdout).toMatch(/^\+\s+- image: nginx:1\.26$/m);
      expect((await run(['diff', '-f', '-'], deployment(ns, 'nginx:1.25'))).exitCode).toBe(0);
    });

    it('prints the wide table, YAML and a JSONPath', async () => {
      const wide = (await ok(['get', 'deployment', 'web', '-n', ns, '-o', 'wide'])).split('\n');
      expect(wide[0]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$/);
      expect(wide[1]).toMatch(/^web\s+\d\/1\s+\d\s+\d\s+\d+s\s+web\s+nginx:1\.25\s+app=web$/);
      const yaml = await ok(['get', 'deployment', 'web', '-n', ns, '-o', 'yaml']);
      expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
      expect(yaml).toContain(`  namespace: ${ns}\n`);
      expect(await ok(['get', 'deployment', 'web', '-n', ns, '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('nginx:1.25');
    });

    it('labels the Deployment and selects it by that label', async () => {
      expect(await ok(['label', 'deployment', 'web', '-n', ns, `kubectl=v1.${minor}`])).toBe('deployment.apps/web labeled');
      expect(await ok(['get', 'deployments', '-n', ns, '-l', `kubectl=v1.${minor}`, '-o', 'name'])).toBe('deployment.apps/web');
    });

    it('reads the rollout history of the Deployment', async () => {
      expect(await ok(['rollout', 'history', 'deployment/web', '-n', ns])).toMatch(/^deployment\.apps\/web\s*\n/);
    });

    it('explains a Deployment field from the published OpenAPI', async () => {
      const out = await ok(['explain', 'deployment.spec.replicas']);
      expect(out).toMatch(/^KIND:\s+Deployment$/m);
      expect(out).toMatch(/^FIELD:\s+replicas <integer>$/m);
      expect(out).toMatch(/Number of desired pods/);
    });

    it('lists api-resources with the usual columns', async () => {
      const out = await ok(['api-resources']);
      expect(out.split('\n')[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
      expect(out).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
      expect(out).toMatch(/^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
      expect(out).toMatch(/^gadgets\s+qa\.skiff\.dev\/v1\s+true\s+Gadget$/m);
    });

    it('waits for the CRD to be Established and round-trips a custom resource', async () => {
      expect(await ok(['wait', '--for=condition=Established', 'crd/gadgets.qa.skiff.dev', '--timeout=20s'])).toBe(
        'customresourcedefinition.apiextensions.k8s.io/gadgets.qa.skiff.dev condition met',
      );
      const gadget = `{"apiVersion":"qa.skiff.dev/v1","kind":"Gadget","metadata":{"name":"g1","namespace":"${ns}"},"spec":{"size":"big"}}`;
      expect(await ok(['apply', '-f', '-'], gadget)).toBe('gadget.qa.skiff.dev/g1 created');
      expect(await ok(['get', 'gadget', 'g1', '-n', ns, '-o', 'jsonpath={.spec.size}'])).toBe('big');
    });

    it('deletes what it created and then reports NotFound', async () => {
      expect(await ok(['delete', 'deployment', 'web', '-n', ns])).toBe('deployment.apps "web" deleted');
      expect(await ok(['delete', 'gadget', 'g1', '-n', ns])).toBe('gadget.qa.skiff.dev "g1" deleted');
      const r = await run(['get', 'deployment', 'web', '-n', ns]);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('Error from server (NotFound): deployments.apps "web" not found');
    });
  });
}
