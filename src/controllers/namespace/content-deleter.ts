import { apiErrorFrom, resourcePath, type KubeObject, type ObjectList, type Transport } from '../../client/index.ts';
import { discoverResources, supportingAll, type ApiResource } from '../garbage-collector/api-resources.ts';
import type { DeletionOutcome } from './deletion-conditions.ts';
import { groupResource, tallyRemaining } from './remaining-content.ts';

const METADATA_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';
const BACKGROUND = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' };

/** The result of one pass: the outcome for the conditions and the time to wait before the next pass. */
export interface DeletionPass extends DeletionOutcome {
  /** Seconds until graceful deletions should be done; only meaningful when content remains. */
  estimateSeconds: number;
  remaining: number;
}

/**
 * One pass of upstream's NamespacedResourcesDeleter.deleteAllContent: discover every
 * namespaced resource that can be listed and deleted (custom resources included), delete its
 * content (a collection DELETE where supported, else one by one, Background propagation as
 * upstream), then list what is left.
 */
export async function deleteNamespaceContent(opts: { transport: Transport; namespace: string; now: () => Date; signal?: AbortSignal }): Promise<DeletionPass> {
  const pass: DeletionPass = { discoveryErrors: [], deleteErrors: [], remainingByResource: new Map(), remainingByFinalizer: new Map(), estimateSeconds: 0, remaining: 0 };
  let discovered: ApiResource[] = [];
  try {
    discovered = await discoverResources(opts.transport, opts.signal);
  } catch (e) {
    pass.discoveryErrors.push(String((e as Error).message ?? e));
  }
  const deletable = supportingAll(discovered, ['list', 'delete']).filter((r) => r.type.namespaced);
  await Promise.all(
    deletable.map(async (r) => {
      const gr = groupResource(r.type);
      try {
        await deleteContent(opts, r);
        const left = await listMetadata(opts, r);
        const tally = tallyRemaining(left, opts.now());
        if (tally.count === 0) return;
        pass.remaining += tally.count;
        pass.remainingByResource.set(gr, tally.count);
        for (const [f, n] of tally.byFinalizer) pass.remainingByFinalizer.set(f, (pass.remainingByFinalizer.get(f) ?? 0) + n);
        pass.estimateSeconds = Math.max(pass.estimateSeconds, tally.estimateSeconds);
      } catch (e) {
        pass.deleteErrors.push(`${gr}: ${String((e as Error).message ?? e)}`);
      }
    }),
  );
  return pass;
}

async function deleteContent(opts: { transport: Transport; namespace: string; signal?: AbortSignal }, r: ApiResource): Promise<void> {
  const path = resourcePath(r.type, { namespace: opts.namespace });
  if (r.verbs.includes('deletecollection')) {
    const response = await opts.transport.request({ method: 'DELETE', path, body: BACKGROUND, signal: opts.signal });
    if (response.ok || response.status === 404) return void (await response.body?.cancel());
    throw await apiErrorFrom(response);
  }
  for (const item of await listMetadata(opts, r)) {
    if (item.metadata.deletionTimestamp) continue;
    const name = item.metadata.name!;
    const response = await opts.transport.request({ method: 'DELETE', path: resourcePath(r.type, { namespace: opts.namespace, name }), body: BACKGROUND, signal: opts.signal });
    if (!response.ok && response.status !== 404) throw await apiErrorFrom(response);
    await response.body?.cancel();
  }
}

async function listMetadata(opts: { transport: Transport; namespace: string; signal?: AbortSignal }, r: ApiResource): Promise<KubeObject[]> {
  const response = await opts.transport.request({
    method: 'GET',
    path: resourcePath(r.type, { namespace: opts.namespace }),
    headers: { accept: METADATA_LIST },
    signal: opts.signal,
  });
  if (response.status === 404) return [];
  if (!response.ok) throw await apiErrorFrom(response);
  return ((await response.json()) as ObjectList).items ?? [];
}
