import { NAMESPACE_INDEX, WorkQueue, isNotFound, objectKey, type Informer, type ResourceClient, type ResourceType } from '../client/index.ts';
import { controllerOf, controllerRef, isPodActive, resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { claimObjects } from './replicaset/claim-objects.ts';
import { controllerEvents } from './replicaset/controller-events.ts';
import { controllerUidIndex, orphanKey } from './replicaset/controller-uid-index.ts';
import type { EventSink } from './replicaset/event-spam-filter.ts';
import { Expectations } from './replicaset/expectations.ts';
import { isEmptySelector, selectorFromMap, selectorMatches } from '../selectors/label-selector-match.ts';
import { podFromTemplate } from './replicaset/pod-from-template.ts';
import { podsToDelete } from './replicaset/pods-to-delete.ts';
import { availabilityRecheckMs, replicaSetStatus, replicaSetStatusChanged } from './replicaset/replicaset-status.ts';
import { metaTime } from './replicaset/meta-time.ts';
import { slowStartBatch } from './replicaset/slow-start.ts';
import type { LabelSelector, Pod, ReplicaSet } from './replicaset/types.ts';

/** As upstream's BurstReplicas: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 500;
/** As controller.SlowStartInitialBatchSize. */
const SLOW_START_INITIAL_BATCH = 1;

/** What differs between a ReplicaSet and a ReplicationController: the same controller runs both, as upstream. */
export interface PodSetKind {
  name: string;
  /** The event source upstream's controller reports as (`kubectl describe` shows it under From). */
  component: string;
  apiVersion: string;
  kind: string;
  type: ResourceType;
  selectorOf(owner: ReplicaSet): LabelSelector | undefined;
}

export const replicaSetKind: PodSetKind = {
  name: 'replicaset',
  component: 'replicaset-controller',
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  type: resources.replicaSets,
  selectorOf: (rs) => rs.spec.selector,
};

/** core/v1 ReplicationController: a map selector, defaulted to the template's labels by the API. */
export const replicationControllerKind: PodSetKind = {
  name: 'replicationcontroller',
  component: 'replication-controller',
  apiVersion: 'v1',
  kind: 'ReplicationController',
  type: resources.replicationControllers,
  selectorOf: (rc) => selectorFromMap((rc.spec.selector as Record<string, string> | undefined) ?? rc.spec.template?.metadata?.labels),
};

/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods
 * matching each ReplicaSet's selector, adopting orphans and releasing pods that stopped
 * matching, and reports counts and the ReplicaFailure condition in status.
 */
export function replicaSetController(kind: PodSetKind = replicaSetKind, opts: { burstReplicas?: number } = {}): Controller {
  return {
    name: kind.name,
    async start(ctx, signal) {
      const sync = new PodSetSync(ctx, { kind, burst: opts.burstReplicas ?? BURST_REPLICAS, events: controllerEvents(ctx, kind.component) });
      sync.register();
      if (!(await ctx.informers.waitForCacheSync(signal))) return;
      await runWorkers({ queue: sync.queue, workers: ctx.options.workers, reconcile: (key) => sync.reconcile(key), signal });
    },
  };
}

class PodSetSync {
  readonly queue: WorkQueue<string>;
  private readonly owners: Informer<ReplicaSet>;
  private readonly pods: Informer<Pod>;
  private readonly ownerClient: ResourceClient<ReplicaSet>;
  private readonly podClient: ResourceClient<Pod>;
  private readonly expectations: Expectations;
  private readonly kind: PodSetKind;
  /** Named per controller: the pod informer is shared and index names are unique. */
  private readonly uidIndex: string;
  private readonly burst: number;
  private readonly events: EventSink;

  constructor(
    private readonly ctx: ControllerContext,
    opts: { kind: PodSetKind; burst: number; events: EventSink },
  ) {
    const kind = opts.kind;
    this.kind = kind;
    this.uidIndex = `${kind.component}/controller-uid`;
    this.burst = opts.burst;
    this.events = opts.events;
    this.queue = new WorkQueue<string>({ clock: ctx.clock });
    this.owners = ctx.informers.informerFor<ReplicaSet>(kind.type);
    this.pods = ctx.informers.informerFor<Pod>(resources.pods);
    this.ownerClient = ctx.client<ReplicaSet>(kind.type);
    this.podClient = ctx.client<Pod>(resources.pods);
    this.expectations = new Expectations(ctx.clock);
  }

  /** Handlers only enqueue keys and account for observed creations and deletions. */
  register(): void {
    this.pods.addIndexer(this.uidIndex, controllerUidIndex);
    this.owners.addEventHandler({
      onAdd: (rs) => this.queue.add(objectKey(rs)),
      onUpdate: (_old, rs) => this.queue.add(objectKey(rs)),
      onDelete: (rs) => {
        this.expectations.forget(objectKey(rs));
        this.queue.add(objectKey(rs));
      },
    });
    this.pods.addEventHandler({
      onAdd: (pod) => {
        if (pod.metadata.deletionTimestamp) return this.podGone(pod);
        const key = this.ownerKeyOf(pod);
        if (key) {
          this.expectations.creationObserved(key);
          this.queue.add(key);
        } else if (!controllerOf(pod)) this.enqueueMatchingOwners(pod);
      },
      onUpdate: (old, pod) => {
        if (pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) return this.podGone(pod);
        const oldKey = this.ownerKeyOf(old);
        const key = this.ownerKeyOf(pod);
        if (oldKey && oldKey !== key) this.queue.add(oldKey);
        if (key) this.queue.add(key);
        else if (!controllerOf(pod) && (oldKey || JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels))) this.enqueueMatchingOwners(pod);
      },
      onDelete: (pod) => this.podGone(pod),
    });
  }

  private podGone(pod: Pod): void {
    const key = this.ownerKeyOf(pod);
    if (!key) return;
    this.expectations.deletionObserved(key, objectKey(pod));
    this.queue.add(key);
  }

  /** `namespace/name` of the pod's controlling owner when it is one of ours. */
  private ownerKeyOf(pod: Pod): string | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== this.kind.kind || ref.apiVersion.split('/')[0] !== this.kind.apiVersion.split('/')[0]) return undefined;
    const key = `${pod.metadata.namespace}/${ref.name}`;
    const owner = this.owners.get(key);
    return owner && owner.metadata.uid === ref.uid ? key : undefined;
  }

  /** An orphan may be adopted by any owner whose selector covers it (getPodReplicaSets). */
  private enqueueMatchingOwners(pod: Pod): void {
    for (const rs of this.owners.byIndex(NAMESPACE_INDEX, pod.metadata.namespace ?? '')) {
      const selector = this.kind.selectorOf(rs);
      if (!isEmptySelector(selector) && selectorMatches(selector, pod.metadata.labels)) this.queue.add(objectKey(rs));
    }
  }

  async reconcile(key: string): Promise<void> {
    const cached = this.owners.get(key);
    if (!cached) {
      this.expectations.forget(key);
      return;
    }
    const rs: ReplicaSet = { ...cached, apiVersion: this.kind.apiVersion, kind: this.kind.kind };
    const needsSync = this.expectations.satisfied(key) && !rs.metadata.deletionTimestamp;
    // Only pods we own or could adopt: others' pods are never ours (claimDecision skips them).
    const candidates = [...this.pods.byIndex(this.uidIndex, rs.metadata.uid ?? ''), ...this.pods.byIndex(this.uidIndex, orphanKey(rs.metadata.namespace ?? ''))];
    const active = candidates.filter(isPodActive);
    const owned = await this.claimPods(rs, active);
    let manageError: Error | undefined;
    if (needsSync) manageError = await this.manageReplicas(key, rs, owned);
    const now = this.ctx.now();
    const status = replicaSetStatus({ rs, activePods: owned, manageError, now, stamp: metaTime(now) });
    if (replicaSetStatusChanged(rs.status, status)) {
      await this.ownerClient.patch({
        namespace: rs.metadata.namespace,
        name: rs.metadata.name!,
        subresource: 'status',
        type: 'merge',
        // Counters other than replicas are `omitempty` upstream: zero is written as absent.
        patch: {
          status: {
            replicas: status.replicas,
            fullyLabeledReplicas: status.fullyLabeledReplicas || null,
            readyReplicas: status.readyReplicas || null,
            availableReplicas: status.availableReplicas || null,
            observedGeneration: status.observedGeneration || null,
            conditions: status.conditions ?? null,
          },
        },
      });
    }
    const recheck = availabilityRecheckMs(rs, status);
    if (recheck !== undefined && !manageError) this.queue.addAfter(key, recheck);
    if (manageError) throw manageError;
  }

  /** Adopts matching orphans and releases owned pods that stopped matching; answers the pods we own. */
  private claimPods(rs: ReplicaSet, active: Pod[]): Promise<Pod[]> {
    const selector = this.kind.selectorOf(rs);
    return claimObjects({
      owner: rs,
      ref: controllerRef(rs, this.kind.apiVersion, this.kind.kind),
      candidates: active,
      matches: (pod) => !isEmptySelector(selector) && selectorMatches(selector, pod.metadata.labels),
      client: this.podClient,
      readOwner: () => this.ownerClient.get({ namespace: rs.metadata.namespace, name: rs.metadata.name! }),
    });
  }

  /** Creates or deletes pods so that `owned` reaches spec.replicas (upstream's manageReplicas). */
  private async manageReplicas(key: string, rs: ReplicaSet, owned: Pod[]): Promise<Error | undefined> {
    const diff = owned.length - (rs.spec.replicas ?? 1);
    if (diff < 0) {
      const count = Math.min(-diff, this.burst);
      // Expect the creations first: their watch events may arrive before the requests return.
      this.expectations.expect(key, { adds: count });
      const ref = controllerRef(rs, this.kind.apiVersion, this.kind.kind);
      const { succeeded, error } = await slowStartBatch({
        count,
        initialBatchSize: SLOW_START_INITIAL_BATCH,
        fn: async () => {
          const pod = podFromTemplate({ template: rs.spec.template ?? {}, namespace: rs.metadata.namespace ?? 'default', ownerName: rs.metadata.name!, ref });
          try {
            const created = await this.podClient.create(pod);
            this.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
          } catch (e) {
            this.events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
            // A failed create will never be observed.
            this.expectations.creationObserved(key);
            if (isNamespaceTerminating(e)) return;
            throw e;
          }
        },
      });
      // Creations never attempted will not be observed either.
      const attempted = error ? succeeded + 1 : count;
      if (count - attempted > 0) this.expectations.creationObserved(key, count - attempted);
      return error;
    }
    if (diff > 0) {
      const count = Math.min(diff, this.burst);
      const victims = podsToDelete({ pods: owned, related: this.relatedPods(rs), count, now: this.ctx.now() });
      this.expectations.expect(key, { deletes: victims.map((p) => objectKey(p)) });
      const results = await Promise.allSettled(
        victims.map(async (pod) => {
          try {
            await this.podClient.delete({ namespace: pod.metadata.namespace, name: pod.metadata.name! });
            this.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
          } catch (e) {
            // The informer will not observe a deletion that failed.
            this.expectations.deletionObserved(key, objectKey(pod));
            if (isNotFound(e)) return;
            this.events.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${(e as Error).message}`);
            throw e;
          }
        }),
      );
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      return failure ? (failure.reason as Error) : undefined;
    }
    return undefined;
  }

  /** Active pods of every owner sharing this one's controller (a Deployment's other ReplicaSets), for spreading on scale-down. */
  private relatedPods(rs: ReplicaSet): Pod[] {
    const parent = controllerOf(rs);
    const siblings = parent
      ? new Set(this.owners.byIndex(NAMESPACE_INDEX, rs.metadata.namespace ?? '').filter((o) => controllerOf(o)?.uid === parent.uid).map((o) => o.metadata.uid))
      : new Set([rs.metadata.uid]);
    return [...siblings].flatMap((uid) => this.pods.byIndex(this.uidIndex, uid ?? '')).filter(isPodActive);
  }
}

function isNamespaceTerminating(e: unknown): boolean {
  const causes = (e as { status?: { details?: { causes?: { reason?: string }[] } } })?.status?.details?.causes ?? [];
  return causes.some((c) => c.reason === 'NamespaceTerminating');
}
