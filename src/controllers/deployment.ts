import { NAMESPACE_INDEX, WorkQueue, isAlreadyExists, isNotFound, objectKey, type Informer, type ResourceClient } from '../client/index.ts';
import { controllerOf, controllerRef, resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { desiredReplicasAnnotation, replicasAnnotationsFor, setNewReplicaSetAnnotations, setReplicasAnnotations } from './deployment/annotations.ts';
import { replicaSetsToCleanUp } from './deployment/cleanup.ts';
import { PROGRESSING, getCondition, newCondition, reasons, setCondition } from './deployment/conditions.ts';
import { POD_TEMPLATE_HASH_LABEL, podTemplateHash } from './deployment/pod-template-hash.ts';
import { canonicalJson } from './framework/object-hash.ts';
import { REVISION_ANNOTATION, activeReplicaSets, equalIgnoreHash, findNewReplicaSet, maxRevision, sum } from './deployment/replica-sets.ts';
import { applyPausedCondition, calculateStatus, hasProgressDeadline, isComplete, rolloutStatus } from './deployment/rollout-status.ts';
import { newReplicaSetReplicas, oldReplicaSetsScaleDown, proportionalScale, type ScaleStep } from './deployment/scale-plans.ts';
import { DEFAULT_REVISION_HISTORY_LIMIT, desiredReplicas, rsReplicas, type Deployment, type DeploymentStatus, type ReplicaSet } from './deployment/types.ts';
import { claimObjects } from './replicaset/claim-objects.ts';
import { isEmptySelector, selectorMatches } from '../selectors/label-selector-match.ts';
import { metaTime } from './replicaset/meta-time.ts';
import type { Pod } from './replicaset/types.ts';
import { controllerEvents } from './replicaset/controller-events.ts';
import type { EventSink } from './replicaset/event-spam-filter.ts';

const API_VERSION = 'apps/v1';

/**
 * The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template,
 * named `<deployment>-<pod-template-hash>`, rolled out by RollingUpdate (maxSurge,
 * maxUnavailable) or Recreate, with revisions, history clean-up, proportional scaling, pause,
 * and the Progressing / Available conditions `kubectl rollout status` reads.
 */
export function deploymentController(): Controller {
  return {
    name: 'deployment',
    async start(ctx, signal) {
      const sync = new DeploymentSync(ctx);
      sync.register();
      if (!(await ctx.informers.waitForCacheSync(signal))) return;
      await runWorkers({ queue: sync.queue, workers: ctx.options.workers, reconcile: (key) => sync.reconcile(key), signal });
    },
  };
}

/** The ReplicaSets a sync works on; scaled ones are replaced as the writes return. */
interface Sets {
  newRS?: ReplicaSet;
  oldRSs: ReplicaSet[];
}

class DeploymentSync {
  readonly queue: WorkQueue<string>;
  private readonly deployments: Informer<Deployment>;
  private readonly replicaSets: Informer<ReplicaSet>;
  private readonly pods: Informer<Pod>;
  private readonly deploymentClient: ResourceClient<Deployment>;
  private readonly rsClient: ResourceClient<ReplicaSet>;
  private readonly events: EventSink;

  constructor(private readonly ctx: ControllerContext) {
    this.events = controllerEvents(ctx, 'deployment-controller');
    this.queue = new WorkQueue<string>({ clock: ctx.clock });
    this.deployments = ctx.informers.informerFor<Deployment>(resources.deployments);
    this.replicaSets = ctx.informers.informerFor<ReplicaSet>(resources.replicaSets);
    this.pods = ctx.informers.informerFor<Pod>(resources.pods);
    this.deploymentClient = ctx.client<Deployment>(resources.deployments);
    this.rsClient = ctx.client<ReplicaSet>(resources.replicaSets);
  }

  register(): void {
    this.deployments.addEventHandler({
      onAdd: (d) => this.queue.add(objectKey(d)),
      onUpdate: (_old, d) => this.queue.add(objectKey(d)),
      onDelete: (d) => this.queue.add(objectKey(d)),
    });
    this.replicaSets.addEventHandler({
      onAdd: (rs) => this.enqueueOwnerOf(rs),
      onUpdate: (old, rs) => {
        if (controllerOf(old)?.uid !== controllerOf(rs)?.uid) this.enqueueOwnerOf(old);
        this.enqueueOwnerOf(rs);
      },
      onDelete: (rs) => this.enqueueOwnerOf(rs),
    });
    // Recreate waits for old pods to be gone (upstream's deletePod handler).
    this.pods.addEventHandler({
      onDelete: (pod) => this.enqueueRecreateOwnerOf(pod),
      onUpdate: (old, pod) => {
        if (old.status?.phase !== pod.status?.phase || (!old.metadata.deletionTimestamp && pod.metadata.deletionTimestamp)) this.enqueueRecreateOwnerOf(pod);
      },
    });
  }

  private enqueueOwnerOf(rs: ReplicaSet): void {
    const ref = controllerOf(rs);
    if (ref) {
      if (ref.kind === 'Deployment') this.queue.add(`${rs.metadata.namespace}/${ref.name}`);
      return;
    }
    // An orphan: every deployment that could adopt it (getDeploymentsForReplicaSet).
    for (const d of this.deployments.byIndex(NAMESPACE_INDEX, rs.metadata.namespace ?? '')) {
      if (!isEmptySelector(d.spec.selector) && selectorMatches(d.spec.selector, rs.metadata.labels)) this.queue.add(objectKey(d));
    }
  }

  private enqueueRecreateOwnerOf(pod: Pod): void {
    const rsRef = controllerOf(pod);
    if (rsRef?.kind !== 'ReplicaSet') return;
    const rs = this.replicaSets.get(`${pod.metadata.namespace}/${rsRef.name}`);
    const dRef = rs && controllerOf(rs);
    if (dRef?.kind !== 'Deployment') return;
    const key = `${pod.metadata.namespace}/${dRef.name}`;
    if (this.deployments.get(key)?.spec.strategy?.type === 'Recreate') this.queue.add(key);
  }

  async reconcile(key: string): Promise<void> {
    const inCache = this.deployments.get(key);
    if (!inCache) return;
    // Two copies: `d` is worked on, `cached` remembers the status last written (caches share objects).
    const d: Deployment = { ...structuredClone(inCache), apiVersion: API_VERSION, kind: 'Deployment' };
    const cached = structuredClone(d);
    const status = () => d.status ?? (d.status = {});
    if (isEmptySelector(d.spec.selector)) {
      // As upstream: a deployment selecting every pod is refused, and says so.
      this.events.record(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        await this.patchStatus(d, { ...status(), observedGeneration: d.metadata.generation });
      }
      return;
    }
    const rsList = await this.claimReplicaSets(d);
    if (d.metadata.deletionTimestamp) return this.syncStatusOnly(d, rsList);
    if (applyPausedCondition(d, status(), this.stamp())) await this.saveStatus(d, cached);
    if (d.spec.paused || (await this.isScalingEvent(d, rsList))) return this.syncScale(d, rsList, cached);
    if (d.spec.strategy?.type === 'Recreate') return this.rolloutRecreate(d, rsList, cached);
    return this.rolloutRolling(d, rsList, cached);
  }

  private stamp(): string {
    return metaTime(this.ctx.now());
  }

  /** Adopts orphan ReplicaSets the selector covers and releases owned ones it stopped covering. */
  private claimReplicaSets(d: Deployment): Promise<ReplicaSet[]> {
    return claimObjects({
      owner: d,
      ref: controllerRef(d, API_VERSION, 'Deployment'),
      candidates: this.replicaSets.byIndex(NAMESPACE_INDEX, d.metadata.namespace ?? ''),
      matches: (rs) => selectorMatches(d.spec.selector, rs.metadata.labels),
      client: this.rsClient,
      readOwner: () => this.deploymentClient.get({ namespace: d.metadata.namespace, name: d.metadata.name! }),
    });
  }

  /**
   * The new ReplicaSet (created when asked and missing) and the old ones, with the revision
   * synced onto both the new ReplicaSet and the deployment (getAllReplicaSetsAndSyncRevision).
   */
  private async replicaSetsAndSyncRevision(d: Deployment, rsList: ReplicaSet[], create: boolean): Promise<Sets> {
    const existing = findNewReplicaSet(d, rsList);
    const oldRSs = rsList.filter((rs) => rs !== existing);
    const newRevision = maxRevision(oldRSs) + 1;
    if (existing) {
      let newRS = existing;
      const copy: ReplicaSet = { ...structuredClone(existing), apiVersion: API_VERSION, kind: 'ReplicaSet' };
      const annotationsChanged = setNewReplicaSetAnnotations({ d, rs: copy, newRevision, exists: true });
      if (annotationsChanged || (copy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0)) {
        copy.spec.minReadySeconds = d.spec.minReadySeconds ?? 0;
        newRS = await this.rsClient.update(copy);
        rsList.splice(rsList.indexOf(existing), 1, newRS);
      }
      await this.setDeploymentRevision(d, newRS.metadata.annotations?.[REVISION_ANNOTATION] ?? String(newRevision));
      if (hasProgressDeadline(d) && !getCondition(d.status, PROGRESSING)) {
        setCondition((d.status ??= {}), newCondition({ type: PROGRESSING, status: 'True', reason: reasons.foundNewRS, message: `Found new replica set "${newRS.metadata.name}"`, stamp: this.stamp() }));
      }
      return { newRS, oldRSs };
    }
    if (!create) return { oldRSs };
    const newRS = await this.createNewReplicaSet(d, { oldRSs, newRevision });
    if (newRS) rsList.push(newRS);
    return { newRS, oldRSs };
  }

  private async createNewReplicaSet(d: Deployment, opts: { oldRSs: ReplicaSet[]; newRevision: number }): Promise<ReplicaSet | undefined> {
    const hash = podTemplateHash(d.spec.template, d.status?.collisionCount);
    const template = structuredClone(d.spec.template ?? {});
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
    const selector = structuredClone(d.spec.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const name = `${d.metadata.name}-${hash}`;
    const rs: ReplicaSet = {
      apiVersion: API_VERSION,
      kind: 'ReplicaSet',
      metadata: { name, namespace: d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [controllerRef(d, API_VERSION, 'Deployment')] },
      spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
    };
    setNewReplicaSetAnnotations({ d, rs, newRevision: opts.newRevision, exists: false });
    rs.spec.replicas = newReplicaSetReplicas(d, [...opts.oldRSs, rs], rs);
    let created: ReplicaSet;
    let alreadyExists = false;
    try {
      created = await this.rsClient.create(rs);
    } catch (e) {
      if (!isAlreadyExists(e)) {
        const message = `Failed to create new replica set "${name}": ${(e as Error).message}`;
        if (hasProgressDeadline(d)) {
          setCondition((d.status ??= {}), newCondition({ type: PROGRESSING, status: 'False', reason: reasons.failedRSCreate, message, stamp: this.stamp() }));
          await this.patchStatus(d, d.status);
        }
        this.events.record(d, 'Warning', reasons.failedRSCreate, message);
        throw e;
      }
      // Ours already (a cache that lags our own create): use it. Anyone else's: a hash
      // collision, so bump collisionCount and retry with a new name (as upstream).
      const found = await this.rsClient.get({ namespace: d.metadata.namespace, name });
      if (controllerOf(found)?.uid === d.metadata.uid && equalIgnoreHash(found.spec.template, d.spec.template)) {
        created = found;
        alreadyExists = true;
      } else {
        const status = d.status ?? {};
        await this.patchStatus(d, { ...status, collisionCount: (status.collisionCount ?? 0) + 1 });
        throw new Error(`hash collision for ReplicaSet ${name}: collisionCount raised to ${(status.collisionCount ?? 0) + 1}`);
      }
    }
    if (!alreadyExists && rsReplicas(created) > 0) {
      this.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${rsReplicas(created)}`);
    }
    await this.setDeploymentRevision(d, String(opts.newRevision));
    if (!alreadyExists && hasProgressDeadline(d)) {
      setCondition((d.status ??= {}), newCondition({ type: PROGRESSING, status: 'True', reason: reasons.newRSCreated, message: `Created new replica set "${name}"`, stamp: this.stamp() }));
    }
    return created;
  }

  /** The revision annotation on the deployment, written on the main resource (status writes cannot change metadata). */
  private async setDeploymentRevision(d: Deployment, revision: string): Promise<void> {
    if (d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return;
    const updated = await this.deploymentClient.patch({
      namespace: d.metadata.namespace,
      name: d.metadata.name!,
      type: 'merge',
      patch: { metadata: { annotations: { [REVISION_ANNOTATION]: revision } } },
    });
    d.metadata.annotations = updated.metadata.annotations;
    d.metadata.resourceVersion = updated.metadata.resourceVersion;
  }

  /** Scales one ReplicaSet and keeps its replicas annotations current (scaleReplicaSet). */
  private async scaleReplicaSet(d: Deployment, rs: ReplicaSet, replicas: number, sets: Sets): Promise<boolean> {
    const { desired, max } = replicasAnnotationsFor(d);
    const copy: ReplicaSet = { ...structuredClone(rs), apiVersion: API_VERSION, kind: 'ReplicaSet' };
    const annotationsChanged = setReplicasAnnotations(copy, desired, max);
    const sizeChanged = rsReplicas(rs) !== replicas;
    if (!sizeChanged && !annotationsChanged) return false;
    copy.spec.replicas = replicas;
    const updated = await this.rsClient.update(copy);
    if (sets.newRS === rs) sets.newRS = updated;
    const i = sets.oldRSs.indexOf(rs);
    if (i >= 0) sets.oldRSs[i] = updated;
    if (sizeChanged) {
      const direction = rsReplicas(rs) < replicas ? 'up' : 'down';
      this.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata.name} from ${rsReplicas(rs)} to ${replicas}`);
    }
    return sizeChanged;
  }

  private async applySteps(d: Deployment, steps: ScaleStep[], sets: Sets): Promise<boolean> {
    let scaled = false;
    for (const step of steps) if (await this.scaleReplicaSet(d, step.rs, step.replicas, sets)) scaled = true;
    return scaled;
  }

  /** A change of spec.replicas that the ReplicaSets' desired-replicas annotations do not reflect yet (isScalingEvent). */
  private async isScalingEvent(d: Deployment, rsList: ReplicaSet[]): Promise<boolean> {
    const sets = await this.replicaSetsAndSyncRevision(d, rsList, false);
    const all = [...(sets.newRS ? [sets.newRS] : []), ...sets.oldRSs];
    return activeReplicaSets(all).some((rs) => {
      const desired = desiredReplicasAnnotation(rs);
      return desired !== undefined && desired !== desiredReplicas(d);
    });
  }

  /** Scaling and paused deployments (upstream's sync): proportional scaling, history clean-up, counts. */
  private async syncScale(d: Deployment, rsList: ReplicaSet[], cached: Deployment): Promise<void> {
    const sets = await this.replicaSetsAndSyncRevision(d, rsList, false);
    await this.applySteps(d, proportionalScale(d, sets), sets);
    if (d.spec.paused) await this.cleanup(d, sets.oldRSs);
    await this.syncCounts(d, sets, cached);
  }

  private async syncStatusOnly(d: Deployment, rsList: ReplicaSet[]): Promise<void> {
    const cached = structuredClone(d);
    const sets = await this.replicaSetsAndSyncRevision(d, rsList, false);
    await this.syncCounts(d, sets, cached);
  }

  private async syncCounts(d: Deployment, sets: Sets, cached: Deployment): Promise<void> {
    const all = [...(sets.newRS ? [sets.newRS] : []), ...sets.oldRSs];
    d.status = calculateStatus(d, { allRSs: all, newRS: sets.newRS, stamp: this.stamp() });
    await this.saveStatus(d, cached);
  }

  private async rolloutRolling(d: Deployment, rsList: ReplicaSet[], cached: Deployment): Promise<void> {
    const sets = await this.replicaSetsAndSyncRevision(d, rsList, true);
    const newRS = sets.newRS!;
    // Scale the new ReplicaSet up (or down, if over the desired count) first.
    const desired = desiredReplicas(d);
    if (rsReplicas(newRS) !== desired) {
      const target = rsReplicas(newRS) > desired ? desired : newReplicaSetReplicas(d, [...sets.oldRSs, newRS], newRS);
      if (await this.scaleReplicaSet(d, newRS, target, sets)) return this.syncRolloutStatus(d, sets, cached);
    }
    // Then old ones down, as availability allows.
    if (await this.applySteps(d, oldReplicaSetsScaleDown(d, { oldRSs: sets.oldRSs, newRS: sets.newRS! }), sets)) return this.syncRolloutStatus(d, sets, cached);
    if (isComplete(d, cached.status ?? {})) await this.cleanup(d, sets.oldRSs);
    await this.syncRolloutStatus(d, sets, cached);
  }

  private async rolloutRecreate(d: Deployment, rsList: ReplicaSet[], cached: Deployment): Promise<void> {
    const sets = await this.replicaSetsAndSyncRevision(d, rsList, false);
    // Every old pod goes first...
    const scaledDown = await this.applySteps(d, activeReplicaSets(sets.oldRSs).map((rs) => ({ rs, replicas: 0 })), sets);
    if (scaledDown || this.oldPodsRunning(sets)) return this.syncRolloutStatus(d, sets, cached);
    // ...then the new ReplicaSet comes up at full size.
    if (!sets.newRS) Object.assign(sets, await this.replicaSetsAndSyncRevision(d, rsList, true));
    if (sets.newRS) await this.scaleReplicaSet(d, sets.newRS, desiredReplicas(d), sets);
    if (isComplete(d, cached.status ?? {})) await this.cleanup(d, sets.oldRSs);
    await this.syncRolloutStatus(d, sets, cached);
  }

  /** Recreate's oldPodsRunning: old ReplicaSets still report pods, or own a pod not yet finished. */
  private oldPodsRunning(sets: Sets): boolean {
    if (sum.statusReplicas(sets.oldRSs) > 0) return true;
    const oldUids = new Set(sets.oldRSs.map((rs) => rs.metadata.uid));
    return this.pods
      .byIndex(NAMESPACE_INDEX, sets.oldRSs[0]?.metadata.namespace ?? '')
      .some((pod) => oldUids.has(controllerOf(pod)?.uid) && pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded');
  }

  private async syncRolloutStatus(d: Deployment, sets: Sets, cached: Deployment): Promise<void> {
    const all = [...(sets.newRS ? [sets.newRS] : []), ...sets.oldRSs];
    const { status, recheckMs } = rolloutStatus(d, { allRSs: all, newRS: sets.newRS, now: this.ctx.now(), stamp: this.stamp() });
    d.status = status;
    await this.saveStatus(d, cached);
    if (recheckMs !== undefined) this.queue.addAfter(objectKey(d), recheckMs);
  }

  /** Deletes old ReplicaSets beyond revisionHistoryLimit (cleanupDeployment). */
  private async cleanup(d: Deployment, oldRSs: ReplicaSet[]): Promise<void> {
    for (const rs of replicaSetsToCleanUp(oldRSs, d.spec.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT)) {
      try {
        await this.rsClient.delete({ namespace: rs.metadata.namespace, name: rs.metadata.name! });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  }

  /** Writes d.status when it differs from what the cache holds (no-op writes are skipped). */
  private async saveStatus(d: Deployment, cached: Deployment): Promise<void> {
    if (canonicalJson(omitZeroCounts(d.status)) === canonicalJson(omitZeroCounts(cached.status))) return;
    await this.patchStatus(d, d.status ?? {});
    cached.status = structuredClone(d.status);
  }

  private async patchStatus(d: Deployment, status: DeploymentStatus): Promise<void> {
    await this.deploymentClient.patch({ namespace: d.metadata.namespace, name: d.metadata.name!, subresource: 'status', type: 'merge', patch: { status: statusPatch(status) } });
  }
}

const COUNTS = ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'collisionCount'] as const;

/** DeploymentStatus's counters are `omitempty` upstream: zero is written as absent. */
function omitZeroCounts(status: DeploymentStatus | undefined): DeploymentStatus {
  const out: DeploymentStatus = { ...(status ?? {}) };
  for (const k of COUNTS) if (!out[k]) delete out[k];
  if (!out.conditions?.length) delete out.conditions;
  return out;
}

/** A merge patch that leaves exactly `status`: absent (zero) fields are removed with null. */
function statusPatch(status: DeploymentStatus): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...omitZeroCounts(status) };
  for (const k of [...COUNTS, 'conditions']) if (!(k in patch)) patch[k] = null;
  return patch;
}
