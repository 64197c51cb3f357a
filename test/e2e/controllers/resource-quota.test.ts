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

function podYaml(name: string, cpu: string): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: quota}
spec:
  containers:
  - name: c
    image: registry.k8s.io/pause:3.9
    resources: {requests: {cpu: "${cpu}"}}
`;
}

describe('ResourceQuota', () => {
  it('refuses pods past the quota with upstream message, reports usage and frees it on delete', async () => {
    await ok(['create', 'namespace', 'quota']);
    await ok(['create', 'quota', 'compute', '-n', 'quota', '--hard=requests.cpu=1,pods=2']);

    await ok(['create', '-f', '-'], podYaml('a', '500m'));
    const overCpu = await server.kubectl(['create', '-f', '-'], { input: podYaml('big', '600m') });
    expect(overCpu.exitCode).not.toBe(0);
    expect(overCpu.stderr).toContain(
      'pods "big" is forbidden: exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=500m, limited: requests.cpu=1',
    );

    const bare = await server.kubectl(['run', 'bare', '-n', 'quota', '--image=registry.k8s.io/pause:3.9']);
    expect(bare.stderr).toContain('pods "bare" is forbidden: failed quota: compute: must specify requests.cpu for: bare');

    await ok(['create', '-f', '-'], podYaml('b', '500m'));
    const third = await server.kubectl(['create', '-f', '-'], { input: podYaml('c', '100m') });
    expect(third.stderr).toContain('pods "c" is forbidden: exceeded quota: compute, requested: pods=1,requests.cpu=100m, used: pods=2,requests.cpu=1, limited: pods=2,requests.cpu=1');

    const described = await eventually('quota status with usage', async () => {
      const out = await ok(['describe', 'quota', 'compute', '-n', 'quota']);
      return /pods\s+2\s+2/.test(out) && /requests\.cpu\s+1\s+1/.test(out) ? out : undefined;
    });
    expect(described).toMatch(/Resource\s+Used\s+Hard/);

    await ok(['delete', 'pod', 'a', '-n', 'quota', '--grace-period=0', '--force']);
    await eventually('usage freed', async () => {
      const used = await ok(['get', 'quota', 'compute', '-n', 'quota', '-o', 'jsonpath={.status.used}']);
      return used.includes('"pods":"1"') && used.includes('"requests.cpu":"500m"') ? true : undefined;
    });
    await ok(['create', '-f', '-'], podYaml('c', '100m'));
  });
});
