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

const CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names:
    plural: crontabs
    singular: crontab
    kind: CronTab
    shortNames: [ct]
  versions:
  - name: v1
    served: true
    storage: true
    subresources:
      status: {}
      scale:
        specReplicasPath: .spec.replicas
        statusReplicasPath: .status.replicas
    additionalPrinterColumns:
    - name: Spec
      type: string
      jsonPath: .spec.cronSpec
    - name: Replicas
      type: integer
      jsonPath: .spec.replicas
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              cronSpec: { type: string }
              image: { type: string }
              replicas: { type: integer, minimum: 0, default: 1 }
          status:
            type: object
            properties:
              replicas: { type: integer }
`;

const ok = (args: string[], input?: string): Promise<string> => server.kubectlOk(args, input);

describe('CustomResourceDefinitions', () => {
  it('establishes a CRD and serves its resource in discovery', async () => {
    await ok(['apply', '-f', '-'], CRD);
    await ok(['wait', '--for=condition=Established', 'crd/crontabs.stable.example.com', '--timeout=20s']);
    const resources = await ok(['api-resources', '--api-group', 'stable.example.com']);
    expect(resources).toMatch(/^crontabs\s+ct\s+stable.example.com\/v1\s+true\s+CronTab$/m);
  });

  it('creates, defaults, prints and validates custom resources', async () => {
    await ok(['apply', '-f', '-'], 'apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: nightly\nspec:\n  cronSpec: "0 3 * * *"\n  image: backup\n');
    const obj = JSON.parse(await ok(['get', 'ct', 'nightly', '-o', 'json']));
    expect(obj.spec.replicas).toBe(1);
    const table = await ok(['get', 'crontabs']);
    expect(table.split('\n')[0]).toMatch(/^NAME\s+SPEC\s+REPLICAS$/);
    expect(table).toMatch(/^nightly\s+0 3 \* \* \*\s+1$/m);
    const bad = await server.kubectl(['apply', '-f', '-'], { input: 'apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: bad\nspec:\n  replicas: "many"\n' });
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain('spec.replicas');
  });

  it('serves the scale and status subresources', async () => {
    await ok(['scale', 'crontab', 'nightly', '--replicas', '3']);
    expect(JSON.parse(await ok(['get', 'ct', 'nightly', '-o', 'json'])).spec.replicas).toBe(3);
    await ok(['patch', 'crontab', 'nightly', '--subresource', 'status', '--type', 'merge', '-p', '{"status":{"replicas":3}}']);
    const obj = JSON.parse(await ok(['get', 'ct', 'nightly', '-o', 'json']));
    expect(obj.status.replicas).toBe(3);
  });

  it('removes the resource and its objects when the CRD is deleted', async () => {
    await ok(['delete', 'crd', 'crontabs.stable.example.com']);
    const r = await server.kubectl(['get', 'crontabs']);
    expect(r.exitCode).not.toBe(0);
  });
});
