import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './harness/server.ts';
import { httpsClient } from './harness/https-client.ts';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  await servers[0]?.cleanup();
});

describe('a restart keeps every object', () => {
  it('keeps objects across a clean stop and a kill -9, and resourceVersion keeps increasing', async () => {
    const first = await startServer();
    servers.push(first);
    await first.kubectl(['create', 'namespace', 'keep']);
    await first.kubectl(['create', 'configmap', 'a', '-n', 'keep', '--from-literal', 'k=v']);
    await first.kubectl(['create', 'deployment', 'd', '-n', 'keep', '--image', 'nginx']);
    const before = JSON.parse((await first.kubectl(['get', 'configmap', 'a', '-n', 'keep', '-o', 'json'])).stdout);
    await first.stop();

    const second = await startServer({ dataDir: first.dataDir, port: first.port });
    servers.push(second);
    const after = JSON.parse((await second.kubectl(['get', 'configmap', 'a', '-n', 'keep', '-o', 'json'])).stdout);
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect((await second.kubectl(['get', 'deployment', 'd', '-n', 'keep', '-o', 'name'])).stdout.trim()).toBe('deployment.apps/d');

    const http = await httpsClient(second);
    const created = await http('POST', '/api/v1/namespaces/keep/configmaps', { body: JSON.stringify({ metadata: { name: 'b' } }) });
    expect(created.status).toBe(201);
    const rvAfterRestart = Number(created.json().metadata.resourceVersion);
    expect(rvAfterRestart).toBeGreaterThan(Number(before.metadata.resourceVersion));
    http.agent.destroy();
    await second.kill();

    const third = await startServer({ dataDir: first.dataDir, port: first.port });
    servers.push(third);
    const b = JSON.parse((await third.kubectl(['get', 'configmap', 'b', '-n', 'keep', '-o', 'json'])).stdout);
    expect(Number(b.metadata.resourceVersion)).toBe(rvAfterRestart);
    const http3 = await httpsClient(third);
    const c = await http3('POST', '/api/v1/namespaces/keep/configmaps', { body: JSON.stringify({ metadata: { name: 'c' } }) });
    expect(Number(c.json().metadata.resourceVersion)).toBeGreaterThan(rvAfterRestart);
    http3.agent.destroy();
  });
});
