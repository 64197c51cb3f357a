export interface OpenLoopOptions {
  ratePerSecond: number;
  durationMs: number;
  /** Sends the i-th request; resolves when its answer is complete, rejects on a failure. */
  send: (i: number) => Promise<void>;
}

export interface OpenLoopResult {
  /** Completion minus *scheduled* send time, ms: queueing behind slow answers counts. */
  latencies: number[];
  /** Actual minus scheduled send time, ms: the load generator's own timer jitter. */
  lateness: number[];
  failures: number;
  firstFailure?: string;
}

/**
 * An open-loop load: request i is due at start + i / rate whatever happened to earlier ones,
 * and its latency is measured from that due time. A closed loop (send after the previous
 * answer) would hide a stall by simply sending less during it: coordinated omission.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const interval = 1000 / options.ratePerSecond;
  const total = Math.round((options.durationMs / 1000) * options.ratePerSecond);
  const result: OpenLoopResult = { latencies: [], lateness: [], failures: 0 };
  const pending: Promise<void>[] = [];
  const start = performance.now() + 5;
  let i = 0;
  while (i < total) {
    const now = performance.now();
    for (; i < total && start + i * interval <= now; i++) {
      const due = start + i * interval;
      result.lateness.push(now - due);
      pending.push(
        options.send(i).then(
          () => void result.latencies.push(performance.now() - due),
          (err) => {
            result.failures++;
            result.firstFailure ??= String(err);
          },
        ),
      );
    }
    const nextDue = start + i * interval;
    await new Promise((r) => setTimeout(r, Math.max(0, nextDue - performance.now())));
  }
  await Promise.all(pending);
  return result;
}
