import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { startServer, type RunningServer } from './harness/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

describe('kubectl get --watch', () => {
  it('prints the initial state, then changes as they happen', async () => {
    await server.kubectl(['create', 'configmap', 'w1']);
    const watch = execa('kubectl', ['get', 'configmaps', '--watch', '-o', 'name'], { env: { KUBECONFIG: server.kubeconfig, HOME: server.dataDir }, reject: false });
    let out = '';
    watch.stdout!.on('data', (d) => (out += d));
    const until = async (pred: () => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!pred()) {
        if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await until(() => out.includes('configmap/w1'));
    await server.kubectl(['create', 'configmap', 'w2']);
    await until(() => out.includes('configmap/w2'));
    watch.kill('SIGTERM');
    await watch;
  });
});
