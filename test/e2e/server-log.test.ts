import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './harness/server.ts';
import { eventually } from './controllers/poll.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

describe('skiff server at rest', () => {
  it('starts every controller and the scheduler without errors or runtime warnings', async () => {
    // The controllers have run once the default ServiceAccounts exist.
    await eventually('default service accounts', async () => ((await server.kubectl(['get', 'sa', '-A', '-o', 'name'])).stdout.includes('serviceaccount/default') ? true : undefined));
    const log = server.output();
    expect(log).toMatch(/API server .* ready on https:\/\/127\.0\.0\.1:\d+/);
    expect(log).not.toMatch(/stopped:|Warning|Error|TypeError/);
  });

  it('stops promptly on SIGTERM', async () => {
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.process.exitCode).toBe(0);
  });
});
