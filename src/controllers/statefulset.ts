import { isAlreadyExists, isNotFound, objectKey, splitObjectKey, WorkQueue, type KubeObject } from '../client/index.ts';
import { controllerOf, ownerKey, resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { templatePatch, type ControllerRevision } from './history/controller-revision.ts';
import { ensureRevision, templateOfRevision, truncateHistory } from './history/ensure-revision.ts';
import { canonicalJson } from './framework/object-hash.ts';
import { claimName, newClaim, newStatefulPod, podRevision } from './statefulset/stateful-pod.ts';
import { planStatefulSet, statefulSetStatus, type StatefulSetAction } from './statefulset/statefulset-plan.ts';
import type { PodTemplate, StatefulSet } from './statefulset/statefulset-types.ts';

/**
 * The StatefulSet controller (upstream pkg/controller/statefulset): stable pod names and
 * claims per ordinal, ordered or parallel pod management, and revisions kept as
 * ControllerRevisions. Decisions are planStatefulSet's; this file reads caches and writes.
 */
export const statefulSetController: Controller = {
  name: 'statefulset',
  eventSource: 'statefulset-controller',
  async start(ctx, signal) {
    const sets = ctx.informers.informerFor<StatefulSet>(resources.statefulSets);
    const pods = ctx.informers.informerFor(resources.pods);
    const revisions = ctx.informers.informerFor<ControllerRevision>(resources.controllerRevisions);
    const claims = ctx.informers.informerFor(resources.persistentVolumeClaims);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    const enqueueSet = (set: KubeObject) => queue.add(objectKey(set));
    const enqueueOwner = (obj: KubeObject) => {
      const key = ownerKey(obj, 'StatefulSet');
      if (key) queue.add(key);
    };
    sets.addEventHandler({ onAdd: enqueueSet, onUpdate: (_, s) => enqueueSet(s), onDelete: enqueueSet });
    pods.addEventHandler({ onAdd: enqueueOwner, onUpdate: (_, p) => enqueueOwner(p), onDelete: enqueueOwner });
    revisions.addEventHandler({ onAdd: enqueueOwner, onDelete: enqueueOwner });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    await runWorkers({
      queue,
      workers: ctx.options.workers,
      signal,
      reconcile: async (key) => {
        const set = sets.get(key);
        if (!set?.metadata.uid || set.metadata.deletionTimestamp) return;
        const { namespace } = splitObjectKey(key);
        const owned = <T extends KubeObject>(list: T[]) => list.filter((o) => controllerOf(o)?.uid === set.metadata.uid);
        const requeueMs = await syncStatefulSet({
          ctx,
          set,
          pods: owned(pods.byIndex('namespace', namespace ?? '')),
          revisions: owned(revisions.byIndex('namespace', namespace ?? '')),
          claim: (name) => claims.get(`${namespace}/${name}`),
        });
        if (requeueMs !== undefined) queue.addAfter(key, requeueMs);
      },
    });
  },
};

async function syncStatefulSet(o: {
  ctx: ControllerContext;
  set: StatefulSet;
  pods: KubeObject[];
  revisions: ControllerRevision[];
  claim: (name: string) => KubeObject | undefined;
}): Promise<number | undefined> {
  const { ctx, set } = o;
  const revisionClient = ctx.client<ControllerRevision>(resources.controllerRevisions);
  const { revision: update, collisionCount } = await ensureRevision({
    client: revisionClient,
    parent: set,
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    labels: set.spec.template.metadata?.labels ?? {},
    data: templatePatch(set.spec.template),
    revisions: o.revisions,
    collisionCount: set.status?.collisionCount ?? 0,
  });
  const current = o.revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  const input = { set, pods: o.pods, currentRevision: current.metadata.name!, updateRevision: update.metadata.name!, now: ctx.now() };
  const actions = planStatefulSet(input);
  for (const action of actions) await apply(ctx, set, action, { current, update, claim: o.claim });

  const status = statefulSetStatus({ ...input, collisionCount });
  if (canonicalJson({ ...set.status, ...status }) !== canonicalJson(set.status ?? {})) {
    await ctx.client<StatefulSet>(resources.statefulSets).updateStatus({ ...structuredClone(set), status: { ...set.status, ...status } });
  }
  const live = new Set([current.metadata.name!, update.metadata.name!, ...o.pods.map((p) => podRevision(p) ?? '')]);
  await truncateHistory({ client: revisionClient, revisions: o.revisions.filter((r) => r.metadata.name !== update.metadata.name), live, limit: set.spec.revisionHistoryLimit ?? 10 });
  // minReadySeconds: look again when the newest ready pod becomes available.
  return set.spec.minReadySeconds && status.readyReplicas !== status.availableReplicas ? set.spec.minReadySeconds * 1000 : undefined;
}

async function apply(
  ctx: ControllerContext,
  set: StatefulSet,
  action: StatefulSetAction,
  r: { current: ControllerRevision; update: ControllerRevision; claim: (name: string) => KubeObject | undefined },
): Promise<void> {
  const podClient = ctx.client(resources.pods);
  const setName = set.metadata.name;
  if (action.kind === 'create') {
    const revision = action.revision === 'current' ? r.current : r.update;
    const template = (action.revision === 'current' ? templateOfRevision(r.current) : set.spec.template) as PodTemplate;
    const pod = newStatefulPod({ set, template, ordinal: action.ordinal, revision: revision.metadata.name! });
    for (const t of set.spec.volumeClaimTemplates ?? []) {
      const name = claimName(set, t, action.ordinal);
      if (r.claim(name)) continue;
      try {
        await ctx.client(resources.persistentVolumeClaims).create(newClaim(set, t, action.ordinal));
        ctx.events.record(set, 'Normal', 'SuccessfulCreate', `create Claim ${name} Pod ${pod.metadata.name} in StatefulSet ${setName} success`);
      } catch (error) {
        if (isAlreadyExists(error)) continue;
        ctx.events.record(set, 'Warning', 'FailedCreate', `create Claim ${name} for Pod ${pod.metadata.name} in StatefulSet ${setName} failed error: ${(error as Error).message}`);
        throw error;
      }
    }
    try {
      await podClient.create(pod);
      ctx.events.record(set, 'Normal', 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${setName} successful`);
    } catch (error) {
      if (isAlreadyExists(error)) return; // the cache had not seen it yet
      ctx.events.record(set, 'Warning', 'FailedCreate', `create Pod ${pod.metadata.name} in StatefulSet ${setName} failed error: ${(error as Error).message}`);
      throw error;
    }
    return;
  }
  const pod = action.pod;
  const ordinal = Number(pod.metadata.name!.slice(setName!.length + 1));
  if (action.reason === 'condemned' && set.spec.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete') {
    // whenScaled: Delete hands each claim of a removed ordinal to its pod, so it goes with the pod.
    for (const t of set.spec.volumeClaimTemplates ?? []) {
      const claim = r.claim(claimName(set, t, ordinal));
      if (!claim) continue;
      const refs = ((claim.metadata.ownerReferences as { uid: string }[] | undefined) ?? []).filter((ref) => ref.uid !== pod.metadata.uid);
      const podRef = { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: pod.metadata.uid, blockOwnerDeletion: true };
      await ctx.client(resources.persistentVolumeClaims).patch({ namespace: claim.metadata.namespace, name: claim.metadata.name!, type: 'merge', patch: { metadata: { ownerReferences: [...refs, podRef] } } });
    }
  }
  try {
    await podClient.delete({ namespace: pod.metadata.namespace, name: pod.metadata.name!, preconditions: { uid: pod.metadata.uid } });
    ctx.events.record(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${setName} successful`);
  } catch (error) {
    if (isNotFound(error)) return;
    ctx.events.record(set, 'Warning', 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${setName} failed error: ${(error as Error).message}`);
    throw error;
  }
}
