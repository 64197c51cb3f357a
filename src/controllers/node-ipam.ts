import { isNotFound, WorkQueue, type KubeObject } from '../client/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { CidrSet } from './node-ipam/cidr-set.ts';

interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
}

/**
 * Upstream's node IPAM controller with the range allocator: a node registering without
 * spec.podCIDR gets the next free block of --cluster-cidr (/24 by default); the block is
 * released when the node is deleted. The nodes' own specs are the record: on start every
 * block nodes already hold is marked used. A node name that comes back gets its old block
 * again (issue 3): other nodes take a released block only once no fresh one is left. A full
 * range records CIDRNotAvailable on the node.
 */
export const nodeIpamController: Controller = {
  name: 'node-ipam',
  eventSource: 'cidrAllocator',
  async start(ctx: ControllerContext, signal: AbortSignal): Promise<void> {
    const nodes = ctx.informers.informerFor(resources.nodes);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    nodes.addEventHandler({
      onAdd: (n) => queue.add(n.metadata.name!),
      onUpdate: (_, n) => queue.add(n.metadata.name!),
      onDelete: (n) => queue.add(n.metadata.name!),
    });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    const allocator = new NodeCidrAllocator(ctx);
    for (const node of nodes.list()) allocator.remember(node);
    await runWorkers({ queue, workers: 1, signal, reconcile: (name) => allocator.sync(name, nodes.get(name)) });
  },
};

class NodeCidrAllocator {
  private readonly cidrs: CidrSet;
  /** The block each known node holds (or was just given). */
  private readonly byName = new Map<string, string>();
  /** Blocks of deleted nodes, offered again if the same name registers. */
  private readonly released = new Map<string, string>();

  constructor(private readonly ctx: ControllerContext) {
    this.cidrs = new CidrSet(ctx.options.clusterCidr, ctx.options.nodeCidrMaskSize);
  }

  /** Marks the blocks a node already holds as used. */
  remember(node: KubeObject): void {
    const cidr = podCidrOf(node);
    if (!cidr || this.byName.get(node.metadata.name!) === cidr) return;
    if (this.cidrs.occupy(cidr)) this.byName.set(node.metadata.name!, cidr);
  }

  async sync(name: string, node: KubeObject | undefined): Promise<void> {
    if (!node) return this.release(name);
    if (podCidrOf(node)) return this.remember(node);
    let cidr = this.byName.get(name);
    if (!cidr) {
      cidr = this.cidrs.allocate({ preferred: this.released.get(name), avoid: this.released.values() });
      if (!cidr) {
        // As upstream's RecordNodeStatusChange.
        this.ctx.events.record(withKind(node), 'Normal', 'CIDRNotAvailable', `Node ${name} status is now: CIDRNotAvailable`);
        throw new Error(`failed to allocate cidr from cluster cidr ${this.ctx.options.clusterCidr}: CIDR allocation failed; there are no remaining CIDRs left to allocate in the accepted range`);
      }
      this.byName.set(name, cidr);
      this.released.delete(name);
    }
    try {
      await this.ctx.client(resources.nodes).patch({ name, type: 'merge', patch: { spec: { podCIDR: cidr, podCIDRs: [cidr] } } });
    } catch (e) {
      if (isNotFound(e)) return this.release(name);
      throw e;
    }
  }

  private release(name: string): void {
    const cidr = this.byName.get(name);
    if (!cidr) return;
    this.cidrs.release(cidr);
    this.byName.delete(name);
    this.released.set(name, cidr);
  }
}

function podCidrOf(node: KubeObject): string | undefined {
  const spec = (node.spec ?? {}) as NodeSpec;
  return spec.podCIDR || spec.podCIDRs?.[0] || undefined;
}

function withKind(node: KubeObject): KubeObject {
  return { ...node, apiVersion: node.apiVersion ?? 'v1', kind: node.kind ?? 'Node' };
}
