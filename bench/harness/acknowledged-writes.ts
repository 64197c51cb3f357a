import type { AcknowledgedWrite } from './create-load.ts';

/** An object as a LIST after the restart returned it. */
export interface StoredObject {
  name: string;
  uid: string;
  resourceVersion: number;
}

export interface DurabilityInput {
  /** Every create the server answered 201 before it was killed. */
  acknowledged: readonly AcknowledgedWrite[];
  /** What the restarted server lists in the same collection. */
  stored: readonly StoredObject[];
  /** The resourceVersion of a create made after the restart. */
  resourceVersionAfterRestart: number;
}

export interface DurabilityReport {
  checked: number;
  /** Acknowledged names the restarted server does not have: lost writes. */
  missing: string[];
  /** Present, but with another uid: the acknowledged object was replaced. */
  uidChanged: string[];
  /** Present, but with another resourceVersion (these objects were never modified). */
  resourceVersionChanged: string[];
  /** Names or uids the listing holds more than once. */
  duplicated: string[];
  maxAcknowledgedResourceVersion: number;
  resourceVersionAfterRestart: number;
  /** A create after the restart got a higher resourceVersion than every acknowledged one. */
  resourceVersionIncreases: boolean;
}

/**
 * The crash-safety verdict: as etcd promises (and kube-apiserver relies on), a write is
 * durable once acknowledged, and revisions are never reused, so a create after a crash must
 * be numbered above everything acknowledged before it. Writes in flight at the kill may or
 * may not be present; only acknowledged ones are checked.
 *
 * @example
 * const report = checkAcknowledgedWrites({ acknowledged, stored, resourceVersionAfterRestart: 9 });
 * if (!isDurable(report)) console.log(report.missing);
 */
export function checkAcknowledgedWrites(input: DurabilityInput): DurabilityReport {
  const byName = new Map<string, StoredObject>();
  const seenUids = new Set<string>();
  const duplicated = new Set<string>();
  for (const s of input.stored) {
    if (byName.has(s.name)) duplicated.add(`name ${s.name}`);
    else byName.set(s.name, s); // the first copy is checked; the others are reported as duplicates
    if (seenUids.has(s.uid)) duplicated.add(`uid ${s.uid}`);
    seenUids.add(s.uid);
  }
  const report: DurabilityReport = {
    checked: input.acknowledged.length,
    missing: [],
    uidChanged: [],
    resourceVersionChanged: [],
    duplicated: [...duplicated],
    maxAcknowledgedResourceVersion: 0,
    resourceVersionAfterRestart: input.resourceVersionAfterRestart,
    resourceVersionIncreases: false,
  };
  for (const a of input.acknowledged) {
    report.maxAcknowledgedResourceVersion = Math.max(report.maxAcknowledgedResourceVersion, a.resourceVersion);
    const s = byName.get(a.name);
    if (!s) report.missing.push(a.name);
    else if (s.uid !== a.uid) report.uidChanged.push(a.name);
    else if (s.resourceVersion !== a.resourceVersion) report.resourceVersionChanged.push(a.name);
  }
  report.resourceVersionIncreases = input.resourceVersionAfterRestart > report.maxAcknowledgedResourceVersion;
  return report;
}

/** Lost or altered acknowledged writes; 0 is the only acceptable answer. */
export function lostWrites(report: DurabilityReport): number {
  return report.missing.length + report.uidChanged.length + report.resourceVersionChanged.length;
}

export function isDurable(report: DurabilityReport): boolean {
  return lostWrites(report) === 0 && report.duplicated.length === 0 && report.resourceVersionIncreases;
}
