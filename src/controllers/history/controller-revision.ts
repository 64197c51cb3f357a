import type { KubeObject } from '../../client/index.ts';
import { controllerRef } from '../framework/index.ts';
import { hashRevision } from './revision-hash.ts';
import { canonicalJson } from '../framework/object-hash.ts';

/** The label both DaemonSet and StatefulSet put on revisions and pods (apps/v1 ControllerRevisionHashLabelKey). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

export interface ControllerRevision extends KubeObject {
  data?: unknown;
  revision: number;
}

/**
 * The data a DaemonSet or StatefulSet stores in a ControllerRevision: its pod template as a
 * strategic merge patch that replaces the whole template (upstream's getPatch), so that
 * `kubectl rollout undo` can apply it back onto the parent.
 */
export function templatePatch(template: unknown): unknown {
  return { spec: { template: { ...(template as Record<string, unknown>), $patch: 'replace' } } };
}

/** A new ControllerRevision of `parent` (history.NewControllerRevision): named `<parent>-<hash>`. */
export function newControllerRevision(opts: {
  parent: KubeObject;
  apiVersion: string;
  kind: string;
  labels: Record<string, string>;
  data: unknown;
  revision: number;
  collisionCount?: number;
}): ControllerRevision {
  const hash = hashRevision(opts.data, opts.collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${opts.parent.metadata.name}-${hash}`,
      namespace: opts.parent.metadata.namespace,
      labels: { ...opts.labels, [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [controllerRef(opts.parent, opts.apiVersion, opts.kind)],
    },
    data: opts.data,
    revision: opts.revision,
  };
}

/** The hash part of a revision's name (what its label carries). */
export function revisionHash(revision: ControllerRevision): string {
  return revision.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}

/** history.EqualRevision: same data (compared canonically). */
export function equalRevision(a: ControllerRevision, b: ControllerRevision): boolean {
  return canonicalJson(a.data) === canonicalJson(b.data);
}

/** history.SortControllerRevisions: by revision number, then creation time, then name. */
export function sortRevisions(revisions: ControllerRevision[]): ControllerRevision[] {
  return [...revisions].sort(
    (a, b) =>
      a.revision - b.revision ||
      String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? '')) ||
      (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
}

/** history.NextRevision: one more than the highest revision number (1 when there is none). */
export function nextRevisionNumber(revisions: ControllerRevision[]): number {
  return revisions.reduce((max, r) => Math.max(max, r.revision), 0) + 1;
}

/**
 * Which revisions to delete to keep `limit` old ones (upstream's truncateHistory): the oldest
 * first, never one in `live` (revisions names still used by pods or the status).
 */
export function revisionsToTruncate(opts: { revisions: ControllerRevision[]; live: Set<string>; limit: number }): ControllerRevision[] {
  const old = sortRevisions(opts.revisions).filter((r) => !opts.live.has(r.metadata.name ?? ''));
  const excess = old.length - Math.max(0, opts.limit);
  return excess > 0 ? old.slice(0, excess) : [];
}
