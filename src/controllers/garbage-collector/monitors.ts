import { objectKey, type Informer, type KubeObject, type SharedInformerFactory } from '../../client/index.ts';
import type { OwnerReference } from '../framework/index.ts';
import { apiVersionOf, type ApiResource } from './api-resources.ts';
import { ownerReferencesOf } from './owner-decisions.ts';

const BY_UID = 'garbage-collector:uid';
const BY_OWNER_UID = 'garbage-collector:owner-uid';

/** An object in one of the monitored caches, with the resource it belongs to. */
export interface Located {
  resource: ApiResource;
  obj: KubeObject;
}

export interface MonitorEvents {
  onAdd(resource: ApiResource, obj: KubeObject): void;
  onUpdate(resource: ApiResource, old: KubeObject, obj: KubeObject): void;
  onDelete(resource: ApiResource, obj: KubeObject): void;
}

/**
 * The collector's view of the cluster (upstream's GraphBuilder monitors): one shared informer
 * per deletable resource, each indexed by uid and by owner uid, so that an owner's dependents
 * and an owner reference's target are found across every resource without a graph of its own.
 */
export class Monitors {
  private readonly byId = new Map<string, { resource: ApiResource; informer: Informer<KubeObject> }>();
  /** `group/Kind` to resource: owner references may name any served version of the kind. */
  private readonly byGroupKind = new Map<string, ApiResource>();

  constructor(private readonly informers: SharedInformerFactory, private readonly events: MonitorEvents) {}

  static idOf(resource: ApiResource): string {
    return `${apiVersionOf(resource.type)}/${resource.type.resource}`;
  }

  /** Starts watching resources not watched yet; answers how many were added. */
  add(resources: ApiResource[]): number {
    let added = 0;
    for (const resource of resources) {
      const id = Monitors.idOf(resource);
      this.byGroupKind.set(`${resource.type.group}/${resource.kind}`, resource);
      if (this.byId.has(id)) continue;
      const informer = this.informers.informerFor<KubeObject>(resource.type);
      addIndexer(informer, BY_UID, (o) => (o.metadata.uid ? [o.metadata.uid] : []));
      addIndexer(informer, BY_OWNER_UID, (o) => ownerReferencesOf(o).map((r) => r.uid));
      informer.addEventHandler({
        onAdd: (o) => this.events.onAdd(resource, o),
        onUpdate: (old, o) => this.events.onUpdate(resource, old, o),
        onDelete: (o) => this.events.onDelete(resource, o),
      });
      this.byId.set(id, { resource, informer });
      added++;
    }
    return added;
  }

  get(id: string, key: string): Located | undefined {
    const monitor = this.byId.get(id);
    const obj = monitor?.informer.get(key);
    return monitor && obj ? { resource: monitor.resource, obj } : undefined;
  }

  /** The resource an owner reference's apiVersion and kind name; undefined when no monitored resource serves it. */
  resourceFor(ref: Pick<OwnerReference, 'apiVersion' | 'kind'>): ApiResource | undefined {
    const slash = ref.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
    return this.byGroupKind.get(`${group}/${ref.kind}`);
  }

  /** The cached object an owner reference names (by name, in the dependent's namespace when namespaced). */
  cachedOwner(ref: OwnerReference, dependentNamespace: string | undefined): Located | undefined {
    const resource = this.resourceFor(ref);
    if (!resource) return undefined;
    const key = objectKey({ metadata: { name: ref.name, namespace: resource.type.namespaced ? dependentNamespace : undefined } });
    return this.get(Monitors.idOf(resource), key);
  }

  /** Every cached object referencing `uid` as an owner. */
  dependentsOf(uid: string): Located[] {
    const out: Located[] = [];
    for (const { resource, informer } of this.byId.values()) for (const obj of informer.byIndex(BY_OWNER_UID, uid)) out.push({ resource, obj });
    return out;
  }

  /** The cached object with this uid, in whatever resource it is. */
  byUid(uid: string): Located | undefined {
    for (const { resource, informer } of this.byId.values()) {
      const [obj] = informer.byIndex(BY_UID, uid);
      if (obj) return { resource, obj };
    }
    return undefined;
  }
}

function addIndexer(informer: Informer<KubeObject>, name: string, fn: (o: KubeObject) => string[]): void {
  try {
    informer.addIndexer(name, fn);
  } catch {
    // Already there: the informer is shared and was indexed by an earlier monitor set.
  }
}
