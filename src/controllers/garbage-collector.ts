import { isConflict, isNotFound, objectKey, splitObjectKey, WorkQueue, type Clock, type KubeObject, type ResourceType } from '../client/index.ts';
import { runWorkers, type Controller, type ControllerContext, type OwnerReference } from './framework/index.ts';
import { discoverResources, supportingAll, type ApiResource } from './garbage-collector/api-resources.ts';
import { Monitors, type Located } from './garbage-collector/monitors.ts';
import {
  dependentAction,
  finalizersOf,
  FOREGROUND,
  isDeletingDependents,
  ORPHAN,
  ownerDeletionAction,
  ownerReferencesOf,
  ownerState,
  referencesWithout,
  unblockedReferences,
  type OwnerState,
} from './garbage-collector/owner-decisions.ts';

/** How often new resources (CRDs) are looked for, as kube-controller-manager resyncs the collector's monitors. */
const DISCOVERY_PERIOD_MS = 30_000;
/** Upstream ignores events: they are many, and nothing owns them. */
const IGNORED = new Set(['/events', 'events.k8s.io/events']);
const ABSENT_OWNERS_KEPT = 10_000;
/** A new or changed CRD wakes discovery at once, so custom owners are known before the next period. */
const CUSTOM_RESOURCE_DEFINITIONS: ResourceType = { group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions', namespaced: false };

/**
 * Upstream's garbage collector, level-triggered over shared informers of every deletable
 * resource (custom resources included, found again every 30 s):
 * - an object whose owners are all gone is deleted (Background unless its own finalizers say otherwise);
 *   an owner missing from the cache is confirmed absent by a live GET with a uid check first;
 * - an owner deleted in the foreground (`foregroundDeletion` finalizer) loses the finalizer once
 *   no dependent with blockOwnerDeletion is left, its dependents being deleted first;
 * - an owner deleted with `orphan` has its references removed from every dependent, then the finalizer.
 * Keys are `<apiVersion>/<resource>|<namespace>/<name>`.
 */
export const garbageCollectorController: Controller = {
  name: 'garbage-collector',
  eventSource: 'garbage-collector-controller',
  async start(ctx: ControllerContext, signal: AbortSignal): Promise<void> {
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const keyOf = (r: ApiResource, o: KubeObject) => `${Monitors.idOf(r)}|${objectKey(o)}`;
    const enqueue = (l: Located | undefined) => l && queue.add(keyOf(l.resource, l.obj));
    const enqueueDeletingOwners = (o: KubeObject) => {
      for (const ref of ownerReferencesOf(o)) {
        const owner = monitors.byUid(ref.uid);
        if (owner?.obj.metadata.deletionTimestamp) enqueue(owner);
      }
    };
    const monitors: Monitors = new Monitors(ctx.informers, {
      onAdd: (r, o) => {
        if (ownerReferencesOf(o).length > 0 || hasCollectorFinalizer(o)) queue.add(keyOf(r, o));
      },
      onUpdate: (r, old, o) => {
        const refsChanged = JSON.stringify(ownerReferencesOf(old)) !== JSON.stringify(ownerReferencesOf(o));
        const deletionChanged = old.metadata.deletionTimestamp !== o.metadata.deletionTimestamp || finalizersOf(old).join() !== finalizersOf(o).join();
        if (refsChanged || deletionChanged) queue.add(keyOf(r, o));
        // A dependent that dropped its reference or started going may be what its owner waits for.
        if (refsChanged) enqueueDeletingOwners(old);
        if (deletionChanged) enqueueDeletingOwners(o);
      },
      onDelete: (_, o) => {
        for (const dependent of monitors.dependentsOf(o.metadata.uid ?? '')) enqueue(dependent);
        enqueueDeletingOwners(o);
      },
    });
    const wake = new Wakeup(ctx.clock, signal);
    const crds = ctx.informers.informerFor(CUSTOM_RESOURCE_DEFINITIONS);
    crds.addEventHandler({ onAdd: () => wake.now(), onUpdate: () => wake.now(), onDelete: () => wake.now() });
    const collector = new Collector(ctx, monitors, enqueue);
    let workers: Promise<void> | undefined;
    while (!signal.aborted) {
      try {
        const deletable = supportingAll(await discoverResources(ctx.transport, signal), ['delete', 'list', 'watch']).filter(
          (r) => !IGNORED.has(`${r.type.group}/${r.type.resource}`),
        );
        if (monitors.add(deletable) > 0) {
          ctx.informers.start(signal);
          if (!(await ctx.informers.waitForCacheSync(signal))) break;
          // Objects whose owners were of a kind nobody served yet are looked at again.
          for (const key of collector.takeUnresolved()) queue.add(key);
        }
        workers ??= runWorkers({ queue, workers: ctx.options.workers, signal, reconcile: (key) => collector.sync(key) });
      } catch {
        // Discovery failed: the monitors in place keep working; try again next period.
      }
      await wake.after(DISCOVERY_PERIOD_MS);
    }
    await workers;
  },
};

/** A sleep that `now()` cuts short. */
class Wakeup {
  private cut?: () => void;
  private pending = false;

  constructor(private readonly clock: Clock, private readonly signal: AbortSignal) {}

  now(): void {
    this.pending = true;
    this.cut?.();
  }

  after(ms: number): Promise<void> {
    if (this.pending || this.signal.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        cancel();
        this.signal.removeEventListener('abort', done);
        this.cut = undefined;
        this.pending = false;
        resolve();
      };
      const cancel = this.clock.setTimer(ms, done);
      this.cut = done;
      this.signal.addEventListener('abort', done, { once: true });
    });
  }
}

function hasCollectorFinalizer(o: KubeObject): boolean {
  const f = finalizersOf(o);
  return Boolean(o.metadata.deletionTimestamp) && (f.includes(ORPHAN) || f.includes(FOREGROUND));
}

class Collector {
  /** Owner uids confirmed gone (upstream's absentOwnerCache): saves a GET per dependent of a deleted owner. */
  private readonly absent = new Set<string>();
  /** Keys of objects with an owner of a kind no monitored resource serves (yet). */
  private unresolved = new Set<string>();

  takeUnresolved(): string[] {
    const keys = [...this.unresolved];
    this.unresolved = new Set();
    return keys;
  }

  constructor(
    private readonly ctx: ControllerContext,
    private readonly monitors: Monitors,
    private readonly enqueue: (l: Located | undefined) => void,
  ) {}

  async sync(key: string): Promise<void> {
    const bar = key.indexOf('|');
    const item = this.monitors.get(key.slice(0, bar), key.slice(bar + 1));
    if (!item) return;
    const { obj } = item;
    if (obj.metadata.deletionTimestamp) return this.syncDeletingOwner(item);
    const refs = ownerReferencesOf(obj);
    if (refs.length === 0) return;
    const owners: { uid: string; state: OwnerState }[] = [];
    for (const ref of refs) {
      if (!this.monitors.resourceFor(ref)) this.unresolved.add(key);
      owners.push({ uid: ref.uid, state: await this.ownerStateOf(ref, item) });
    }
    const dependents = this.monitors.dependentsOf(obj.metadata.uid ?? '');
    const action = dependentAction({
      obj,
      owners,
      hasDependents: dependents.length > 0,
      aDependentIsDeletingDependents: dependents.some((d) => isDeletingDependents(d.obj)),
    });
    if (action.kind === 'none') return;
    if (action.kind === 'removeOwnerReferences') return this.writeReferences(item, referencesWithout(obj, new Set(action.uids)));
    if (action.unblockFirst) await this.writeReferences(item, unblockedReferences(obj));
    await this.delete(item, action.policy);
  }

  private async syncDeletingOwner(owner: Located): Promise<void> {
    const dependents = this.monitors.dependentsOf(owner.obj.metadata.uid ?? '');
    const action = ownerDeletionAction(owner.obj, dependents.map((d) => d.obj));
    switch (action.kind) {
      case 'none':
        return;
      case 'processDependents':
        for (const d of dependents) if (action.dependents.includes(d.obj)) this.enqueue(d);
        return;
      case 'orphan':
        for (const d of dependents) {
          if (action.dependents.includes(d.obj)) await this.writeReferences(d, referencesWithout(d.obj, new Set([owner.obj.metadata.uid!])));
        }
        return this.removeFinalizer(owner, ORPHAN);
      case 'removeFinalizer':
        return this.removeFinalizer(owner, action.finalizer);
    }
  }

  /** Solid, dangling or waiting: from the cache when it holds the owner, else from the API (a live GET, uid checked). */
  private async ownerStateOf(ref: OwnerReference, dependent: Located): Promise<OwnerState> {
    if (this.absent.has(ref.uid)) return 'dangling';
    const resource = this.monitors.resourceFor(ref);
    // An owner of a kind nobody serves cannot be checked: leave the dependent alone, as upstream does.
    if (!resource) return 'solid';
    // A cluster-scoped object cannot be owned by a namespaced one: such a reference resolves to nothing.
    if (resource.type.namespaced && !dependent.resource.type.namespaced) return 'dangling';
    const cached = this.monitors.cachedOwner(ref, dependent.obj.metadata.namespace);
    if (cached && cached.obj.metadata.uid === ref.uid) return ownerState(cached.obj, ref.uid);
    let live: KubeObject | undefined;
    try {
      live = await this.ctx.client(resource.type).get({ name: ref.name, namespace: resource.type.namespaced ? dependent.obj.metadata.namespace : undefined });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    const state = ownerState(live, ref.uid);
    if (state === 'dangling') this.remember(ref.uid);
    return state;
  }

  private remember(uid: string): void {
    if (this.absent.size >= ABSENT_OWNERS_KEPT) this.absent.clear();
    this.absent.add(uid);
  }

  /** Replaces the owner references, conditional on the version read (a conflict requeues). */
  private async writeReferences(item: Located, ownerReferences: OwnerReference[]): Promise<void> {
    await this.patchMetadata(item, { ownerReferences: ownerReferences.length > 0 ? ownerReferences : null });
  }

  private async removeFinalizer(item: Located, finalizer: string): Promise<void> {
    await this.patchMetadata(item, { finalizers: finalizersOf(item.obj).filter((f) => f !== finalizer) });
  }

  private async patchMetadata(item: Located, metadata: Record<string, unknown>): Promise<void> {
    const { namespace, name } = splitObjectKey(objectKey(item.obj));
    try {
      await this.ctx.client(item.resource.type).patch({
        namespace,
        name,
        type: 'merge',
        patch: { metadata: { ...metadata, resourceVersion: item.obj.metadata.resourceVersion } },
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  private async delete(item: Located, policy: 'Background' | 'Foreground' | 'Orphan'): Promise<void> {
    const { namespace, name } = splitObjectKey(objectKey(item.obj));
    try {
      await this.ctx.client(item.resource.type).delete({ namespace, name, propagationPolicy: policy, preconditions: { uid: item.obj.metadata.uid } });
    } catch (e) {
      // Gone already, or a new object took the name (the uid precondition failed): nothing to collect.
      if (!isNotFound(e) && !isConflict(e)) throw e;
    }
  }
}
