import { httpsClient } from '../../test/e2e/harness/https-client.ts';
import { startServer, type RunningServer } from '../../test/e2e/harness/server.ts';
import { checkAcknowledgedWrites, type DurabilityReport, type StoredObject } from './acknowledged-writes.ts';
import { runCreateLoad, type CreateLoadResult } from './create-load.ts';
import { configMap, createNamespace } from './objects.ts';

export interface CrashOptions {
  /** How long the creates run before kill -9. */
  loadMs: number;
  /** Callers creating ConfigMaps as fast as they can. */
  concurrency: number;
}

export interface CrashOutcome {
  load: CreateLoadResult;
  report: DurabilityReport;
  /** From spawn of the restarted server to its "ready on" line, with the crashed data dir. */
  restartMs: number;
}

const namespace = 'crash';
const collection = `/api/v1/namespaces/${namespace}/configmaps`;

/**
 * Kills `skiff server` with SIGKILL while `concurrency` clients create 1 KiB ConfigMaps,
 * restarts it on the same data dir and port, and checks every acknowledged create against
 * what the restarted server lists. Shared by bench/crash-safety.ts and the e2e test, so the
 * figure the benchmark prints and the property the suite enforces are the same check.
 *
 * @example
 * const { report } = await createsThroughKill9({ loadMs: 2000, concurrency: 16 });
 */
export async function createsThroughKill9(options: CrashOptions): Promise<CrashOutcome> {
  const servers: RunningServer[] = [];
  try {
    const first = await startServer();
    servers.push(first);
    const http = await httpsClient(first);
    await createNamespace(http, namespace);
    const abort = new AbortController();
    const loading = runCreateLoad({
      request: http,
      collectionPath: collection,
      concurrency: options.concurrency,
      objectFor: (i) => configMap(`cm-${i}`),
      signal: abort.signal,
    });
    await new Promise((r) => setTimeout(r, options.loadMs));
    // Kill first, then stop the callers: the kill must land while creates are in flight.
    await first.kill();
    abort.abort();
    const load = await loading;
    http.agent.destroy();

    const restartStarted = performance.now();
    const second = await startServer({ dataDir: first.dataDir, port: first.port });
    servers.push(second);
    const restartMs = performance.now() - restartStarted;
    const http2 = await httpsClient(second);
    const listed = await http2('GET', collection);
    if (listed.status !== 200) throw new Error(`LIST after restart: HTTP ${listed.status} ${listed.body.slice(0, 300)}`);
    const stored: StoredObject[] = listed.json().items.map((o: { metadata: { name: string; uid: string; resourceVersion: string } }) => ({
      name: o.metadata.name,
      uid: o.metadata.uid,
      resourceVersion: Number(o.metadata.resourceVersion),
    }));
    const after = await http2('POST', collection, { body: JSON.stringify(configMap('after-restart')) });
    if (after.status !== 201) throw new Error(`create after restart: HTTP ${after.status} ${after.body.slice(0, 300)}`);
    http2.agent.destroy();
    const report = checkAcknowledgedWrites({
      acknowledged: load.acknowledged,
      stored,
      resourceVersionAfterRestart: Number(after.json().metadata.resourceVersion),
    });
    return { load, report, restartMs };
  } finally {
    for (const s of servers) await s.kill();
    await servers[0]?.cleanup();
  }
}
