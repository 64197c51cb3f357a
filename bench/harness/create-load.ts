import type { Requester } from '../../test/e2e/harness/https-client.ts';

/** A create the server acknowledged with 201, as the client saw it. */
export interface AcknowledgedWrite {
  name: string;
  uid: string;
  resourceVersion: number;
}

export interface CreateLoadOptions {
  request: Requester;
  /** The collection to POST to, e.g. /api/v1/namespaces/bench/configmaps. */
  collectionPath: string;
  /** Callers creating at the same time, each waiting for its answer before the next create. */
  concurrency: number;
  /** The object to create as the i-th write; its metadata.name must be unique. */
  objectFor: (i: number) => Record<string, unknown>;
  /** Stop after this many creates... */
  count?: number;
  /** ...or stop starting creates after this long, whichever comes first. */
  durationMs?: number;
  /** A signal that ends the load early (the crash benchmark aborts when it kills the server). */
  signal?: AbortSignal;
}

export interface CreateLoadResult {
  acknowledged: AcknowledgedWrite[];
  /** Answers other than 201 (the first one is kept in firstRejection). */
  rejected: number;
  firstRejection?: string;
  /** Requests that got no answer at all (connection reset, refused): outcome unknown. */
  unanswered: number;
  elapsedMs: number;
}

/**
 * Closed-loop creates from `concurrency` callers sharing the requester's keep-alive sockets.
 * A request that fails at the transport level ends its caller rather than the load: after a
 * kill -9 every caller sees exactly one such failure, and the writes it had in flight have
 * an unknown outcome, which the crash check must not count as acknowledged.
 */
export async function runCreateLoad(options: CreateLoadOptions): Promise<CreateLoadResult> {
  const limit = options.count ?? Number.POSITIVE_INFINITY;
  const result: CreateLoadResult = { acknowledged: [], rejected: 0, unanswered: 0, elapsedMs: 0 };
  const started = performance.now();
  const deadline = options.durationMs === undefined ? Number.POSITIVE_INFINITY : started + options.durationMs;
  let next = 0;
  const caller = async () => {
    while (next < limit && performance.now() < deadline && !options.signal?.aborted) {
      const i = next++;
      let answer;
      try {
        answer = await options.request('POST', options.collectionPath, { body: JSON.stringify(options.objectFor(i)) });
      } catch {
        result.unanswered++;
        return;
      }
      if (answer.status !== 201) {
        result.rejected++;
        result.firstRejection ??= `HTTP ${answer.status}: ${answer.body.slice(0, 300)}`;
        continue;
      }
      const meta = answer.json().metadata;
      result.acknowledged.push({ name: meta.name, uid: meta.uid, resourceVersion: Number(meta.resourceVersion) });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  result.elapsedMs = performance.now() - started;
  return result;
}
