/**
 * Crash safety: kill -9 `skiff server` after ~3 s of creates from 16 clients, restart it on
 * the same data dir, and check every acknowledged create (present by name and uid, none
 * duplicated, resourceVersion still increasing). Loss must be 0.
 *
 *   node --import tsx bench/crash-safety.ts
 */
import { isDurable, lostWrites } from './harness/acknowledged-writes.ts';
import { createsThroughKill9 } from './harness/crash-during-creates.ts';
import type { Figure } from './harness/figures.ts';
import { runIfMain } from './harness/run-if-main.ts';

export interface CrashSafetyOptions {
  loadMs?: number;
  concurrency?: number;
}

export async function crashSafetyBenchmark(options: CrashSafetyOptions = {}): Promise<Figure[]> {
  const { load, report, restartMs } = await createsThroughKill9({ loadMs: options.loadMs ?? 3000, concurrency: options.concurrency ?? 16 });
  const benchmark = 'crash safety';
  const problems = [
    report.missing.length ? `missing ${report.missing.slice(0, 5).join(',')}` : '',
    report.uidChanged.length ? `uid changed ${report.uidChanged.slice(0, 5).join(',')}` : '',
    report.resourceVersionChanged.length ? `RV changed ${report.resourceVersionChanged.slice(0, 5).join(',')}` : '',
    report.duplicated.length ? `duplicated ${report.duplicated.slice(0, 5).join(',')}` : '',
    report.resourceVersionIncreases ? '' : `RV after restart ${report.resourceVersionAfterRestart} <= acknowledged ${report.maxAcknowledgedResourceVersion}`,
  ].filter(Boolean);
  return [
    {
      benchmark,
      name: 'acknowledged creates checked after kill -9',
      value: report.checked,
      unit: '',
      note: `${load.unanswered} in flight at the kill (outcome unknown), ${load.rejected} rejected${load.firstRejection ? ` (${load.firstRejection})` : ''}`,
    },
    { benchmark, name: 'lost or altered acknowledged creates', value: lostWrites(report), unit: '', target: { atMost: 0 }, note: problems.join('; ') || undefined },
    {
      benchmark,
      name: 'durable (no loss, no duplicate, RV increases)',
      value: isDurable(report) ? 1 : 0,
      unit: '',
      target: { atLeast: 1 },
      note: `max acknowledged RV ${report.maxAcknowledgedResourceVersion}, first RV after restart ${report.resourceVersionAfterRestart}`,
    },
    { benchmark, name: 'restart on the crashed data dir to ready', value: restartMs, unit: 'ms' },
  ];
}

await runIfMain(import.meta.url, 'crash safety (kill -9 during creates)', () => crashSafetyBenchmark());
