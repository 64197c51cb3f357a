import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlReleases, requireTool, stopWithin } from './clients/tools.ts';
import { startServer, type RunningServer } from './harness/server.ts';

// kubectl explain names a field's type from the served OpenAPI: the v3 template (1.27+) prints a
// referenced definition without a `type` by its name, the v2 printer (1.20, and
// `--output plaintext-openapiv2`) prints the swagger type. Expected lines are what the same
// kubectl prints against kube-apiserver.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
  for (const { binary } of kubectlReleases) await requireTool(binary);
});
afterAll(async () => {
  await stopWithin(server);
  await server?.cleanup();
});

const binaryOf = (minor: number) => kubectlReleases.find((r) => r.minor === minor)!.binary;

describe('kubectl explain prints upstream type names', () => {
  it.each([
    { minor: 27, field: 'deployment.spec.strategy.rollingUpdate.maxSurge', line: /FIELD: maxSurge <IntOrString>/ },
    { minor: 33, field: 'deployment.spec.strategy.rollingUpdate.maxSurge', line: /FIELD: maxSurge <IntOrString>/ },
    { minor: 27, field: 'pod.spec.containers.resources.limits', line: /FIELD: limits <map\[string\]Quantity>/ },
    { minor: 33, field: 'pod.spec.containers.resources.limits', line: /FIELD: limits <map\[string\]Quantity>/ },
    { minor: 33, field: 'service.spec.ports.targetPort', line: /FIELD: targetPort <IntOrString>/ },
    { minor: 33, field: 'pod.metadata.creationTimestamp', line: /FIELD: creationTimestamp <string>/ },
    { minor: 33, field: 'controllerrevision.data', line: /FIELD: data <RawExtension>/ },
  ])('kubectl 1.$minor explain $field (OpenAPI v3)', async ({ minor, field, line }) => {
    const r = await server.kubectl(['explain', field], { binary: binaryOf(minor) });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(line);
  });

  it('lists IntOrString fields by that name in the parent field list', async () => {
    const r = await server.kubectl(['explain', 'deployment.spec.strategy.rollingUpdate'], { binary: binaryOf(33) });
    expect(r.stdout).toMatch(/^\s+maxSurge\t<IntOrString>$/m);
    expect(r.stdout).toMatch(/^\s+maxUnavailable\t<IntOrString>$/m);
  });

  it.each([
    { minor: 20, args: [] as string[] },
    { minor: 33, args: ['--output', 'plaintext-openapiv2'] },
  ])('kubectl 1.$minor explain over OpenAPI v2 prints the swagger types, as against kube-apiserver', async ({ minor, args }) => {
    const surge = await server.kubectl(['explain', 'deployment.spec.strategy.rollingUpdate.maxSurge', ...args], { binary: binaryOf(minor) });
    expect(surge.exitCode, surge.stderr).toBe(0);
    expect(surge.stdout).toMatch(/FIELD:\s+maxSurge <string>/);
    const limits = await server.kubectl(['explain', 'pod.spec.containers.resources.limits', ...args], { binary: binaryOf(minor) });
    expect(limits.stdout).toMatch(/FIELD:\s+limits <map\[string\]string>/);
  });
});
